package org.initlab.ui.sweep;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.initlab.format.Numbers;
import org.initlab.report.RunJson;
import org.initlab.settings.Presets;
import org.initlab.settings.SweepAxis;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LessonTarget;
import org.initlab.ui.chart.BandLineChart;
import org.initlab.ui.chart.ChartLines;
import org.initlab.ui.training.LabViewModel;

/**
 * The Sweep tab: the grid editor, progress (cells done, ETA, cancel), the curve (one parameter: final
 * accuracy per scheme with a ± sd band over seeds, log x axis, the theory's choice marked) or the heat
 * map (two parameters), and the runs as they finish. A double-click on a run, or a click on a map cell,
 * opens that run in the Training tab. The window's pump takes finished runs in once per pulse.
 */
public final class SweepView extends VBox {
    private final SweepViewModel vm;
    private final LabViewModel lab;
    private final Runnable showTraining;
    private final BandLineChart curve;
    private final HeatMapChart heat;
    private final NumberAxis x = new NumberAxis(), y = new NumberAxis(0, 100, 10);
    /** This tab's name for lessons (WindowModel.View's id). */
    private static final String TAB = "sweep";

    /** {@code showTraining} brings the Training tab forward once a run of the sweep is opened there. */
    public SweepView(SweepViewModel vm, LabViewModel lab, Runnable showTraining) {
        this.vm = vm;
        this.lab = lab;
        this.showTraining = showTraining;
        setId("sweepView");
        setSpacing(6);
        setPadding(new Insets(6));

        ChoiceBox<String> param = new ChoiceBox<>();
        ChoiceBox<String> param2 = new ChoiceBox<>();
        for (SweepAxis a : SweepAxis.values()) param.getItems().add(a.id());
        param2.getItems().add("");
        param2.getItems().addAll(param.getItems());
        // The values are the command line's ids; the chooser shows each as its field's label.
        StringConverter<String> labels = new StringConverter<>() {
            @Override
            public String toString(String s) {
                if (s == null || s.isEmpty()) return I18n.t("sweep.none");
                try {
                    return I18n.t(SweepAxis.parse(s).labelKey());
                } catch (IllegalArgumentException e) {
                    return s; // not a sweep parameter: the grid's check names it
                }
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
        param.setConverter(labels);
        param2.setConverter(labels);
        param.setId("sweepParam");
        param.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        param2.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        param2.setId("sweepParam2");
        param.valueProperty().bindBidirectional(vm.paramProperty());
        param2.valueProperty().bindBidirectional(vm.param2Property());
        TextField values = field("sweepValues", vm.valuesProperty(), 11);
        TextField values2 = field("sweepValues2", vm.values2Property(), 11);
        values2.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.param2Property().get() == null
                                || vm.param2Property().get().isEmpty(),
                        vm.param2Property()));
        TextField schemes = field("sweepSchemes", vm.schemesProperty(), 10);
        TextField seeds = field("sweepSeeds", vm.seedsProperty(), 8);
        TextField epochs = field("sweepEpochs", vm.epochsProperty(), 4);
        TextField batches = field("sweepBatches", vm.batchesPerEpochProperty(), 6);

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        grid.addRow(
                0,
                label("sweep.param"),
                param,
                label("sweep.values"),
                values,
                label("sweep.schemes"),
                schemes,
                label("sweep.seeds"),
                seeds);
        grid.addRow(
                1,
                label("sweep.param2"),
                param2,
                label("sweep.values"),
                values2,
                label("sweep.epochs"),
                epochs,
                label("sweep.batches"),
                batches);
        grid.disableProperty().bind(vm.runningProperty());
        // The fields give way at 1280 × 720 (the seeds and mini-batch fields were cut at the right edge): labels
        // and choices keep their width, field columns share what is left.
        for (int c = 0; c < 8; c++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            if (c == 3 || c == 5 || c == 7) {
                cc.setHgrow(Priority.SOMETIMES);
                cc.setMinWidth(60);
            } else {
                cc.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            grid.getColumnConstraints().add(cc);
        }

        Button run = new Button(I18n.t("sweep.run"));
        run.setId("sweepRun");
        run.setDefaultButton(false);
        run.disableProperty()
                .bind(vm.runningProperty()
                        .or(lab.busyProperty())
                        .or(lab.datasetProperty().isNull()));
        run.setOnAction(e -> vm.start());
        LessonTarget.mark(run, TAB, "sweepRun");
        Button cancel = new Button(I18n.t("sweep.cancel"));
        cancel.setId("sweepCancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("sweepProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(200);
        Label cells = new Label();
        cells.setId("sweepCells");
        cells.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> I18n.f(
                                "sweep.cells",
                                Integer.toString(vm.cellsDoneProperty().get()),
                                Integer.toString(vm.cellsTotalProperty().get())),
                        vm.cellsDoneProperty(),
                        vm.cellsTotalProperty()));
        Label eta = new Label();
        eta.setId("sweepEta");
        eta.textProperty().bind(vm.etaProperty());
        Label status = new Label();
        status.setId("sweepStatus");
        status.textProperty().bind(vm.statusProperty());
        ComboBox<String> preset = presetChooser(vm, lab);
        run.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        bar.setMinWidth(40);
        cells.setMinWidth(Region.USE_PREF_SIZE);
        eta.setMinWidth(Region.USE_PREF_SIZE);
        // The status takes what is left and wraps rather than widen the tab past the window.
        status.setWrapText(true);
        status.setMinWidth(80);
        status.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox controls = new HBox(8, preset, run, cancel, bar, cells, eta, status);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("sweepProblem");
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(vm.problemProperty().isNotEmpty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        // Check the grid as it is typed (quietly: the problem shows, nothing else changes).
        for (var p : List.of(
                vm.paramProperty(),
                vm.valuesProperty(),
                vm.param2Property(),
                vm.values2Property(),
                vm.schemesProperty(),
                vm.seedsProperty(),
                vm.epochsProperty(),
                vm.batchesPerEpochProperty())) {
            p.addListener((o, a, b) -> {
                if (!vm.runningProperty().get()) vm.validate();
            });
        }

        x.setAutoRanging(true);
        x.setForceZeroInRange(false);
        x.setTickUnit(1);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number v) {
                if (!vm.logXProperty().get()) return Numbers.whole(v.doubleValue());
                if (Math.abs(v.doubleValue() - Math.rint(v.doubleValue())) > 1e-9) return "";
                return decade((int) Math.rint(v.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        x.labelProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.xNameProperty().get() + (vm.logXProperty().get() ? " " + I18n.t("sweep.logAxis") : ""),
                        vm.xNameProperty(),
                        vm.logXProperty()));
        y.setLabel(I18n.t("sweep.accuracy"));
        y.setAutoRanging(false);
        ChartLines lines = new ChartLines(vm.curves());
        curve = new BandLineChart(x, y, lines.series(), lines::bandOf);
        curve.setId("sweepCurve");
        curve.setAnimated(false);
        curve.setCreateSymbols(true);
        curve.titleProperty().bind(vm.curveTitleProperty());
        heat = new HeatMapChart(first -> vm.savedRunOfCell(first).ifPresent(this::open));
        heat.setId("sweepHeatMap");
        heat.titleProperty().bind(vm.heatTitleProperty());
        LessonTarget.mark(heat, TAB, "sweepHeatMap");
        heat.setVisible(false);
        vm.heatMapProperty().addListener((o, a, b) -> {
            heat.setData(b);
            heat.setVisible(b != null);
            curve.setVisible(b == null);
        });
        vm.xSpanProperty().addListener((o, a, b) -> frameX());
        vm.logXProperty().addListener((o, a, b) -> frameX());
        frameX();
        vm.theoryCurve().addListener((ListChangeListener<Object>)
                c -> heat.setTheory(vm.theoryCurve(), vm.theoryLabelProperty().get()));
        vm.curves().addListener((ListChangeListener<Object>) c -> {
            if (!vm.curves().isEmpty()) {
                curve.setVisible(true);
                heat.setVisible(false);
            }
        });
        StackPane charts = new StackPane(curve, heat);
        VBox.setVgrow(charts, Priority.ALWAYS);

        TableView<SweepViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("sweepRuns");
        table.setPrefHeight(170);
        Label noRuns = new Label(I18n.t("sweep.noRuns"));
        // A narrow table (the lesson panel open, presentation's larger text) wraps it, never cuts it.
        noRuns.setWrapText(true);
        noRuns.maxWidthProperty().bind(table.widthProperty().subtract(24));
        noRuns.setMinHeight(Region.USE_PREF_SIZE);
        table.setPlaceholder(noRuns);
        table.getColumns()
                .addAll(List.of(
                        column("sweep.col.cell", SweepViewModel.Row::cell, 220),
                        column("sweep.col.scheme", SweepViewModel.Row::scheme, 90),
                        column("sweep.col.seed", SweepViewModel.Row::seed, 60),
                        column("sweep.col.final", SweepViewModel.Row::finalAccuracy, 90),
                        column("sweep.col.best", SweepViewModel.Row::best, 80),
                        column("sweep.col.diverged", SweepViewModel.Row::diverged, 420)));
        table.setRowFactory(t -> {
            TableRow<SweepViewModel.Row> r = new TableRow<>();
            r.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && r.getItem() != null)
                    vm.savedRun(r.getItem().index()).ifPresent(this::open);
            });
            return r;
        });
        Label hint = new Label(I18n.t("sweep.hint"));
        hint.setStyle("-fx-text-fill: #555;");
        // No part may hold the tab wider than the window (1280 × 720 with the side panel): the table scrolls, the
        // charts and the hint shrink.
        table.setMinWidth(100);
        charts.setMinWidth(100);
        curve.setMinWidth(100);
        heat.setMinWidth(100);
        hint.setMinWidth(0);
        problem.setWrapText(true);
        problem.setMinWidth(0);
        getChildren().addAll(grid, controls, problem, timeBar(vm), charts, hint, table);

        vm.validate();
    }

    /** The deep presets (each has a sweep grid): choosing one fills the side panel and the grid, ready for Run sweep. */
    private static ComboBox<String> presetChooser(SweepViewModel vm, LabViewModel lab) {
        ComboBox<String> c = new ComboBox<>();
        c.setId("sweepPreset");
        c.getItems().setAll(Presets.deepIds());
        c.setPromptText(I18n.t("sweep.preset"));
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : I18n.t("sweep.preset." + id);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        // Narrow enough that Run and Cancel keep their words at 1280 × 720; a long name is cut in the box only.
        c.setPrefWidth(190);
        c.setMinWidth(110);
        c.setTooltip(new javafx.scene.control.Tooltip(I18n.t("sweep.preset.tip")));
        c.disableProperty().bind(vm.runningProperty().or(lab.busyProperty()));
        c.setOnAction(e -> {
            if (c.getValue() != null) vm.usePreset(c.getValue());
        });
        return LessonTarget.mark(c, TAB, "sweepPreset");
    }

    /** A label that keeps its whole text (the fields give way instead). */
    private static Label label(String key) {
        Label l = new Label(I18n.t(key));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** 10^k as the axis writes it: 0.001 to 100,000 in full, beyond as 1e-6 or 1e20 (a long cannot hold 10^20). */
    static String decade(int k) {
        if (k < -3 || k > 5) return "1e" + k;
        return k >= 0
                ? Numbers.whole(Math.pow(10, k))
                : java.math.BigDecimal.ONE.scaleByPowerOfTen(k).toPlainString();
    }

    /** On a log axis: a frame a quarter decade beyond the points, ticks every quarter decade, labels at the decades. */
    private void frameX() {
        double[] span = vm.xSpanProperty().get();
        if (vm.logXProperty().get() && span == null)
            span = new double[] {-1, 1}; // empty: 0.1 to 10, not auto-ranged over nothing
        if (!vm.logXProperty().get()) {
            x.setAutoRanging(true);
            x.setTickUnit(1);
            return;
        }
        x.setAutoRanging(false);
        x.setLowerBound(Math.floor(span[0] * 4) / 4 - 0.25);
        x.setUpperBound(Math.ceil(span[1] * 4) / 4 + 0.25);
        x.setTickUnit(0.25);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.setMinWidth(Math.min(columns, 6) * 11 + 16); // about six characters stay visible
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static TableColumn<SweepViewModel.Row, Object> column(
            String key, java.util.function.Function<SweepViewModel.Row, Object> value, double width) {
        TableColumn<SweepViewModel.Row, Object> c = new TableColumn<>(I18n.t(key));
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Shows a run in the Training tab (not while the lab trains). */
    private void open(RunJson.SavedRun saved) {
        if (lab.busyProperty().get()) return;
        lab.openSavedRun(saved);
        showTraining.run();
    }

    /** Nothing to catch up: the pump keeps it current. */
    public void refresh() {}

    /** The training-time scrubber (the chosen steps, then the end) and the map's agreement with the theory; hidden when neither applies. */
    private static HBox timeBar(SweepViewModel vm) {
        javafx.scene.control.Slider slider = new javafx.scene.control.Slider(0, 0, 0);
        slider.setId("sweepTime");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setBlockIncrement(1);
        slider.setSnapToTicks(true);
        slider.setPrefWidth(220);
        slider.setMinWidth(80);
        slider.maxProperty().bind(vm.timesProperty());
        slider.visibleProperty().bind(vm.timesProperty().greaterThan(0));
        slider.managedProperty().bind(slider.visibleProperty());
        slider.valueProperty().addListener((o, a, b) -> {
            if ((int) Math.round(b.doubleValue()) != vm.timeProperty().get())
                vm.showTime((int) Math.round(b.doubleValue()));
        });
        vm.timeProperty().addListener((o, a, b) -> slider.setValue(b.intValue()));
        Label when = new Label();
        when.setId("sweepTimeLabel");
        when.textProperty().bind(vm.timeLabelProperty());
        Label agreement = new Label();
        agreement.setId("sweepAgreement");
        agreement.textProperty().bind(vm.agreementProperty());
        // It wraps onto a second line where the row is too narrow (1280 × 720, Chinese), never cut.
        agreement.setWrapText(true);
        agreement.setMinWidth(120);
        agreement.setMaxWidth(Double.MAX_VALUE);
        agreement.setMinHeight(Region.USE_PREF_SIZE);
        LessonTarget.mark(agreement, TAB, "sweepAgreement");
        LessonTarget.mark(slider, TAB, "sweepTime");
        Label title = new Label(I18n.t("sweep.time"));
        // The step and the title keep their width; the agreement takes the rest of the row.
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        when.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(agreement, Priority.ALWAYS);
        HBox bar = new HBox(8, title, slider, when, agreement);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.visibleProperty()
                .bind(vm.timesProperty()
                        .greaterThan(0)
                        .or(vm.agreementProperty().isNotEmpty()));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }
}
