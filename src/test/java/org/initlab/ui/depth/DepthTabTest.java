package org.initlab.ui.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.initlab.ui.app.TestWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless: the Depth tab opens, follows an edit, measures in the background, and a click on the phase diagram chooses a point. */
@ExtendWith(ApplicationExtension.class)
class DepthTabTest {
    @Start
    void start(Stage stage) {
        TestWindow.show(stage);
    }

    @Test
    void theDepthTabOpensMeasuresAndChoosesByClick(FxRobot robot) throws Exception {
        robot.clickOn("Depth");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(robot.lookup("#depthPhaseDiagram").query());
        TestWindow.type(robot, "#depthWidthField", "80");
        TestWindow.type(robot, "#depthDepthField", "8");
        TestWindow.type(robot, "#depthSigmaB2Field", "0.05");
        TestWindow.type(robot, "#depthSigmaW2Field", "1.86");
        WaitForAsyncUtils.waitForFxEvents();
        Label summary = robot.lookup("#depthSummary").queryAs(Label.class);
        assertTrue(summary.getText().contains("chaotic"), summary.getText());
        Label status = robot.lookup("#depthMeasureStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().startsWith("Measured"));
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> robot.lookup("#depthSpectraSummary")
                        .queryAs(Label.class)
                        .getText()
                        .contains("orthogonal"));
        // A click in the diagram's lower left (ordered) chooses that point.
        javafx.scene.Node diagram = robot.lookup("#depthPhaseDiagram").query();
        javafx.geometry.Bounds b = diagram.localToScreen(diagram.getBoundsInLocal());
        robot.clickOn(b.getMinX() + PlotCanvas.LEFT + 20, b.getMaxY() - PlotCanvas.BOTTOM - 20);
        WaitForAsyncUtils.waitForFxEvents();
        double sw2 = Double.parseDouble(
                robot.lookup("#depthSigmaW2Field").queryAs(TextField.class).getText());
        assertTrue(sw2 < 1, "chose a point at the left: σ_w² = " + sw2);
        assertTrue(summary.getText().contains("ordered"), summary.getText());
        assertEquals(
                "", robot.lookup("#depthValidationLabel").queryAs(Label.class).getText());
    }
}
