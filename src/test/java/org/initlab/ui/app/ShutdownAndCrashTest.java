package org.initlab.ui.app;

import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.LabViewModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.initlab.settings.SettingsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the window mid-run, and the uncaught-exception log. */
class ShutdownAndCrashTest {
    @TempDir
    Path dir;

    /** Background work on plain threads, as the app does, without an FX toolkit. */
    private static final BackgroundRunner THREADS = new BackgroundRunner() {
        @Override
        public <T> void submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            Thread t = new Thread(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            }, "initlab-" + name);
            t.setDaemon(true);
            t.start();
        }
    };

    private static long liveTrainingThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith("initlab-train")).count();
    }

    @Test
    void closingDuringARunStopsTrainingAndSavesTheSettings() throws Exception {
        LabViewModel vm = new LabViewModel(THREADS);
        vm.loadBundledData();
        for (int i = 0; i < 600 && vm.stateProperty().get() != LabState.READY; i++) Thread.sleep(100);
        vm.epochsField().textProperty().set("12");
        vm.run();
        for (int i = 0; i < 300 && liveTrainingThreads() == 0; i++) Thread.sleep(10);
        assertTrue(liveTrainingThreads() > 0, "training is running");
        vm.shutdown(); // what the window does on close
        Path session = dir.resolve("last-session.json");
        vm.saveSession(session);
        for (int i = 0; i < 100 && liveTrainingThreads() > 0; i++) Thread.sleep(50);
        assertEquals(0, liveTrainingThreads(), "training stopped within a mini-batch or so");
        assertEquals("12", SettingsJson.load(session, vm.settingKeys()).values().get("epochs"), "the settings were saved");
    }

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
