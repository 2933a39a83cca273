package org.initlab.ui.training;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.initlab.train.RunStatus;
import org.initlab.train.RunSummary;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LessonTarget;
import org.initlab.ui.chart.BandLineChart;
import org.initlab.ui.chart.ChartLines;
import org.initlab.ui.chart.GrowingChartAxes;
import org.initlab.ui.chart.SegmentLineChart;

/** Accuracy curves, the saturated fraction per epoch beside them, and the per-run summary table. */
public final class TrainingView extends VBox {
    private final BandLineChart accuracy;
    private final SegmentLineChart saturation;
    private final BandLineChart steps;
    private final TableView<RunRow> table;

    public TrainingView(LabViewModel vm) {
        setSpacing(6);
        setPadding(new Insets(6));
        NumberAxis x = new NumberAxis();
        x.setLabel(I18n.t("axis.epochsTrained"));
        GrowingChartAxes.epochs(x, vm.results().plannedEpochsProperty());
        NumberAxis y = new NumberAxis();
        y.setLabel(I18n.t("axis.testAccuracy"));
        ChartLines accuracyLines = new ChartLines(vm.results().accuracyLines());
        GrowingChartAxes.percentFloor(y, accuracyLines.series(), accuracyLines::bandOf);
        accuracy = new BandLineChart(x, y, accuracyLines.series(), accuracyLines::bandOf);
        accuracy.setId("accuracyChart");
        LessonTarget.mark(accuracy, "training", "accuracyChart");
        accuracy.markX(vm.results().viewedSnapshotProperty()); // x = epochs trained = the snapshot's index
        accuracy.setTitle(I18n.t("chart.accuracy"));
        accuracy.setAnimated(false);
        accuracy.setCreateSymbols(true);
        Tooltip pointTip = pointTooltip();
        // A series comes back when "every seed" is toggled: decorate its points once, not once per showing.
        java.util.Set<XYChart.Series<Number, Number>> decorated =
                java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
        accuracyLines.series().addListener((ListChangeListener<XYChart.Series<Number, Number>>) c -> {
            while (c.next())
                for (XYChart.Series<Number, Number> s : c.getAddedSubList())
                    if (decorated.add(s)) installTooltips(s, pointTip);
        });

        NumberAxis sx = new NumberAxis();
        sx.setLabel(I18n.t("axis.epochsTrained")); // the scrubber says that 0 is the initialization
        GrowingChartAxes.epochs(sx, vm.results().plannedEpochsProperty());
        NumberAxis sy = new NumberAxis(0, 100, 20);
        sy.setLabel(I18n.t("axis.saturated"));
        ChartLines saturationLines = new ChartLines(vm.results().saturationLines());
        saturation = new BandLineChart(sx, sy, saturationLines.series(), saturationLines::bandOf);
        saturation.setId("saturationChart");
        LessonTarget.mark(saturation, "training", "saturationChart");
        saturation.markX(vm.results().viewedSnapshotProperty());
        saturation.setTitle(I18n.t("chart.saturation"));
        saturation.setAnimated(false);
        saturation.setLegendVisible(false);

        steps = stepChart(vm.results().stepCurves(), pointTip, decorated);
        SplitPane charts = new SplitPane(accuracy, saturation);
        charts.setDividerPositions(0.68);
        // The step chart is there while the settings choose steps (the deep presets): beside the epoch chart,
        // whose one epoch would otherwise be all a 1,000-step run shows. It is then the widest and carries the
        // legend: in the narrower epoch chart the legend's rows took the plot's height (146 px at 1280 × 720 in
        // presentation mode with the lesson list open).
        Runnable placeSteps = () -> {
            boolean chosen = vm.results().stepCurves().chosenProperty().get();
            if (chosen && !charts.getItems().contains(steps)) {
                charts.getItems().add(1, steps);
                charts.setDividerPositions(0.32, 0.84);
            } else if (!chosen && charts.getItems().remove(steps)) charts.setDividerPositions(0.68);
            accuracy.setLegendVisible(!chosen);
            steps.setLegendVisible(chosen);
        };
        vm.results().stepCurves().chosenProperty().addListener((o, a, b) -> placeSteps.run());
        placeSteps.run();
        VBox.setVgrow(charts, javafx.scene.layout.Priority.ALWAYS);

        FittedTable<RunRow> fitted = new FittedTable<>(vm.results().rows());
        table = fitted;
        table.setId("summaryTable");
        LessonTarget.mark(table, "training", "summaryTable");
        table.setPrefHeight(150);
        table.setMinHeight(Region.USE_PREF_SIZE); // its header and two runs stay in view however short the window
        table.getColumns()
                .add(textColumn(I18n.t("table.scheme"), 190, r -> r.accuracy().nameProperty()));
        TableColumn<RunRow, Number> progress = new TableColumn<>(I18n.t("table.progress"));
        progress.setPrefWidth(110);
        progress.setCellValueFactory(f -> f.getValue().progressProperty());
        progress.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                bar.setProgress(v == null ? 0 : v.doubleValue());
                setGraphic(empty ? null : bar);
            }
        });
        table.getColumns().add(progress);
        fitted.keepAtLeast(progress, 90);
        table.getColumns().add(textColumn(I18n.t("table.eta"), 80, RunRow::etaProperty));
        table.getColumns().add(summaryColumn(I18n.t("table.epoch0"), 95, RowText::epoch0));
        table.getColumns().add(summaryColumn(I18n.t("table.first"), 80, RowText::firstReaching));
        table.getColumns().add(summaryColumn(I18n.t("table.best"), 130, RowText::best));
        table.getColumns().add(summaryColumn(I18n.t("table.final"), 70, RowText::last));
        table.getColumns().add(summaryColumn(I18n.t("table.sPerEpoch"), 70, RowText::secondsPerEpoch));
        TableColumn<RunRow, String> status = new TableColumn<>(I18n.t("table.status"));
        status.setCellValueFactory(f -> javafx.beans.binding.Bindings.createStringBinding(
                () -> {
                    if (f.getValue().plannedProperty().get()) return I18n.t("row.planned");
                    RunStatus s = f.getValue().statusProperty().get();
                    String m = f.getValue().messageProperty().get();
                    return I18n.t("runstatus." + s.name()) + (m == null || m.isEmpty() ? "" : ": " + m);
                },
                f.getValue().statusProperty(),
                f.getValue().messageProperty(),
                f.getValue().plannedProperty()));
        table.getColumns().add(status);
        // The summary's place is kept while it is empty: appearing at a run's end (and going at the next Run)
        // it resized both charts, which then repainted whole in the run's last frame.
        javafx.scene.control.Label summary = new javafx.scene.control.Label();
        summary.setId("summaryText");
        LessonTarget.mark(summary, "training", "summaryText");
        javafx.beans.binding.BooleanBinding empty =
                vm.results().summaryProperty().isEmpty();
        summary.textProperty()
                .bind(javafx.beans.binding.Bindings.when(empty)
                        .then(I18n.t("summary.placeholder"))
                        .otherwise(vm.results().summaryProperty()));
        summary.styleProperty()
                .bind(javafx.beans.binding.Bindings.when(empty)
                        .then("-fx-font-style: italic; -fx-text-fill: -fx-mid-text-color;")
                        .otherwise("-fx-font-family: monospace;"));
        javafx.scene.control.ScrollPane summaryScroll = new javafx.scene.control.ScrollPane(summary);
        summaryScroll.setId("summaryScroll");
        summaryScroll.setPrefHeight(110);
        summaryScroll.setMinHeight(60); // on a 1280 × 720 projector the table's rows come first; the summary scrolls
        getChildren().addAll(charts, table, summaryScroll);
    }

    public LineChart<Number, Number> accuracyChart() {
        return accuracy;
    }

    public LineChart<Number, Number> saturationChart() {
        return saturation;
    }

    /** Accuracy against mini-batch steps, from the comparison's chosen steps ({@code evalSteps}). */
    public LineChart<Number, Number> stepChart() {
        return steps;
    }

    private static BandLineChart stepChart(
            StepCurves curves, Tooltip pointTip, java.util.Set<XYChart.Series<Number, Number>> decorated) {
        NumberAxis x = new NumberAxis();
        x.setLabel(I18n.t("axis.stepsTrained"));
        GrowingChartAxes.epochs(x, curves.lastStepProperty());
        // Step labels are wider than epoch numbers ("1,000"): half as many ticks keep them apart on a narrow chart.
        Runnable wider = () -> x.setTickUnit(2
                * GrowingChartAxes.tickUnit(
                        Math.max(1, curves.lastStepProperty().get())));
        curves.lastStepProperty().addListener((o, a, b) -> wider.run());
        wider.run();
        NumberAxis y = new NumberAxis();
        y.setLabel(I18n.t("axis.testAccuracy"));
        ChartLines lines = new ChartLines(curves.lines());
        GrowingChartAxes.percentFloor(y, lines.series(), lines::bandOf);
        BandLineChart chart = new BandLineChart(x, y, lines.series(), lines::bandOf);
        chart.setId("stepChart");
        chart.setTitle(I18n.t("chart.steps"));
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setLegendVisible(false); // shown instead of the epoch chart's (same lines, same colours) when placed
        lines.series().addListener((ListChangeListener<XYChart.Series<Number, Number>>) c -> {
            while (c.next())
                for (XYChart.Series<Number, Number> s : c.getAddedSubList())
                    if (decorated.add(s)) installTooltips(s, pointTip);
        });
        for (XYChart.Series<Number, Number> s : lines.series()) if (decorated.add(s)) installTooltips(s, pointTip);
        return chart;
    }

    /** A column showing one part of the row's core summary, formatted by {@link RowText}. */
    private static TableColumn<RunRow, String> summaryColumn(
            String title, double width, java.util.function.Function<RunSummary, String> text) {
        return textColumn(
                title,
                width,
                r -> javafx.beans.binding.Bindings.createStringBinding(
                        () -> text.apply(r.summary()), r.summaryProperty()));
    }

    private static TableColumn<RunRow, String> textColumn(
            String title,
            double width,
            java.util.function.Function<RunRow, javafx.beans.value.ObservableValue<String>> value) {
        TableColumn<RunRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        return c;
    }

    /**
     * Exact values on hover; probe points drawn smaller than end-of-epoch points. One tooltip serves every
     * point and takes its text from the point under the mouse: a tooltip per point built a popup window
     * with its own scene and styles for each new point, in the training pulse.
     */
    private static void installTooltips(XYChart.Series<Number, Number> series, Tooltip shared) {
        series.getData().addListener((ListChangeListener<XYChart.Data<Number, Number>>) c -> {
            while (c.next()) {
                for (XYChart.Data<Number, Number> d : c.getAddedSubList()) {
                    d.nodeProperty().addListener((o, old, node) -> decorate(d, shared));
                    decorate(d, shared);
                }
            }
        });
    }

    private static Tooltip pointTooltip() {
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(100));
        return tip;
    }

    private static void decorate(XYChart.Data<Number, Number> d, Tooltip shared) {
        if (d.getNode() == null || d.getExtraValue() == null) return;
        String text = d.getExtraValue().toString();
        // Entering a point comes before the moves that open the tooltip.
        d.getNode().setOnMouseEntered(e -> shared.setText(text));
        Tooltip.install(d.getNode(), shared);
        double x = d.getXValue().doubleValue();
        if (x != Math.rint(x)) d.getNode().setStyle("-fx-padding: 2px; -fx-background-insets: 0;");
    }
}
