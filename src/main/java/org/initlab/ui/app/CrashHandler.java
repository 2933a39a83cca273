package org.initlab.ui.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import org.initlab.ui.base.I18n;

/** Any uncaught exception: the stack trace goes to ~/.initlab/initlab.log, the message to a dialog; the window stays usable. */
final class CrashHandler {
    private CrashHandler() {}

    static Path logFile() {
        return Path.of(System.getProperty("user.home"), ".initlab", "initlab.log");
    }

    /** Appends the stack trace to the log file; returns false when even that is impossible. */
    static boolean record(Thread thread, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        try {
            Files.createDirectories(logFile().getParent());
            Files.writeString(
                    logFile(),
                    LocalDateTime.now() + " [" + thread.getName() + "] " + trace + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return true;
        } catch (IOException e) {
            return false; // nowhere left to report; the dialog still shows
        }
    }

    static void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            record(thread, error);
            Runnable show = () -> {
                Alert alert = new Alert(Alert.AlertType.ERROR, error + "\n\n" + I18n.f("alert.details", logFile()));
                alert.setHeaderText(I18n.t("alert.somethingWrong"));
                alert.show();
            };
            if (Platform.isFxApplicationThread()) show.run();
            else Platform.runLater(show);
        });
    }
}
