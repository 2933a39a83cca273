package org.initlab.ui.theory;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.initlab.format.TickStep;
import org.initlab.math.SigmoidMath;
import org.initlab.theory.Histogram;
import org.initlab.theory.ZStats;
import org.initlab.train.NetworkStats;
import org.initlab.train.ZHistogram;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LessonTarget;
import org.initlab.ui.chart.ChartSeries;
import org.initlab.ui.controls.RedrawWhenShown;
import org.initlab.ui.controls.SchemeChoice;
import org.initlab.ui.training.LabViewModel;
import org.initlab.ui.training.RunRow;

/**
 * σ(z) and σ'(z) with the schemes' z densities on one axis and the saturated region (σ'(z) &lt; t) shaded;
 * the saturation numbers analytic and sampled; below, the real network's hidden z per epoch.
 */
public final class SaturationView extends VBox {
    private final ZViewModel vm;
    private final LabViewModel lab;
    private final AreaChart<Number, Number> curves;
    private final NumberAxis zAxis = new NumberAxis();
    private final Label numbers = new Label();
    private final LineChart<Number, Number> live;

    public SaturationView(ZViewModel vm, LabViewModel lab) {
        this.vm = vm;
        this.lab = lab;
        setSpacing(6);
        setPadding(new Insets(6));
        zAxis.setLabel("z");
        zAxis.setAutoRanging(false);
        NumberAxis y = new NumberAxis(0, 1.05, 0.25);
        curves = new AreaChart<>(zAxis, y);
        curves.setId("saturationCurves");
        LessonTarget.mark(curves, "saturation", "saturationCurves");
        curves.setTitle(I18n.t("sat.title"));
        curves.setAnimated(false);
        curves.setCreateSymbols(false);
        numbers.setId("saturationNumbers");
        LessonTarget.mark(numbers, "saturation", "saturationNumbers");
        numbers.setStyle("-fx-font-family: monospace;");

        NumberAxis lx = new NumberAxis(-30, 30, 5);
        lx.setLabel(I18n.t("sat.liveAxis"));
        NumberAxis ly = new NumberAxis();
        ly.setLabel(I18n.t("z.density"));
        live = new LineChart<>(lx, ly);
        live.setId("liveZChart");
        LessonTarget.mark(live, "saturation", "liveZChart");
        live.setAnimated(false);
        live.setCreateSymbols(false);
        live.setTitle(I18n.t("sat.live"));
        // The window's epoch scrubber chooses the snapshot; a new run or snapshot redraws too.
        lab.results().viewedSnapshotProperty().addListener((o, a, b) -> liveRedraw.request());
        lab.results().snapshotsProperty().addListener((o, a, b) -> liveRedraw.request());
        lab.results().rows().addListener((javafx.collections.ListChangeListener<RunRow>) c -> liveRedraw.request());
        // The numbers sit beside the σ curves only: the live chart below takes the whole width, so that its legend
        // and its axis label keep their room beside an open lesson (presentation mode sets the numbers' size so
        // they fit the row). The charts share the height (the live chart's title names the epoch).
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.add(curves, 0, 0);
        grid.add(numbers, 1, 0);
        grid.add(live, 0, 1, 2, 1);
        numbers.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setValignment(numbers, javafx.geometry.VPos.TOP);
        for (javafx.scene.Node chart : new javafx.scene.Node[] {curves, live}) {
            GridPane.setHgrow(chart, Priority.ALWAYS);
            GridPane.setVgrow(chart, Priority.ALWAYS);
        }
        RowConstraints half = new RowConstraints();
        half.setPercentHeight(50);
        grid.getRowConstraints().addAll(half, half);
        getChildren().add(grid);
        VBox.setVgrow(grid, Priority.ALWAYS);

        vm.resultAProperty().addListener((o, a, b) -> curvesRedraw.request());
        vm.resultBProperty().addListener((o, a, b) -> curvesRedraw.request());
        vm.thresholdProperty().addListener((o, a, b) -> {
            curvesRedraw.request();
            liveRedraw.request();
        });
    }

    private final RedrawWhenShown curvesRedraw = new RedrawWhenShown(this, this::drawCurves);

