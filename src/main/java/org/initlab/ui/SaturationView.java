package org.initlab.ui;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.initlab.theory.Histogram;
import org.initlab.theory.SigmoidMath;
import org.initlab.theory.ZStats;

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
    private final Slider epoch = new Slider(0, 1, 0);
    private final Label epochLabel = new Label();

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
        curves.setTitle("σ(z), σ'(z) and the z densities of the schemes; shaded: saturated, σ'(z) < t");
        curves.setAnimated(false);
        curves.setCreateSymbols(false);
        numbers.setId("saturationNumbers");
        numbers.setStyle("-fx-font-family: monospace;");

        NumberAxis lx = new NumberAxis(-30, 30, 5);
        lx.setLabel("hidden-layer z on 1,000 test images (real network)");
        NumberAxis ly = new NumberAxis();
        ly.setLabel("density");
        live = new LineChart<>(lx, ly);
        live.setId("liveZChart");
        live.setAnimated(false);
        live.setCreateSymbols(false);
        live.setTitle("On the real network: hidden z per scheme, at initialization and after each epoch");
        epoch.setId("epochSlider");
        epoch.setMajorTickUnit(1);
        epoch.setMinorTickCount(0);
        epoch.setSnapToTicks(true);
        epoch.setShowTickLabels(true);
        epoch.valueProperty().addListener((o, a, b) -> redrawLive());
        HBox sliderRow = new HBox(8, new Label("epochs trained:"), epoch, epochLabel);
        HBox.setHgrow(epoch, Priority.ALWAYS);

        HBox top = new HBox(8, curves, numbers);
        HBox.setHgrow(curves, Priority.ALWAYS);
        getChildren().addAll(top, live, sliderRow);
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(live, Priority.ALWAYS);


        vm.resultAProperty().addListener((o, a, b) -> redrawCurves());
        vm.resultBProperty().addListener((o, a, b) -> redrawCurves());
        vm.thresholdProperty().addListener((o, a, b) -> {
            redrawCurves();
            redrawLive();
        });
        lab.rows().addListener((ListChangeListener<RunRow>) c -> {
            pinned = false;
            redrawLive();
        });
        epoch.setOnMousePressed(e -> pinned = true);
        // One redraw per new epoch (not per chart point); the slider follows the newest epoch until the user moves it.
        lab.snapshotsProperty().addListener((o, a, b) -> onNewEpoch(lab.epochsSeenProperty().get() - 1));
    }

    private boolean pinned;

    private void onNewEpoch(int newest) {
        epoch.setMax(Math.max(1, newest));
        if (!pinned) epoch.setValue(Math.max(0, newest));
        redrawLive();
    }

    private boolean curvesDirty = true; // nothing drawn yet: the first showing draws

    private void redrawCurves() {
        if (!Shown.isShown(this)) {
            curvesDirty = true;
            return;
        }
        curvesDirty = false;
        ZStats a = vm.resultAProperty().get(), b = vm.resultBProperty().get();
        // Wide enough for the wider density, narrow enough that σ's S-shape stays visible.
        double w = Math.min(40, Math.max(8, 2.5 * Math.max(a == null ? 1 : a.analyticStd(), b == null ? 1 : b.analyticStd())));
        double tick = ZDistributionView.niceTick(2 * w / 8);
        w = Math.ceil(w / tick) * tick;
        zAxis.setLowerBound(-w);
        zAxis.setUpperBound(w);
        zAxis.setTickUnit(tick);
        double t = vm.thresholdProperty().get();
        double c = SigmoidMath.saturationBoundary(t);
        XYChart.Series<Number, Number> shade = ChartSeries.curve(String.format(Locale.ROOT, "saturated: |z| > %.2f (σ' < %s)", c, t),
                z -> Math.abs(z) > c ? 1.0 : 0.0, -w, w, 800);
        curves.getData().setAll(shade,
                ChartSeries.curve("σ(z)", SigmoidMath::sigmoid, -w, w, 400),
                ChartSeries.curve("σ'(z)", SigmoidMath::sigmoidPrime, -w, w, 400));
        if (a != null) curves.getData().add(ChartSeries.normalCurve("z density A: " + a.spec().weights().id(), a.analyticStd(), -w, w, 400));
        if (b != null) curves.getData().add(ChartSeries.normalCurve("z density B: " + b.spec().weights().id(), b.analyticStd(), -w, w, 400));
        // The shaded region is a faint area without outline; σ and σ' are bold lines; densities light areas.
        // Colours stay the chart palette's, so the legend matches; only fills and widths change.
        style(0, "-fx-fill: rgba(243, 98, 45, 0.14);", "-fx-stroke-width: 0.5px;");
        style(1, "-fx-fill: transparent;", "-fx-stroke-width: 3px;");
        style(2, "-fx-fill: transparent;", "-fx-stroke-width: 3px;");
        for (int i = 3; i < curves.getData().size(); i++) style(i, "-fx-fill: rgba(120, 120, 200, 0.25);", "-fx-stroke-width: 2px;");
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "threshold t = %s  (|z| > %.3f)%n%n", t, c));
        for (ZStats s : new ZStats[] {a, b}) {
            if (s == null) continue;
            sb.append(String.format(Locale.ROOT, "%s%n  P(σ'(z) < t)  analytic %.4f%n                sampled  %.4f%n  mean σ'(z)    analytic %.4f%n                sampled  %.4f%n%n",
                    s.spec().weights().id() + "  " + s.spec().weights().formula(), s.analyticSaturatedFraction(), s.empiricalSaturatedFraction(),
                    s.analyticMeanSigmaPrime(), s.empiricalMeanSigmaPrime()));
        }
        numbers.setText(sb.toString());
    }

    private void style(int series, String fill, String line) {
        javafx.scene.Node node = curves.getData().get(series).getNode();
        if (node == null) return;
        javafx.scene.Node f = node.lookup(".chart-series-area-fill"), l = node.lookup(".chart-series-area-line");
        if (f != null) f.setStyle(fill);
        if (l != null) l.setStyle(line);
    }

    private boolean liveDirty = true; // nothing drawn yet: the first showing draws

    /** Called when its tab is selected: draws what changed while it was hidden. */
    public void refresh() {
        if (liveDirty) redrawLive();
        if (curvesDirty) redrawCurves();
    }

    private void redrawLive() {
        // Hidden tabs are redrawn when shown: rebuilding charts nobody sees costs the visible ones their frames.
        if (!Shown.isShown(this)) {
            liveDirty = true;
            return;
        }
        liveDirty = false;
        int e = (int) Math.round(epoch.getValue());
        epochLabel.setText(e == 0 ? "initialization" : "after epoch " + (e - 1));
        live.getData().clear();
        double t = vm.thresholdProperty().get();
        for (RunRow row : lab.rows()) {
            if (row.hiddenZ().isEmpty()) continue;
            // A run that has not reached epoch e yet shows its newest snapshot, and says which.
            int mine = Math.min(e, row.hiddenZ().size() - 1);
            float[] z = row.hiddenZ().get(mine);
            Histogram h = new Histogram(-30, 30, 120);
            h.addAll(z);
            String when = mine == e ? "" : mine == 0 ? " (at initialization)" : " (after epoch " + (mine - 1) + ")";
            XYChart.Series<Number, Number> s = ChartSeries.histogramSteps(String.format(Locale.ROOT, "%s: %.0f%% saturated%s%s",
                    row.key().scheme().weights().id(), 100 * SigmoidMath.saturatedFraction(z, t),
                    lab.rows().size() > lab.currentSchemesCount() ? " seed " + row.key().seed() : "", when), h);
            live.getData().add(s);
        }
    }
}
