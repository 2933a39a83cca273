package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.theory.ZViewModel;
import org.initlab.ui.training.LabViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An uncaught exception on the FX thread: a dialog with its message, the trace in the log, the window still usable. */
@ExtendWith(ApplicationExtension.class)
class CrashDialogTest {
    @TempDir
    static Path home;

    private Thread.UncaughtExceptionHandler previous;
    private String previousHome;

    @Start
    void start(Stage stage) {
        previousHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        previous = Thread.getDefaultUncaughtExceptionHandler();
        CrashHandler.install();
        LabViewModel lab = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        stage.setScene(InitLabApp.createScene(
                lab,
                new ZViewModel(BackgroundRunner.SYNCHRONOUS, lab.results().saturationThresholdProperty()),
                new PulseMonitor()));
        stage.show();
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(previous);
        System.setProperty("user.home", previousHome);
    }

    @Test
    void dialogAndLogAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        Platform.runLater(() -> {
            throw new IllegalStateException("boom from a handler");
        });
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(pane.getContentText().contains("boom from a handler"), pane.getContentText());
        String log = Files.readString(home.resolve(".initlab").resolve("initlab.log"));
        assertTrue(log.contains("IllegalStateException: boom from a handler"), log);
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
        // The main window still answers: typing into a field updates the validation.
        robot.interact(() -> robot.lookup("#epochsField")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("0"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#validationLabel")
                .queryAs(javafx.scene.control.Label.class)
                .getText()
                .contains("Epochs"));
    }
}
