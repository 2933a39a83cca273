package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.initlab.settings.SettingsJson;
import org.initlab.ui.training.LabState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application's close handler: the window as {@link InitLabApp#start} builds it, a run in progress,
 * then a close request on its stage. Training stops and the settings land in the user's last-session file.
 */
@ExtendWith(ApplicationExtension.class)
class CloseRequestTest {
    @TempDir
    static Path home;

    private static String realHome;
    private InitLabApp app;
    private Stage stage;

    @Start
    void start(Stage s) {
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString()); // the session file goes to the temporary home
        stage = s;
        app = new InitLabApp();
        app.start(s);
    }

    @AfterAll
    static void restoreHome() {
        System.setProperty("user.home", realHome);
    }

    private static long liveTrainingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("initlab-train"))
                .count();
    }

    @Test
    void closingDuringARunStopsTrainingAndSavesTheSettings(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> app.lab().stateProperty().get() == LabState.READY);
        robot.interact(() -> {
            app.lab().form().epochsField().textProperty().set("12");
            app.lab().run();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> liveTrainingThreads() > 0);
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> liveTrainingThreads() == 0);
        Path session = home.resolve(".initlab").resolve("last-session.json");
        assertTrue(Files.isRegularFile(session), "the close handler saved the settings");
        assertEquals(
                "12",
                SettingsJson.load(session, app.lab().form().settingKeys())
                        .values()
                        .get("epochs"));
    }
}
