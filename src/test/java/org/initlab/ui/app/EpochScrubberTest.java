package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.initlab.theory.Histogram;
import org.initlab.ui.base.I18n;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.LabViewModel;
import org.initlab.ui.training.RunRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's one epoch cursor drives every run-dependent view: the saturation histograms, the layers, the charts' markers. */
@ExtendWith(ApplicationExtension.class)
class EpochScrubberTest {
    private TestWindow window;
    private LabViewModel lab;

    @Start
    void start(Stage stage) {
        window = TestWindow.showWithData(stage);
        lab = window.lab();
    }

    @Test
    void theCursorDrivesTheHistogramsTheLayersAndTheMarkers(FxRobot robot) throws Exception {
        window.awaitData(90);
        robot.interact(() -> {
            lab.form().epochsField().textProperty().set("2");
            lab.form().batchesPerEpochField().textProperty().set("100");
            lab.run();
        });
        WaitForAsyncUtils.waitFor(
                120,
                TimeUnit.SECONDS,
                () -> lab.stateProperty().get() == LabState.FINISHED
                        && lab.results().summaryProperty().get().length() > 0);
        RunRow standard = lab.results().rows().get(0);

        robot.clickOn("σ'(z) saturation");
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> live = robot.lookup("#liveZChart").queryAs(LineChart.class);
        for (int snapshot : new int[] {0, 2, 1}) {
            robot.interact(() -> lab.results().cursorProperty().set(snapshot));
            WaitForAsyncUtils.waitForFxEvents();
            // The first run's curve is the histogram of its hidden z at that snapshot.
            Histogram h = new Histogram(-30, 30, 120);
            h.addAll(standard.hiddenZ().get(snapshot));
            var points = live.getData().get(0).getData();
            for (int i = 0; i < h.bins(); i++)
                assertEquals(
                        h.density(i),
                        points.get(1 + 2 * i).getYValue().doubleValue(),
                        1e-12,
                        "snapshot " + snapshot + " bin " + i);
            assertEquals(
                    (double) snapshot,
                    robot.lookup("#epochSlider")
                            .queryAs(javafx.scene.control.Slider.class)
                            .getValue());
        }

        robot.clickOn("Training");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> accuracy = robot.lookup("#accuracyChart").queryAs(LineChart.class);
        Line marker = (Line) accuracy.lookup(".epoch-marker");
        assertTrue(marker.isVisible());
        assertEquals(
                ((NumberAxis) accuracy.getXAxis()).getDisplayPosition(1),
                marker.getStartX(),
                1e-9,
                "the marker stands at x = 1 epoch trained");

        robot.clickOn("Layers (deep nets)");
        robot.interact(() -> lab.results().cursorProperty().set(0));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> layers = robot.lookup("#zLayersChart").queryAs(LineChart.class);
        assertTrue(layers.getTitle().contains(I18n.t("sat.initialization")), layers.getTitle());
        robot.interact(() -> lab.results().cursorProperty().set(-1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(
                layers.getTitle().contains(I18n.f("sat.afterEpoch", "1")),
                "follows the newest again: " + layers.getTitle());
        assertTrue(robot.lookup("#epochScrubber").tryQuery().isPresent());
    }
}
