package org.initlab.ui.gradient;

import atlantafx.base.controls.ToggleSwitch;
import javafx.geometry.Insets;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LessonTarget;
import org.initlab.ui.chart.ChartLines;
import org.initlab.ui.chart.GrowingChartAxes;
import org.initlab.ui.chart.SegmentLineChart;
import org.initlab.ui.training.LabViewModel;

/**
 * Why saturation means slow learning, measured: the hidden layer's mean |∂C/∂z| at initialization and at the
 * probe points through epoch 0 (then after each epoch), for every run side by side, next to the same runs'
 * accuracy over the same points. Small σ'(z) ⇒ small gradient ⇒ slow first epoch.
 */
public final class GradientView extends VBox {
    public GradientView(LabViewModel lab) {
        setSpacing(6);
        setPadding(new Insets(6));
        NumberAxis gx = new NumberAxis();
        gx.setLabel(I18n.t("grad.axisEpochs"));
        NumberAxis gy = new NumberAxis();
        gy.setLabel(I18n.t("grad.axisGradient"));
        gy.setForceZeroInRange(false);
        SegmentLineChart gradient =
                new SegmentLineChart(gx, gy, new ChartLines(lab.results().gradientLines()).series());
        gradient.setId("gradientChart");
        LessonTarget.mark(gradient, "gradient", "gradientChart");
        gradient.markX(lab.results().viewedSnapshotProperty()); // the window's epoch cursor
        gradient.setTitle(I18n.t("grad.title"));
        gradient.setAnimated(false);
        NumberAxis ax = new NumberAxis();
        ax.setLabel(I18n.t("grad.axisEpochs"));
        NumberAxis ay = new NumberAxis();
        ay.setLabel(I18n.t("axis.testAccuracy"));
        ay.setForceZeroInRange(false);
        SegmentLineChart accuracy =
                new SegmentLineChart(ax, ay, new ChartLines(lab.results().accuracyLines()).series());
        accuracy.setId("gradientAccuracyChart");
        accuracy.markX(lab.results().viewedSnapshotProperty());
        accuracy.setTitle(I18n.t("grad.accuracyTitle"));
        accuracy.setAnimated(false);
        HBox charts = new HBox(6, gradient, accuracy);
        HBox.setHgrow(gradient, Priority.ALWAYS);
        HBox.setHgrow(accuracy, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        Label note = new Label(I18n.t("grad.note"));
        note.setWrapText(true);
        // Epoch 0 is the subject: by default both x axes span it alone (all epochs squeezed it into 1/30 of the axis).
        ToggleSwitch allEpochs = new ToggleSwitch(I18n.t("grad.allEpochs"));
        allEpochs.setId("gradientAllEpochs");
        Runnable fit = () -> {
            int epochs = allEpochs.isSelected()
                    ? Math.max(1, lab.results().plannedEpochsProperty().get())
                    : 1;
            for (NumberAxis x : java.util.List.of(gx, ax)) frame(x, epochs);
        };
        allEpochs.selectedProperty().addListener((o, a, b) -> fit.run());
        lab.results().plannedEpochsProperty().addListener((o, a, b) -> fit.run());
        fit.run();
        getChildren().addAll(allEpochs, charts, note);
    }

    /** x from 0 to {@code epochs}: tenths of an epoch over epoch 0 alone, else the epoch charts' 1-2-5 ticks. */
    private static void frame(NumberAxis x, int epochs) {
        x.setAutoRanging(false);
        x.setLowerBound(0);
        x.setUpperBound(epochs);
        x.setTickUnit(epochs == 1 ? 0.1 : GrowingChartAxes.tickUnit(epochs));
    }

    /** Nothing is deferred: the lines follow their runs as points arrive. */
    public void refresh() {}
}
