package org.initlab.ui.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.initlab.ui.app.TestWindow;
import org.initlab.ui.training.LabState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Depth tab's deep presets through the real window: choosing one sets the tab's point to its network, and
 * "Train this comparison" applies it in the Training tab, starts it and shows the comparison; it waits, saying
 * why, while the window is busy.
 */
@ExtendWith(ApplicationExtension.class)
class DepthPresetsTest {
    private TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.showWithData(stage);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosingAPresetSetsItsNetworkAndTheButtonTrainsItInTheTrainingTab(FxRobot robot) throws Exception {
        robot.clickOn("Depth");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<String> choice = robot.lookup("#depthPresetChoice").queryAs(ComboBox.class);
        Button train = robot.lookup("#depthTrainPreset").queryAs(Button.class);
        assertTrue(train.isDisabled(), "nothing chosen yet");
        assertEquals(
                "Choose a deep preset",
                robot.lookup("#depthTrainWhy").queryAs(Label.class).getText());

        robot.interact(() -> choice.setValue("he30"));
        assertEquals("2", text(robot, "#depthSigmaW2Field"), "He: σ_w² = 100 · (2/100)");
        assertEquals("0", text(robot, "#depthSigmaB2Field"));
        assertEquals("30", text(robot, "#depthDepthField"));
        assertEquals("100", text(robot, "#depthWidthField"));
        assertEquals(
                "relu",
                robot.lookup("#depthActivation")
                        .queryAs(ComboBox.class)
                        .getValue()
                        .toString()
                        .toLowerCase());

        robot.interact(() -> choice.setValue("edgeOfChaos"));
        assertEquals("0.05", text(robot, "#depthSigmaB2Field"), "N(0, 0.2236²) biases");
        assertEquals("1", text(robot, "#depthSigmaW2Field"), "LeCun: σ_w² = 1");

        robot.interact(() -> choice.setValue("isometry"));
        assertEquals("100", text(robot, "#depthDepthField"));
        Label summary = robot.lookup("#depthSummary").queryAs(Label.class);
        assertTrue(summary.getText().contains("critical"), summary.getText()); // tanh at σ_w² 1, σ_b² 0

        window.awaitData(240);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !train.isDisabled());
        robot.clickOn("#depthTrainPreset");
        WaitForAsyncUtils.waitForFxEvents();
        // The Training tab now holds the preset and trains it; the Depth tab shows the comparison.
        assertEquals(100, window.lab().form().hiddenField().textProperty().get().split(",").length);
        assertEquals("0.01", window.lab().form().etaField().textProperty().get());
        assertTrue(
                window.lab().stateProperty().get().isBusy(),
                window.lab().stateProperty().get().toString());
        assertTrue(window.lab().results().stepCurves().chosenProperty().get());
        TabPane views = robot.lookup("#depthViews").queryAs(TabPane.class);
        assertEquals(1, views.getSelectionModel().getSelectedIndex(), "the trained comparison is shown");
        assertTrue(train.isDisabled(), "one run at a time");
        assertTrue(
                robot.lookup("#depthTrainWhy").queryAs(Label.class).getText().startsWith("Not now"),
                robot.lookup("#depthTrainWhy").queryAs(Label.class).getText());
        // The spectra of the two networks (orthogonal, lecun) at initialization, in the background.
        WaitForAsyncUtils.waitFor(
                120,
                TimeUnit.SECONDS,
                () -> robot.lookup("#depthComparisonNumbers")
                        .queryAs(Label.class)
                        .getText()
                        .contains("lecun: "));
        // The schemes in the catalogue's order, as the Training tab lists them.
        String numbers =
                robot.lookup("#depthComparisonNumbers").queryAs(Label.class).getText();
        assertTrue(numbers.contains("orthogonal: "), numbers);
        WaitForAsyncUtils.waitFor(
                120,
                TimeUnit.SECONDS,
                () -> window.lab().results().comparison() != null
                        && robot.lookup("#depthComparisonNumbers")
                                .queryAs(Label.class)
                                .getText()
                                .contains("mean σᵢ²"));
        robot.interact(() -> window.lab().cancel());
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> !window.lab().stateProperty().get().isBusy());
        assertFalse(train.isDisabled());
        assertEquals(LabState.CANCELLED, window.lab().stateProperty().get());
    }
}
