package org.initlab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.initlab.format.Numbers;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.RunSummary;
import org.initlab.train.SeedBands;

/** The short summary after a comparison (command line and window): one row per run, then mean ± sd per scheme when there are several seeds. */
public final class SummaryTable {
    private SummaryTable() {}

    /**
     * The table's words: the command line's are {@link #ENGLISH}; the window passes its language's.
     * {@code firstReaching} is a pattern with {@code %s} for the target percentage.
     */
    public record Words(
            String scheme,
            String seed,
            String epoch0,
            String firstReaching,
            String best,
            String last,
            String secondsPerEpoch,
            String mean,
            String never,
            String notAvailable,
            java.util.function.Function<RunStatus, String> status) {
        public static final Words ENGLISH = new Words(
                "scheme",
                "seed",
                "epoch 0",
                "first >=%s%%",
                "best",
                "final",
                "s/epoch",
                "mean",
                "never",
                "n/a",
                RunStatus::toString);
    }

    public static String format(List<RunResult> results, double target) {
        return format(results, target, Words.ENGLISH);
    }

    public static String format(List<RunResult> results, double target, Words w) {
        StringBuilder sb = new StringBuilder();
        StringBuilder means = new StringBuilder();
        String head = pad(w.scheme(), 16) + " " + pad(w.seed(), 6) + " " + pad(w.epoch0(), 10) + " "
                + pad(String.format(Locale.ROOT, w.firstReaching(), Numbers.whole(target)), 12) + " "
                + pad(w.best(), 16) + " "
                + pad(w.last(), 16) + " " + w.secondsPerEpoch() + System.lineSeparator();
        sb.append(head);
        Map<String, List<RunSummary>> byScheme = new LinkedHashMap<>();
        for (RunResult r : results) {
            RunSummary s = RunSummary.of(r, target);
            byScheme.computeIfAbsent(r.run().scheme().id(), k -> new ArrayList<>())
                    .add(s);
            sb.append(String.format(
                    Locale.ROOT,
                    "%-16s %-6d %-10s %-12s %-16s %-16s %.3f%s%n",
                    r.run().scheme().id(),
                    r.run().seed(),
                    Numbers.percent(s.epoch0Correct(), s.total()),
                    s.firstEpochReachingTarget().isPresent() ? s.firstReachingText() : w.never(),
                    Numbers.percent(s.bestCorrect(), s.total()) + " (" + s.bestCorrect() + ")",
                    Numbers.percent(s.finalCorrect(), s.total()) + " (" + s.finalCorrect() + ")",
                    s.secondsPerEpoch(),
                    s.status() == RunStatus.COMPLETED ? "" : "  " + w.status().apply(s.status())));
        }
        if (results.size() > byScheme.size()) {
            for (Map.Entry<String, List<RunSummary>> e : byScheme.entrySet()) {
                List<RunSummary> runs = e.getValue();
                if (runs.size() < 2) continue;
                // A cancelled or diverged seed has no epochs (or fewer): the means are over the seeds that have the
                // number.
                long measured = runs.stream().filter(s -> s.epochs() > 0).count();
                means.append(String.format(
                        Locale.ROOT,
                        "%-16s %s %-10s %-12s %-16s %-16s %.3f%s%n",
                        e.getKey(),
                        pad(w.mean(), 6),
                        meanSd(runs, s -> 100.0 * s.epoch0Correct() / s.total(), w),
                        meanSd(
                                runs,
                                s -> s.firstEpochReachingTarget().isPresent()
                                        ? s.firstEpochReachingTarget().getAsInt()
                                        : Double.NaN,
                                w),
                        meanSd(runs, s -> 100.0 * s.bestCorrect() / s.total(), w),
                        meanSd(runs, s -> 100.0 * s.finalCorrect() / s.total(), w),
                        runs.stream()
                                .mapToDouble(RunSummary::secondsPerEpoch)
                                .filter(d -> !Double.isNaN(d))
                                .average()
                                .orElse(Double.NaN),
                        measured == runs.size() ? "" : "  (" + measured + "/" + runs.size() + ")"));
            }
        }
        // With several seeds the per-scheme means come first (they are what the comparison is about).
        return means.length() == 0 ? sb.toString() : head + means + sb.substring(head.length());
    }

    /** {@code s} padded to {@code width} columns as a monospaced font shows it (a CJK character takes two). */
    static String pad(String s, int width) {
        int columns = s.codePoints()
                .map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                                || (c >= 0x3000 && c <= 0x30FF)
                                || (c >= 0xFF00 && c <= 0xFF60)
                        ? 2
                        : 1)
                .sum();
        return s + " ".repeat(Math.max(0, width - columns));
    }

    private static String meanSd(List<RunSummary> runs, java.util.function.ToDoubleFunction<RunSummary> f, Words w) {
        List<Double> v = runs.stream()
                .filter(r -> r.epochs() > 0)
                .map(r -> f.applyAsDouble(r))
                .toList();
        if (v.isEmpty() || v.stream().anyMatch(d -> Double.isNaN(d))) return w.notAvailable();
        SeedBands.Band b = SeedBands.summary(v);
        return String.format(Locale.ROOT, "%.2f±%.2f", b.mean(), b.sd());
    }
}
