package org.initlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep CSV with an impossible value or a line that does not read is refused, naming the file and the line,
 * when a sweep resumes it and by sweep-merge; nothing is rewritten. A killed writer's cut end is still forgiven.
 */
class SweepCsvReaderTest {
    @TempDir
    Path dir;

    static final SweepPlan PLAN = SweepPlan.parse(
            new LinkedHashMap<>(Map.of("param", "weight-scale", "values", "0.1,1")),
            Map.of("seeds", "1,2", "epochs", "2", "batchesPerEpoch", "40", "hidden", "12"),
            List.of("lecun"));

    /** A complete file of the plan's 4 runs, 2 rows each: lines 3–10. */
    static String file() {
        StringBuilder sb = new StringBuilder(SweepCsv.header(PLAN, Shard.ALL));
        for (SweepRun r : PLAN.runs())
            sb.append(SweepCsv.rows(
                    PLAN,
                    new SweepResult(
                            r, new int[] {8000 + r.index(), 9000 + r.index()}, 10000, new double[] {1.5, 1.25}, null)));
        return sb.toString();
    }

    static List<String> lines() {
        return new ArrayList<>(List.of(file().split("\n")));
    }

    /** The file with line {@code number} (1-based) replaced. */
    static String withLine(int number, String line) {
        List<String> l = lines();
        l.set(number - 1, line);
        return String.join("\n", l) + "\n";
    }

    private String refusedOnResumeAndMerge(String text) throws IOException {
        Path csv = dir.resolve("s.csv");
        Files.writeString(csv, text);
        IOException resume = assertThrows(IOException.class, () -> new SweepCsv.Writer(csv, PLAN, Shard.ALL));
        assertEquals(text, Files.readString(csv), "nothing rewritten");
        IOException merge =
                assertThrows(IOException.class, () -> SweepMerge.merge(List.of(csv), dir.resolve("merged.csv")));
        assertEquals(resume.getMessage(), merge.getMessage());
        assertTrue(Files.notExists(dir.resolve("merged.csv")));
        assertTrue(resume.getMessage().startsWith(csv + ", line "), resume.getMessage());
        return resume.getMessage().substring(csv.toString().length() + 2);
    }

    @Test
    void aValidFileReadsAndItsCutEndIsForgiven() throws Exception {
        Path csv = dir.resolve("ok.csv");
        Files.writeString(csv, file());
        assertEquals(4, SweepCsv.read(csv, PLAN).size());
        assertEquals(9003, SweepCsv.read(csv, PLAN).get(3).correct()[1]);
        // Killed mid-write: the last run has one row of two and half of the next; the first three runs stay.
        String text = file();
        String cut = text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1) + "0.1,lecun,2,1,9";
        Files.writeString(csv, cut);
        try (SweepCsv.Writer w = new SweepCsv.Writer(csv, PLAN, Shard.ALL)) {
            assertEquals(3, w.done().size());
        }
        assertEquals(2 + 3 * 2, Files.readAllLines(csv).size());
    }

    @Test
    void impossibleValuesAreRefusedWithTheLine() throws Exception {
        List<String> l = lines();
        String row = l.get(4); // line 5: the second run's epoch 0
        String[] f = row.split(",");
        String prefix = String.join(",", java.util.Arrays.copyOf(f, 4));
        assertEquals(
                "line 5: correct 99999 is outside 0 to its total 10000",
                refusedOnResumeAndMerge(withLine(5, prefix + ",99999,10000,no,1.5000")));
        assertEquals(
                "line 5: correct -5 is outside 0 to its total 10000",
                refusedOnResumeAndMerge(withLine(5, prefix + ",-5,10000,no,1.5000")));
        assertEquals(
                "line 5: train_seconds NaN must be a finite number, not negative",
                refusedOnResumeAndMerge(withLine(5, prefix + ",8001,10000,no,NaN")));
        assertEquals(
                "line 5: train_seconds -Infinity must be a finite number, not negative",
                refusedOnResumeAndMerge(withLine(5, prefix + ",8001,10000,no,-Infinity")));
        assertEquals(
                "line 5: total 0 must be at least 1", refusedOnResumeAndMerge(withLine(5, prefix + ",0,0,no,1.5000")));
        assertEquals(
                "line 5: correct 'x' is not a whole number",
                refusedOnResumeAndMerge(withLine(5, prefix + ",x,10000,no,1.5000")));
        assertEquals(
                "line 5: \"correct\" and \"train_seconds\" must both be given, or both empty (an epoch not reached)",
                refusedOnResumeAndMerge(withLine(5, prefix + ",,10000,no,1.5000")));
    }

    @Test
    void linesThatDoNotReadAreRefusedNotDropped() throws Exception {
        assertEquals("line 7: expected 8 columns, found 1", refusedOnResumeAndMerge(withLine(7, "hello")));
        assertEquals(
                "line 2: expected the column header " + SweepCsv.columns(PLAN),
                refusedOnResumeAndMerge(withLine(2, "a,b,c")));
        String third = lines().get(6);
        assertEquals(
                "line 7: the run 0.3,lecun,1 is not in this sweep's plan",
                refusedOnResumeAndMerge(withLine(7, "0.3" + third.substring(third.indexOf(',')))));
        // The first run given twice (lines 3–4 again as lines 5–6).
        List<String> l = lines();
        l.set(4, l.get(2));
        l.set(5, l.get(3));
        String m = refusedOnResumeAndMerge(String.join("\n", l) + "\n");
        assertTrue(m.matches("line 5: the run .* is already on line 3"), m);
        // Epochs out of order, and a run cut short in the middle of the file.
        l = lines();
        String e1 = l.get(3);
        l.set(3, l.get(2));
        l.set(2, e1);
        assertTrue(refusedOnResumeAndMerge(String.join("\n", l) + "\n").startsWith("line 3: epoch 1 of the run "));
        l = lines();
        l.remove(3);
        assertTrue(refusedOnResumeAndMerge(String.join("\n", l) + "\n")
                .matches("line 4: the run .* \\(from line 3\\) has 1 of its 2 epochs before another run starts"));
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreAcceptedAndOtherBytesNamed() throws Exception {
        Path csv = dir.resolve("excel.csv");
        Files.write(csv, ("\uFEFF" + file().replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        assertEquals(4, SweepCsv.read(csv, PLAN).size());
        assertEquals(4, SweepMerge.merge(List.of(csv), dir.resolve("m.csv")).found());
        Files.write(
                csv, withLine(6, lines().get(5).replace(",no,", ",n\u00e9,")).getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> SweepCsv.read(csv, PLAN));
        assertTrue(
                e.getMessage()
                        .matches(java.util.regex.Pattern.quote(csv.toString())
                                + ": line 6, column \\d+ is not UTF-8 text \\(byte 0xE9\\)"),
                e.getMessage());
    }
}
