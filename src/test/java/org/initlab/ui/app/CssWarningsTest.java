package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.initlab.ui.base.FxTaskRunner;
import org.initlab.ui.look.Theme;
import org.initlab.ui.theory.ZViewModel;
import org.initlab.ui.training.LabViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window in each theme logs no CSS WARNING (an unresolved looked-up colour, a value of the wrong type): built
 * with the lesson panel open, every tab shown, then with the side panel back (the lesson panel takes its place),
 * the switches flipped both ways and the collapsed panels opened.
 */
@ExtendWith(ApplicationExtension.class)
class CssWarningsTest {
    /** Held strongly: java.util.logging keeps loggers weakly, and a collected logger would lose the handler. */
    private static final Logger CSS = Logger.getLogger("javafx.css");

    private final List<String> warnings = new ArrayList<>();
    private final Handler collect = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) warnings.add("\n" + r.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @AfterEach
    void restore(FxRobot robot) {
        CSS.removeHandler(collect);
        robot.interact(() -> Application.setUserAgentStylesheet(null)); // the other window tests run on Modena
    }

    @Test
    void theLightThemeLogsNoCssWarning(FxRobot robot) {
        assertEquals(List.of(), warningsWhileBuilding(robot, Theme.LIGHT));
    }

    @Test
    void theDarkThemeLogsNoCssWarning(FxRobot robot) {
        assertEquals(List.of(), warningsWhileBuilding(robot, Theme.DARK));
    }

    private List<String> warningsWhileBuilding(FxRobot robot, Theme theme) {
        // The stage is shared with the tests before: their scene (built without the lab's sheet) leaves first,
        // so that only the window under test is restyled when the theme changes.
        robot.interact(() -> {
            stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane()));
            for (javafx.stage.Window w : new java.util.ArrayList<>(javafx.stage.Window.getWindows()))
                if (w != stage) w.hide();
        });
        CSS.addHandler(collect);
        robot.interact(() -> {
            // As the application starts: the theme and the lab's sheet before the first show.
            Theme.apply(theme, null);
            var runner = new FxTaskRunner();
            var lab = new LabViewModel(runner);
            var theory = new ZViewModel(runner, lab.results().saturationThresholdProperty());
            stage.setScene(InitLabApp.createScene(lab, theory, new PulseMonitor()));
            Theme.style(stage.getScene());
            stage.show();
            InitLabApp.lessons(stage.getScene()).show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#viewTabs").queryAs(TabPane.class);
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int tab = i;
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                for (Node n : stage.getScene().getRoot().lookupAll(".titled-pane")) ((TitledPane) n).setExpanded(true);
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        // The lesson panel takes the side panel's place: closed, the side panel is back, its collapsed panels opened
        // too.
        robot.interact(() -> {
            InitLabApp.lessons(stage.getScene()).hide();
            for (Node n : stage.getScene().getRoot().lookupAll(".titled-pane")) ((TitledPane) n).setExpanded(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        // Each switch on its own tab: the z tab's, then the Training tab's side panel.
        for (String id : List.of("#sharedAxisSwitch", "#showSeedsSwitch")) {
            int tab = id.equals("#sharedAxisSwitch") ? 1 : 0;
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            Node toggle = robot.lookup(id).query();
            assertTrue(toggle instanceof atlantafx.base.controls.ToggleSwitch, id + " is the theme's own switch");
            var sw = (atlantafx.base.controls.ToggleSwitch) toggle;
            robot.interact(() -> sw.setSelected(!sw.isSelected()));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> sw.setSelected(!sw.isSelected()));
            WaitForAsyncUtils.waitForFxEvents();
        }
        return List.copyOf(warnings);
    }
}
