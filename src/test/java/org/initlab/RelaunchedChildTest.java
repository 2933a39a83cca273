package org.initlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child JVM a command relaunches itself in (as under mvn exec:java) dies with its parent, even a parent killed with SIGKILL. */
class RelaunchedChildTest {
    @TempDir
    Path dir;

    @Test
    void aChildOutlivesNoKillMinus9OfItsParent() throws Exception {
        Path json = dir.resolve("out.json");
        // Started without the vector module, the parent relaunches the command in a child JVM, as Maven's JVM does.
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.initlab.Main",
                "compare",
                "--epochs",
                "30",
                "--schemes",
                "standard,lecun,xavier",
                "--json",
                json.toString());
        Process parent = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("parent.log").toFile())
                .start();
        try {
            ProcessHandle child = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (child == null && System.nanoTime() < deadline && parent.isAlive()) {
                child = parent.toHandle().children().findFirst().orElse(null);
                Thread.sleep(50);
            }
            assertTrue(
                    child != null, "the parent relaunched the command: " + Files.readString(dir.resolve("parent.log")));
            Thread.sleep(1500); // the child is under way (its parent watch started)
            assertTrue(child.isAlive(), "still training: " + Files.readString(dir.resolve("parent.log")));
            parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
            parent.waitFor();
            ProcessHandle orphan = child;
            boolean ended = orphan.onExit()
                    .thenApply(h -> true)
                    .completeOnTimeout(false, 15, TimeUnit.SECONDS)
                    .get();
            if (!ended) orphan.destroyForcibly();
            assertTrue(ended, "the child ended within 15 s of its parent's kill -9");
            assertFalse(Files.exists(json), "nothing written after the kill");
        } finally {
            parent.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }

    @Test
    void theIncubatorWarningDoesNotPrecedeAnError() throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.initlab.Main",
                "compare",
                "--epochs",
                "0");
        Process p = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor(), err);
        assertEquals(
                "initlab compare: --epochs: 0 is outside the allowed range 1 to 10000",
                err.strip(),
                "one line, no JVM warning before it");
    }
}
