package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed, same numbers — whatever the JIT compiled. Runs the same short comparison in two fresh JVMs,
 * one with the C2 compiler (vector intrinsics) and one limited to C1 (the vector API's Java fallback), and
 * requires identical per-epoch results. This caught the vector exp and lane reduction, whose compiled and
 * fallback results differ in the last bit.
 */
class JitIndependenceTest {
    @TempDir
    Path dir;

    private List<String> run(String jitOption, String name) throws Exception {
        Path csv = dir.resolve(name + ".csv");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "-Xmx1g",
                "-Dinitlab.relaunched=true"));
        if (!jitOption.isEmpty()) cmd.add(jitOption);
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "org.initlab.Main",
                "compare",
                "--epochs",
                "2",
                "--batches-per-epoch",
                "1000",
                "--seeds",
                "3",
                "--csv",
                csv.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out");
        }
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve(name + ".log")));
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            List<String> cells = new ArrayList<>(List.of(line.split(",")));
            cells.remove(5); // train_seconds: the only column allowed to differ
            rows.add(String.join(",", cells));
        }
        return rows;
    }

    @Test
    void resultsDoNotDependOnTheJitTier() throws Exception {
        List<String> c2 = run("", "c2");
        List<String> c1 = run("-XX:TieredStopAtLevel=1", "c1");
        assertEquals(5, c2.size());
        assertEquals(c2, c1);
    }
}
