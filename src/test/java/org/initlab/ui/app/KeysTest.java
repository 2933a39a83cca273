package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.LabViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Keys through the real scene: Esc never cancels a run and leaves presentation mode as the window was; Space goes to the focused control. */
@ExtendWith(ApplicationExtension.class)
class KeysTest {
    private TestWindow window;
    private LabViewModel lab;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.showWithData(stage);
        lab = window.lab();
        AppMenus.install(stage, stage.getScene(), lab, l -> {});
        Presentation.followFullScreen(stage);
    }

    @BeforeEach
    void waitForData() throws Exception {
        window.awaitData(60);
    }

    private void waitForState(LabState state, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(
                seconds, TimeUnit.SECONDS, () -> lab.stateProperty().get() == state);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void escDuringARunLeavesItRunningAndCancelIsTheCancelButton(FxRobot robot) throws Exception {
        robot.clickOn("#runButton"); // the full reference run
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> !lab.results().rows().isEmpty()
                        && lab.results().rows().get(0).accuracy().points().size() >= 2);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LabState.RUNNING, lab.stateProperty().get(), "Esc does not cancel");
        robot.clickOn("#cancelButton");
        waitForState(LabState.CANCELLED, 30);
    }

    @Test
    void spaceTicksAFocusedSchemeAndRunsOnlyWhenNoControlWantsIt(FxRobot robot) throws Exception {
        CheckBox xavier = robot.lookup("#scheme-xavier").queryAs(CheckBox.class);
        boolean before = xavier.isSelected();
        robot.interact(xavier::requestFocus);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(!before, xavier.isSelected(), "Space ticked the focused box");
        assertEquals(LabState.READY, lab.stateProperty().get(), "and started nothing");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, xavier.isSelected());

        TabPane tabs = robot.lookup("#viewTabs").queryAs(TabPane.class);
        robot.interact(tabs::requestFocus); // the views' tabs have no use for Space
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> lab.stateProperty().get().isBusy());
        robot.clickOn("#cancelButton");
        waitForState(LabState.CANCELLED, 30);
    }

    @Test
    void escLeavesPresentationModeAndTheWindowIsAsItWas(FxRobot robot) throws Exception {
        BorderPane root = (BorderPane) stage.getScene().getRoot();
        javafx.scene.Node side = root.getLeft();
        for (boolean sideShown : new boolean[] {true, false}) {
            if (Presentation.isSidePanelShown(root) != sideShown) robot.type(KeyCode.F9);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Presentation.isSidePanelShown(root) == sideShown);
            robot.type(KeyCode.F11);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Presentation.isPresenting(stage));
            assertTrue(stage.isFullScreen());
            assertFalse(Presentation.isSidePanelShown(root), "folded while presenting");
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !Presentation.isPresenting(stage));
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(stage.isFullScreen());
            assertFalse(root.getStyleClass().contains(Presentation.STYLE_CLASS), "normal text again");
            assertEquals(sideShown, Presentation.isSidePanelShown(root), "the side panel as it was");
            if (sideShown) assertEquals(side, root.getLeft());
        }
        // Full screen left another way (the window manager) leaves presentation mode too.
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Presentation.isPresenting(stage));
        robot.interact(() -> stage.setFullScreen(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Presentation.isPresenting(stage));
        assertFalse(Presentation.isSidePanelShown(root), "folded before, folded after");
    }
}
