package org.initlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One sweep CSV, one writer: a second sweep on the file, in another process or this one, is refused and says why; nothing of the first is lost. */
class SweepCsvLockTest {
    @TempDir
    Path dir;

    private static SweepPlan plan() {
        return SweepPlan.parse(
                Map.of("param", "weight-scale", "values", "0.1,1"),
                Map.of("epochs", "1", "hidden", "5"),
                List.of("lecun"));
    }

    @Test
    void aSecondWriterInThisProcessIsRefused() throws Exception {
        Path csv = dir.resolve("s.csv");
        try (SweepCsv.Writer first = new SweepCsv.Writer(csv, plan(), Shard.ALL)) {
            IOException e = assertThrows(IOException.class, () -> new SweepCsv.Writer(csv, plan(), Shard.ALL));
            assertTrue(e.getMessage().startsWith(csv + " is being written by another process"), e.getMessage());
        }
        new SweepCsv.Writer(csv, plan(), Shard.ALL).close(); // released on close
    }

    @Test
    void aSecondProcessIsRefusedUntilTheFirstEndsEvenKilled() throws Exception {
        Path csv = dir.resolve("s.csv");
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.initlab.io.LockHolder",
                        csv.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            assertEquals("locked", r.readLine());
            IOException e = assertThrows(IOException.class, () -> new SweepCsv.Writer(csv, plan(), Shard.ALL));
            assertEquals(
                    csv + " is being written by another process (process " + holder.pid()
                            + "): wait for it to end, or give another file",
                    e.getMessage());
            assertTrue(!Files.exists(csv), "the refused writer wrote nothing");
        } finally {
            holder.destroyForcibly().waitFor();
        }
        try (SweepCsv.Writer w = new SweepCsv.Writer(csv, plan(), Shard.ALL)) {
            assertTrue(w.done().isEmpty());
        }
        assertEquals(SweepCsv.header(plan(), Shard.ALL), Files.readString(csv));
    }
}
