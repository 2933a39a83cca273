package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.FxTaskRunner;
import org.initlab.ui.look.Theme;
import org.initlab.ui.theory.ZViewModel;
import org.initlab.ui.training.LabViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presentation mode folds the side panel away (F9 or its button bring it back), in either theme; the window fits its screen. */
@ExtendWith(ApplicationExtension.class)
class PresentationLayoutTest {
    private Stage stage;
    private BorderPane root;
    private javafx.scene.Node side;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        BackgroundRunner runner = new FxTaskRunner();
        LabViewModel lab = new LabViewModel(runner);
        ZViewModel theory = new ZViewModel(runner, lab.results().saturationThresholdProperty());
        javafx.scene.Scene scene = InitLabApp.createScene(lab, theory, new PulseMonitor());
        Theme.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        AppMenus.install(stage, scene, lab, l -> {});
        InitLabApp.fitToScreen(stage);
        stage.show();
        root = (BorderPane) scene.getRoot();
        side = root.getLeft();
    }

    @Test
    void theSidePanelFoldsAwayAndComesBack(FxRobot robot) throws Exception {
        for (Theme theme : Theme.values()) {
            robot.interact(() -> Theme.apply(theme, stage.getScene()));
            robot.interact(() -> Presentation.toggle(stage));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(root.getStyleClass().contains(Presentation.STYLE_CLASS));
            assertFalse(Presentation.isSidePanelShown(root), "folded in presentation mode (" + theme + ")");
            assertTrue(
                    root.getLeft().getBoundsInParent().getWidth() < 60,
                    "the strip is narrow: " + root.getLeft().getBoundsInParent());
            robot.clickOn("#showSidePanel");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Presentation.isSidePanelShown(root));
            assertTrue(side.getScene() != null, "the same side panel is back");
            robot.clickOn("#hideSidePanel");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !Presentation.isSidePanelShown(root));
            robot.type(KeyCode.F9);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Presentation.isSidePanelShown(root));
            robot.interact(() -> Presentation.toggle(stage));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(side, root.getLeft(), "out of presentation mode the panel is where it was");
            assertEquals(theme == Theme.DARK, root.getStyleClass().contains(Theme.DARK_CLASS));
        }
        robot.interact(
                () -> javafx.application.Application.setUserAgentStylesheet(null)); // the other tests run on Modena
    }

    @Test
    void theWindowFitsItsScreen(FxRobot robot) {
        robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(null));
        javafx.geometry.Rectangle2D area = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertTrue(
                stage.getWidth() <= area.getWidth() && stage.getHeight() <= area.getHeight(),
                stage.getWidth() + "x" + stage.getHeight() + " on " + area);
        assertEquals(Math.min(InitLabApp.DESIGNED_WIDTH, area.getWidth()), stage.getWidth(), 1.0);
    }
}
