package org.initlab.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.io.TextFiles;

/**
 * Reads a sweep CSV ({@link SweepCsv}'s format) for a resumed sweep and for {@code sweep-merge}, checking every
 * line: a line that does not read, a run outside the plan or the file's shard, a run given twice, an impossible
 * count or time is refused with the file and the line, never dropped. Only what a killed writer leaves is
 * forgiven: a last line without its newline, and a last run with fewer rows than epochs (a run's rows are
 * appended in one write, so only the last one can be cut).
 */
final class SweepCsvReader {
    private SweepCsvReader() {}

    /** The complete lines of a file (a leading byte-order mark skipped, a last line without its newline left out, a "\r" before each newline removed). */
    static List<String> lines(Path file) throws IOException {
        String text;
        try {
            text = TextFiles.read(file);
        } catch (TextFiles.NotUtf8Exception e) {
            throw new IOException(file + ": " + e.getMessage());
        }
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int nl; (nl = text.indexOf('\n', from)) >= 0; from = nl + 1) {
            int end = nl > from && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            lines.add(text.substring(from, end));
        }
        return lines;
    }

    /** The file's first line, or null for an empty file. */
    static String firstLine(Path file) throws IOException {
        List<String> lines = lines(file);
        return lines.isEmpty() ? null : lines.get(0);
    }

    /**
     * The complete runs of {@code lines} (the whole file: its first line, the column header, then the rows), keyed by
     * run key, in file order. Every run must be in {@code plan} and {@code shard}.
     */
    static LinkedHashMap<String, SweepResult> runs(Path file, SweepPlan plan, Shard shard, List<String> lines)
            throws IOException {
        LinkedHashMap<String, SweepResult> done = new LinkedHashMap<>();
        if (lines.size() < 2) return done;
        String columns = SweepCsv.columns(plan);
        if (!lines.get(1).equals(columns))
            throw new IOException(file + ", line 2: expected the column header " + columns);
        Map<String, SweepRun> byKey = new HashMap<>();
        for (SweepRun r : plan.runs()) byKey.put(r.key(plan.axes()), r);
        Map<String, Integer> firstLineOf = new HashMap<>();
        int epochs = plan.epochs();
        int i = 2;
        while (i < lines.size()) {
            int start = i;
            Row first = row(file, plan, byKey, lines.get(i), i + 1);
            Integer before = firstLineOf.putIfAbsent(first.key, i + 1);
            if (before != null)
                throw new IOException(at(file, i + 1) + "the run " + first.key + " is already on line " + before);
            if (!shard.contains(first.run))
                throw new IOException(
                        at(file, i + 1) + "the run " + first.key + " is not in shard " + shard + " of this file");
            int[] correct = new int[epochs];
            double[] seconds = new double[epochs];
            SweepResult.StepAccuracy steps = SweepResult.StepAccuracy.NONE;
            int rows = 0;
            for (; i < lines.size() && rows < epochs; i++, rows++) {
                Row r = i == start ? first : row(file, plan, byKey, lines.get(i), i + 1);
                if (!r.key.equals(first.key)) break;
                if (r.epoch != rows)
                    throw new IOException(at(file, i + 1) + "epoch " + r.epoch + " of the run " + first.key
                            + ", expected epoch " + rows);
                if (r.total != first.total)
                    throw new IOException(
                            at(file, i + 1) + "total " + r.total + ", the run's earlier rows say " + first.total);
                if (!r.diverged.equals(first.diverged))
                    throw new IOException(at(file, i + 1) + "\"diverged\" differs from the run's earlier rows");
                correct[rows] = r.correct;
                seconds[rows] = r.seconds;
                steps = r.steps; // the run's step columns: the same on every row, the last one read
            }
            if (rows < epochs) {
                if (i == lines.size()) break; // the last run, cut by a kill: trained again
                throw new IOException(at(file, i + 1) + "the run " + first.key + " (from line " + (start + 1) + ") has "
                        + rows + " of its " + epochs + " epochs before another run starts");
            }
            done.put(
                    first.key,
                    new SweepResult(
                            first.run,
                            correct,
                            first.total,
                            seconds,
                            first.diverged.equals("no") ? null : first.diverged,
                            steps));
        }
        return done;
    }

    private record Row(
            String key,
            SweepRun run,
            int epoch,
            int correct,
            int total,
            String diverged,
            double seconds,
            SweepResult.StepAccuracy steps) {}

    /** One row, every field checked; {@code correct} −1 for an epoch a diverged run did not reach (an empty field). */
    private static Row row(Path file, SweepPlan plan, Map<String, SweepRun> byKey, String line, int number)
            throws IOException {
        int n = plan.axes().size(), stepCount = plan.evalSteps().size();
        int width = n + 7 + (stepCount == 0 ? 0 : 1 + 2 * stepCount);
        List<String> f = SweepCsv.split(line);
        if (f.size() != width)
            throw new IOException(at(file, number) + "expected " + width + " columns, found " + f.size());
        String key = String.join(",", f.subList(0, n + 2));
        SweepRun run = byKey.get(key);
        if (run == null) throw new IOException(at(file, number) + "the run " + key + " is not in this sweep's plan");
        int epoch = whole(file, number, "epoch", f.get(n + 2));
        int total = whole(file, number, "total", f.get(n + 4));
        if (total < 1) throw new IOException(at(file, number) + "total " + total + " must be at least 1");
        String c = f.get(n + 3), s = f.get(n + 6);
        int correct = -1;
        double seconds = 0;
        if (c.isEmpty() != s.isEmpty())
            throw new IOException(at(file, number)
                    + "\"correct\" and \"train_seconds\" must both be given, or both empty (an epoch not reached)");
        if (!c.isEmpty()) {
            correct = whole(file, number, "correct", c);
            if (correct < 0 || correct > total)
                throw new IOException(at(file, number) + "correct " + correct + " is outside 0 to its total " + total);
            try {
                seconds = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IOException(at(file, number) + "train_seconds '" + s + "' is not a number");
            }
            if (!Double.isFinite(seconds) || seconds < 0)
                throw new IOException(
                        at(file, number) + "train_seconds " + s + " must be a finite number, not negative");
        }
        String diverged = f.get(n + 5);
        if (diverged.isEmpty())
            throw new IOException(at(file, number) + "\"diverged\" is empty (\"no\", or why the run diverged)");
        return new Row(key, run, epoch, correct, total, diverged, seconds, steps(file, number, plan, f, n, total));
    }

    /** The accuracy at the plan's chosen steps (after the epoch columns): test and training counts, empty where a step was not reached. */
    private static SweepResult.StepAccuracy steps(
            Path file, int number, SweepPlan plan, List<String> f, int n, int total) throws IOException {
        int stepCount = plan.evalSteps().size();
        if (stepCount == 0) return SweepResult.StepAccuracy.NONE;
        int trainTotal = whole(file, number, "train_total", f.get(n + 7));
        if (trainTotal < 1)
            throw new IOException(at(file, number) + "train_total " + trainTotal + " must be at least 1");
        int[] c = new int[stepCount], tr = new int[stepCount];
        for (int i = 0; i < stepCount; i++) {
            c[i] = countOrNotReached(
                    file, number, "step_" + plan.evalSteps().get(i) + "_correct", f.get(n + 8 + 2 * i), total);
            tr[i] = countOrNotReached(
                    file,
                    number,
                    "step_" + plan.evalSteps().get(i) + "_train_correct",
                    f.get(n + 9 + 2 * i),
                    trainTotal);
        }
        return new SweepResult.StepAccuracy(
                plan.evalSteps().stream().mapToInt(Integer::intValue).toArray(), c, tr, trainTotal);
    }

    private static int countOrNotReached(Path file, int number, String column, String text, int total)
            throws IOException {
        if (text.isEmpty()) return -1;
        int v = whole(file, number, column, text);
        if (v < 0 || v > total)
            throw new IOException(at(file, number) + column + " " + v + " is outside 0 to its total " + total);
        return v;
    }

    private static int whole(Path file, int number, String column, String text) throws IOException {
        try {
            if (text.matches("-?[0-9]{1,10}")) return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            // beyond an int: refused below
        }
        throw new IOException(at(file, number) + column + " '" + text + "' is not a whole number");
    }

    private static String at(Path file, int line) {
        return file + ", line " + line + ": ";
    }
}
