package org.initlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.initlab.cli.SweepCommand;
import org.initlab.data.TestData;
import org.initlab.train.RunControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep whose process is killed (SIGKILL, no chance to clean up) and started again ends with the uninterrupted sweep's file. */
class SweepKillTest {
    @TempDir
    Path dir;

    @Test
    void aProcessKilledMidSweepResumesToTheSameFile() throws Exception {
        Path killed = dir.resolve("killed.csv"), whole = dir.resolve("whole.csv");
        List<String> sweep = List.of(
                "sweep",
                "--param",
                "weight-scale",
                "--values",
                "0.1,1,10",
                "--param2",
                "eta",
                "--values2",
                "3,3000",
                "--schemes",
                "lecun",
                "--seeds",
                "1,2,3,4",
                "--epochs",
                "2",
                "--batches-per-epoch",
                "1500",
                "--hidden",
                "12");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "-Dinitlab.relaunched=true",
                "-cp",
                System.getProperty("java.class.path"),
                "org.initlab.Main"));
        command.addAll(sweep);
        command.addAll(List.of("--threads", "1", "--csv", killed.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process child = pb.start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        int rows = 0;
        while (child.isAlive() && System.nanoTime() < deadline) {
            rows = Files.exists(killed)
                    ? (int) Files.readString(killed)
                                    .chars()
                                    .filter(c -> c == '\n')
                                    .count()
                            - 2
                    : 0;
            if (rows >= 3 * 2) break; // three runs in
            Thread.sleep(2);
        }
        child.destroyForcibly().waitFor();
        assertTrue(
                rows >= 6 && rows < 24 * 2,
                "killed mid-sweep (rows: " + rows + "; " + Files.readString(dir.resolve("child.log")) + ")");

        List<String> args = new ArrayList<>(sweep);
        SweepPlan plan = SweepCommand.plan(args.toArray(String[]::new)).sweep();
        SweepRunner.Outcome resumed = SweepRunner.run(
                plan, Shard.ALL, TestData.mnist(), killed, 2, new SweepRunner.Listener() {}, new RunControl());
        assertTrue(resumed.skipped() >= 3, "runs kept from before the kill: " + resumed.skipped());
        assertTrue(resumed.complete());
        SweepRunner.run(plan, Shard.ALL, TestData.mnist(), whole, 2, new SweepRunner.Listener() {}, new RunControl());
        assertEquals(SweepCsvTest.numbers(whole), SweepCsvTest.numbers(killed));
    }
}
