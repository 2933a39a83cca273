package org.initlab.ui.layers;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.initlab.core.Activation;
import org.initlab.theory.Histogram;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LessonTarget;
import org.initlab.ui.chart.ChartSeries;
import org.initlab.ui.chart.GrowingChartAxes;
import org.initlab.ui.controls.RedrawWhenShown;
import org.initlab.ui.training.LabViewModel;
import org.initlab.ui.training.RunRow;

/**
 * Per-layer view for deep nets: each hidden layer's z and activation histograms at a chosen epoch, and
 * each layer's mean |δ| per epoch (log scale) — the vanishing / exploding picture behind Xavier and He.
 */
public final class LayersView extends VBox {
    private final LabViewModel lab;
    private final ComboBox<RunRow> run = new ComboBox<>();
    private final Label epochLabel = new Label();
    private final LineChart<Number, Number> zChart;
    private final LineChart<Number, Number> aChart;
    private final LineChart<Number, Number> gradChart;

    public LayersView(LabViewModel lab) {
        this.lab = lab;
        setSpacing(6);
        setPadding(new Insets(6));
        run.setId("layersRunBox");
        run.setItems(lab.results().rows());
        run.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunRow r) {
                return r == null ? "" : r.name();
            }

            @Override
            public RunRow fromString(String s) {
                return null;
            }
        });
        run.valueProperty().addListener((o, a, b) -> redraw.request());
        lab.results().rows().addListener((ListChangeListener<RunRow>) c -> showFirstRun());
        showFirstRun(); // opened after a run: show it at once
        // The window's epoch scrubber chooses the snapshot; new snapshots redraw too.
        lab.results().viewedSnapshotProperty().addListener((o, a, b) -> redraw.request());
        lab.results().snapshotsProperty().addListener((o, a, b) -> redraw.request());
        zChart = chart(I18n.t("layers.zAxis"), I18n.t("z.density"), "zLayersChart");
        aChart = chart(I18n.t("layers.aAxis"), I18n.t("z.density"), "aLayersChart");
        gradChart = chart(I18n.t("axis.epochsTrained"), I18n.t("layers.gradAxis"), "gradLayersChart");
        // Whole epochs from 0 to the run's length (an auto-ranging axis ticked 2.5, 5, … up to 32.5).
        GrowingChartAxes.epochs((NumberAxis) gradChart.getXAxis(), lab.results().plannedEpochsProperty());
        gradChart.setCreateSymbols(true);
        gradChart.setTitle(I18n.t("layers.gradTitle"));
        LessonTarget.mark(zChart, "layers", "zLayersChart");
        LessonTarget.mark(gradChart, "layers", "gradLayersChart");
        HBox hist = new HBox(6, zChart, aChart);
        HBox.setHgrow(zChart, Priority.ALWAYS);
        HBox.setHgrow(aChart, Priority.ALWAYS);
        // The run's choice sits beside the gradient chart, not in a row of its own: the two rows of charts share
        // the whole height, which keeps each readable at 1280 × 720 in presentation mode.
        VBox controls = new VBox(6, new Label(I18n.t("layers.run")), run, epochLabel);
        controls.setMinWidth(Region.USE_PREF_SIZE);
        HBox bottom = new HBox(6, controls, gradChart);
        HBox.setHgrow(gradChart, Priority.ALWAYS);
        getChildren().addAll(hist, bottom);
        VBox.setVgrow(hist, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.ALWAYS);
    }

    private static LineChart<Number, Number> chart(String x, String y, String id) {
        NumberAxis xa = new NumberAxis();
        xa.setLabel(x);
        xa.setForceZeroInRange(false);
        NumberAxis ya = new NumberAxis();
        ya.setLabel(y);
        ya.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(xa, ya);
        c.setId(id);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        return c;
    }

    private final RedrawWhenShown redraw = new RedrawWhenShown(this, this::draw);

    private void showFirstRun() {
        if (!lab.results().rows().isEmpty()) run.setValue(lab.results().rows().get(0));
    }

    /** Called when its tab is selected: draws what changed while it was hidden. */
    public void refresh() {
        redraw.catchUp();
    }

    private void draw() {
        RunRow row = run.getValue();
        zChart.getData().clear();
        aChart.getData().clear();
        gradChart.getData().clear();
        if (row == null || row.layerZ().isEmpty()) return;
        int e = Math.min(
                lab.results().viewedSnapshotProperty().get(), row.layerZ().size() - 1);
        epochLabel.setText(e == 0 ? I18n.t("sat.initialization") : I18n.f("sat.afterEpoch", Integer.toString(e - 1)));
        Activation f = row.activation();
        java.util.List<float[]> layers = row.layerZ().get(e);
        if (layers.isEmpty() && row.snapshotStats().size() > e) {
            // An opened run keeps each layer's z histogram, not its raw z: draw those (and no activations).
            var kept = row.snapshotStats().get(e).zHistograms();
            for (int l = 0; l < kept.size(); l++) {
                var k = kept.get(l);
                zChart.getData()
                        .add(ChartSeries.histogramSteps(
                                I18n.f("layers.layer", Integer.toString(l + 1)),
                                Histogram.ofCounts(k.min(), k.max(), k.counts(), k.underflow(), k.overflow())));
            }
        }
        double zMax = 1e-6;
        for (float[] z : layers) for (float v : z) zMax = Math.max(zMax, Math.abs(v));
        zMax = Math.min(zMax, 1e6);
        for (int l = 0; l < layers.size(); l++) {
            float[] z = layers.get(l);
            Histogram hz = new Histogram(-zMax, zMax * 1.0001, 100);
            hz.addAll(z);
            zChart.getData().add(ChartSeries.histogramSteps(I18n.f("layers.layer", Integer.toString(l + 1)), hz));
            float[] a = new float[z.length];
            double aMin = 0, aMax = 1e-6;
            for (int i = 0; i < z.length; i++) {
                a[i] = f.apply(z[i]);
                aMin = Math.min(aMin, a[i]);
                aMax = Math.max(aMax, a[i]);
            }
            Histogram ha = new Histogram(
                    Math.min(aMin, f == Activation.TANH ? -1 : 0),
                    Math.max(aMax, f == Activation.RELU ? 1e-6 : 1) * 1.0001,
                    60);
            ha.addAll(a);
            aChart.getData().add(ChartSeries.histogramSteps(I18n.f("layers.layer", Integer.toString(l + 1)), ha));
        }
        zChart.setTitle(I18n.f("layers.zTitle", epochLabel.getText()));
        aChart.setTitle(I18n.f("layers.aTitle", f.id()));
        int nLayers = row.meanAbsDelta().isEmpty() ? 0 : row.meanAbsDelta().get(0).length;
        for (int l = 0; l < nLayers; l++) {
            java.util.List<XYChart.Data<Number, Number>> points = new java.util.ArrayList<>();
            for (int ep = 0; ep < row.meanAbsDelta().size(); ep++) {
                double d = row.meanAbsDelta().get(ep)[l];
                if (d > 0 && Double.isFinite(d)) points.add(new XYChart.Data<>(ep + 1, Math.log10(d)));
            }
            gradChart
                    .getData()
                    .add(ChartSeries.series(
                            l == nLayers - 1
                                    ? I18n.t("layers.output")
                                    : I18n.f("layers.layer", Integer.toString(l + 1)),
                            points));
        }
    }
}