    private void drawCurves() {
        ZStats a = vm.resultAProperty().get(), b = vm.resultBProperty().get();
        // Wide enough for the wider density, narrow enough that σ's S-shape stays visible.
        double w = Math.min(
                40, Math.max(8, 2.5 * Math.max(a == null ? 1 : a.analyticStd(), b == null ? 1 : b.analyticStd())));
        double tick = TickStep.nearest(2 * w / 8);
        w = Math.ceil(w / tick) * tick;
        zAxis.setLowerBound(-w);
        zAxis.setUpperBound(w);
        zAxis.setTickUnit(tick);
        double t = vm.thresholdProperty().get();
        double c = SigmoidMath.saturationBoundary(t);
        XYChart.Series<Number, Number> shade = ChartSeries.curve(
                I18n.f("sat.shade", String.format(Locale.ROOT, "%.2f", c), Double.toString(t)),
                z -> Math.abs(z) > c ? 1.0 : 0.0,
                -w,
                w,
                800);
        curves.getData()
                .setAll(
                        shade,
                        ChartSeries.curve("σ(z)", SigmoidMath::sigmoid, -w, w, 400),
                        ChartSeries.curve("σ'(z)", SigmoidMath::sigmoidPrime, -w, w, 400));
        // The densities peak at 1 on this 0–1 axis: N(0, 22.4²) peaks at 0.018, a flat line under σ and σ'.
        if (a != null) {
            curves.getData()
                    .add(ChartSeries.curve(
                            I18n.f("sat.densityA", a.spec().weights().id()), peakOne(a.analyticStd()), -w, w, 400));
        }
        if (b != null) {
            curves.getData()
                    .add(ChartSeries.curve(
                            I18n.f("sat.densityB", b.spec().weights().id()), peakOne(b.analyticStd()), -w, w, 400));
        }
        // The shaded region is a faint area without outline; σ and σ' are bold lines; densities light areas.
        // Colours stay the chart palette's, so the legend matches; only fills and widths change.
        style(0, "", "-fx-stroke-width: 0.5px;"); // the theme's faint fill of the series' own colour
        style(1, "-fx-fill: transparent;", "-fx-stroke-width: 3px;");
        style(2, "-fx-fill: transparent;", "-fx-stroke-width: 3px;");
        for (int i = 3; i < curves.getData().size(); i++)
            style(i, "-fx-fill: rgba(120, 120, 200, 0.25);", "-fx-stroke-width: 2px;");
        StringBuilder sb = new StringBuilder(
                        I18n.f("sat.threshold", Double.toString(t), String.format(Locale.ROOT, "%.3f", c)))
                .append("\n\n");
        for (ZStats s : new ZStats[] {a, b}) {
            if (s == null) continue;
            sb.append(s.spec().weights().id())
                    .append("  ")
                    .append(SchemeChoice.formula(s.spec().weights()))
                    .append('\n');
            sb.append(String.format(
                    Locale.ROOT,
                    "  %s  %s %.4f%n  %14s %s %.4f%n",
                    I18n.t("sat.fraction"),
                    I18n.t("sat.analytic"),
                    s.analyticSaturatedFraction(),
                    "",
                    I18n.t("sat.sampled"),
                    s.empiricalSaturatedFraction()));
            sb.append(String.format(
                    Locale.ROOT,
                    "  %s  %s %.4f%n  %14s %s %.4f%n%n",
                    I18n.t("sat.meanPrime"),
                    I18n.t("sat.analytic"),
                    s.analyticMeanSigmaPrime(),
                    "",
                    I18n.t("sat.sampled"),
                    s.empiricalMeanSigmaPrime()));
        }
        numbers.setText(sb.toString().stripTrailing()); // no empty last lines: the text fits its row
    }

    /** The normal density N(0, sd²) divided by its peak: its shape, 1 at z = 0. */
    private static java.util.function.DoubleUnaryOperator peakOne(double sd) {
        return z -> Math.exp(-z * z / (2 * sd * sd));
    }

    private void style(int series, String fill, String line) {
        javafx.scene.Node node = curves.getData().get(series).getNode();
        if (node == null) return;
        javafx.scene.Node f = node.lookup(".chart-series-area-fill"), l = node.lookup(".chart-series-area-line");
        if (f != null) f.setStyle(fill);
        if (l != null) l.setStyle(line);
    }

    private final RedrawWhenShown liveRedraw = new RedrawWhenShown(this, this::drawLive);

    /** Called when its tab is selected: draws what changed while it was hidden. */
    public void refresh() {
        liveRedraw.catchUp();
        curvesRedraw.catchUp();
    }

    private void drawLive() {
        int e = lab.results().viewedSnapshotProperty().get();
        live.setTitle(I18n.f(
                "sat.liveAt",
                e == 0 ? I18n.t("sat.initialization") : I18n.f("sat.afterEpoch", Integer.toString(e - 1))));
        live.getData().clear();
        double t = vm.thresholdProperty().get();
        for (RunRow row : lab.results().rows()) {
            // A live run's raw z; an opened run's kept histogram (its share at the file's t = 0.01).
            boolean raw = !row.hiddenZ().isEmpty();
            int snapshots = raw ? row.hiddenZ().size() : row.snapshotStats().size();
            if (snapshots == 0) continue;
            // A run that has not reached epoch e yet shows its newest snapshot, and says which.
            int mine = Math.min(e, snapshots - 1);
            NetworkStats stats =
                    row.snapshotStats().size() > mine ? row.snapshotStats().get(mine) : NetworkStats.EMPTY;
            if (!raw && stats.zHistograms().isEmpty()) continue;
            Histogram h;
            double share;
            if (raw) {
                float[] z = row.hiddenZ().get(mine);
                h = new Histogram(-30, 30, 120);
                h.addAll(z);
                share = SigmoidMath.saturatedFraction(z, t);
            } else {
                ZHistogram kept = stats.zHistograms().get(0);
                h = Histogram.ofCounts(kept.min(), kept.max(), kept.counts(), kept.underflow(), kept.overflow());
                share = stats.saturatedShare()[0];
            }
            String when = mine == e
                    ? ""
                    : mine == 0 ? I18n.t("sat.atInit") : I18n.f("sat.atEpoch", Integer.toString(mine - 1));
            XYChart.Series<Number, Number> s = ChartSeries.histogramSteps(
                    I18n.f(
                            "sat.legend",
                            row.key().scheme().weights().id(),
                            String.format(Locale.ROOT, "%.0f", 100 * share),
                            lab.results().rows().size() > lab.results().schemesShown()
                                    ? I18n.f("row.seed", Long.toString(row.key().seed()))
                                    : "",
                            when),
                    h);
            live.getData().add(s);
        }
    }
}
