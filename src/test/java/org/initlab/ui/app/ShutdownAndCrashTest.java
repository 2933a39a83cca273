package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uncaught-exception log (closing the window mid-run: {@link CloseRequestTest}). */
class ShutdownAndCrashTest {
    @TempDir
    Path dir;

    @Test
    void anUncaughtExceptionIsWrittenToTheLog() throws Exception {
        String home = System.getProperty("user.home");
        System.setProperty("user.home", dir.toString());
        try {
            assertTrue(CrashHandler.record(Thread.currentThread(), new IllegalStateException("boom for the log")));
            String log = Files.readString(CrashHandler.logFile());
            assertTrue(log.contains("IllegalStateException: boom for the log") && log.contains("\tat "), log);
            assertTrue(CrashHandler.logFile().startsWith(dir));
        } finally {
            System.setProperty("user.home", home);
        }
    }
}
