package org.initlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.data.Dataset;
import org.initlab.data.TestData;
import org.initlab.train.RunControl;
import org.initlab.train.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing lost: killed and restarted, a sweep ends with the file an uninterrupted sweep writes; shards merge to it. */
class SweepCsvTest {
    @TempDir
    Path dir;

    static Dataset mnist;

    @BeforeAll
    static void load() {
        mnist = TestData.mnist();
    }

    static SweepPlan tiny(String seeds) {
        Map<String, String> sweep = new LinkedHashMap<>(
                Map.of("param", "weight-scale", "values", "0.1,1,300", "param2", "eta", "values2", "3,3000"));
        return SweepPlan.parse(
                sweep,
                Map.of("seeds", seeds, "epochs", "2", "batchesPerEpoch", "40", "hidden", "12"),
                List.of("lecun"));
    }

    /** The file without the timing column (the one thing a rerun cannot repeat). */
    static List<String> numbers(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file))
            out.add(line.startsWith("#") ? line : line.substring(0, line.lastIndexOf(',')));
        return out;
    }

    static SweepRunner.Outcome run(SweepPlan p, Shard shard, Path csv, RunControl control) throws Exception {
        return SweepRunner.run(p, shard, mnist, csv, 2, new SweepRunner.Listener() {}, control);
    }

    @Test
    void aKilledSweepRestartedEndsWithTheSameFile() throws Exception {
        SweepPlan p = tiny("1,2");
        Path whole = dir.resolve("whole.csv");
        SweepRunner.Outcome o = run(p, Shard.ALL, whole, new RunControl());
        assertTrue(o.complete());
        assertEquals(12, o.trained());
        List<String> lines = Files.readAllLines(whole);
        assertEquals(2 + 12 * 2, lines.size());
        assertEquals("weight_scale,eta,scheme,seed,epoch,correct,total,diverged,train_seconds", lines.get(1));
        assertTrue(
                lines.stream().anyMatch(l -> l.contains(",3000,") && !l.contains(",no,")),
                "η 3000 diverges and is marked, the sweep goes on");

        // A kill: the process dies mid-write, leaving 5 whole runs and half a row of the sixth.
        String text = Files.readString(whole);
        int cut = nthNewline(text, 2 + 5 * 2) + 1;
        String torn = text.substring(0, cut) + text.substring(cut, cut + 9);
        Path killed = dir.resolve("killed.csv");
        Files.writeString(killed, torn);
        RunControl control = new RunControl();
        List<Boolean> fromFile = new ArrayList<>();
        SweepRunner.Outcome again = SweepRunner.run(
                p,
                Shard.ALL,
                mnist,
                killed,
                2,
                new SweepRunner.Listener() {
                    @Override
                    public void runEnded(SweepResult r, RunResult result, boolean f) {
                        synchronized (fromFile) {
                            fromFile.add(f);
                        }
                    }
                },
                control);
        assertEquals(5, again.skipped());
        assertEquals(7, again.trained());
        assertEquals(numbers(whole), numbers(killed));
        // The rows kept from before the kill keep their own seconds, to the byte.
        assertEquals(text.substring(0, cut), Files.readString(killed).substring(0, cut));
        // And a third start finds nothing to do.
        assertEquals(0, run(p, Shard.ALL, killed, new RunControl()).trained());
        assertEquals(numbers(whole), numbers(killed));
    }

    @Test
    void aWriterStoppedAbruptlyLeavesOnlyWholeRunsAndAnotherSweepsFileIsRefused() throws Exception {
        SweepPlan p = tiny("1");
        Path csv = dir.resolve("s.csv");
        RunControl control = new RunControl();
        // Cancel after the second run ends: the writer never finishes (no plan-order rewrite). Runs of a
        // lockstep group that finished together are all kept; nothing after them is trained.
        java.util.concurrent.atomic.AtomicInteger ended = new java.util.concurrent.atomic.AtomicInteger();
        SweepRunner.run(
                p,
                Shard.ALL,
                mnist,
                csv,
                1,
                new SweepRunner.Listener() {
                    @Override
                    public void runEnded(SweepResult r, RunResult result, boolean f) {
                        if (ended.incrementAndGet() == 2) control.cancel();
                    }
                },
                control);
        assertTrue(ended.get() >= 2 && ended.get() < p.runs().size(), "runs ended: " + ended.get());
        assertEquals(ended.get(), SweepCsv.read(csv, p).size());
        IOException e = assertThrows(IOException.class, () -> new SweepCsv.Writer(csv, tiny("2"), Shard.ALL));
        assertTrue(e.getMessage().contains("holds another sweep"), e.getMessage());
        IOException s = assertThrows(IOException.class, () -> new SweepCsv.Writer(csv, p, new Shard(1, 2)));
        assertTrue(s.getMessage().contains("holds shard 1/1"), s.getMessage());
    }

    @Test
    void shardsMergeToTheWholeSweepAndMergeRefusesOtherSweepsAndDuplicates() throws Exception {
        SweepPlan p = tiny("1");
        Path whole = dir.resolve("whole.csv");
        run(p, Shard.ALL, whole, new RunControl());
        List<Path> parts = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Path part = dir.resolve("part" + k + ".csv");
            run(p, new Shard(k, 3), part, new RunControl());
            parts.add(part);
        }
        Path merged = dir.resolve("merged.csv");
        SweepMerge.Result r = SweepMerge.merge(parts, merged);
        assertEquals(0, r.missing());
        assertEquals(numbers(whole), numbers(merged));

        IOException dup = assertThrows(
                IOException.class, () -> SweepMerge.merge(List.of(parts.get(0), whole), dir.resolve("x.csv")));
        assertTrue(
                dup.getMessage().startsWith("refused: the run ")
                        && dup.getMessage().contains("is in both"),
                dup.getMessage());
        Path other = dir.resolve("other.csv");
        run(tiny("2"), new Shard(1, 3), other, new RunControl());
        IOException mismatch = assertThrows(
                IOException.class, () -> SweepMerge.merge(List.of(parts.get(0), other), dir.resolve("y.csv")));
        assertTrue(mismatch.getMessage().contains("is from another sweep"), mismatch.getMessage());
        Path edited = dir.resolve("edited.csv");
        String second = Files.readString(parts.get(1));
        Files.writeString(edited, second.replaceFirst("epochs=2", "epochs=3"));
        assertTrue(!Files.readString(edited).equals(second), "the test edits the definition");
        IOException forged = assertThrows(
                IOException.class, () -> SweepMerge.merge(List.of(parts.get(0), edited), dir.resolve("w.csv")));
        assertTrue(
                forged.getMessage().contains("has the sweep id of")
                        && forged.getMessage().contains("another sweep definition"),
                forged.getMessage());
        Path notSweep = dir.resolve("plain.csv");
        Files.writeString(notSweep, "scheme,seed\n");
        assertThrows(IOException.class, () -> SweepMerge.merge(List.of(parts.get(0), notSweep), dir.resolve("z.csv")));
        assertFalse(Files.exists(dir.resolve("x.csv"))
                || Files.exists(dir.resolve("y.csv"))
                || Files.exists(dir.resolve("w.csv")));

        // A missing shard: merged is partial, and sweeping again into it fills in the rest.
        Path partial = dir.resolve("partial.csv");
        assertEquals(
                p.runs(new Shard(3, 3)).size(),
                SweepMerge.merge(parts.subList(0, 2), partial).missing());
        run(p, Shard.ALL, partial, new RunControl());
        assertEquals(numbers(whole), numbers(partial));
    }

    private static int nthNewline(String s, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) at = s.indexOf('\n', at + 1);
        return at;
    }

    @Test
    void csvQuotingRoundTrips() {
        String reason = "diverged in epoch 0: weights exploded (largest |w| = 1.2e+06, \"x\")";
        assertEquals(List.of("a", reason, "b"), SweepCsv.split("a," + SweepCsv.quote(reason) + ",b"));
        assertEquals(StandardCharsets.UTF_8.name(), "UTF-8");
    }
}
