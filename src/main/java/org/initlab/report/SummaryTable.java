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

    public static String format(List<RunResult> results, double target) {
        StringBuilder sb = new StringBuilder();
        StringBuilder means = new StringBuilder();
        String head = String.format(Locale.ROOT, "%-16s %-6s %-10s %-12s %-16s %-16s %s%n", "scheme", "seed", "epoch 0", "first >=" + Numbers.whole(target) + "%",
                "best", "final", "s/epoch");
        sb.append(head);
        Map<String, List<RunSummary>> byScheme = new LinkedHashMap<>();
        for (RunResult r : results) {
            RunSummary s = RunSummary.of(r, target);
            byScheme.computeIfAbsent(r.run().scheme().id(), k -> new ArrayList<>()).add(s);
            sb.append(String.format(Locale.ROOT, "%-16s %-6d %-10s %-12s %-16s %-16s %.3f%s%n", r.run().scheme().id(), r.run().seed(),
                    Numbers.percent(s.epoch0Correct(), s.total()), s.firstReachingText(), Numbers.percent(s.bestCorrect(), s.total()) + " (" + s.bestCorrect() + ")",
                    Numbers.percent(s.finalCorrect(), s.total()) + " (" + s.finalCorrect() + ")", s.secondsPerEpoch(),
                    s.status() == RunStatus.COMPLETED ? "" : "  " + s.status()));
        }
        if (results.size() > byScheme.size()) {
            for (Map.Entry<String, List<RunSummary>> e : byScheme.entrySet()) {
                List<RunSummary> runs = e.getValue();
                if (runs.size() < 2) continue;
                // A cancelled or diverged seed has no epochs (or fewer): the means are over the seeds that have the number.
                long measured = runs.stream().filter(s -> s.epochs() > 0).count();
                means.append(String.format(Locale.ROOT, "%-16s %-6s %-10s %-12s %-16s %-16s %.3f%s%n", e.getKey(), "mean",
                        meanSd(runs, s -> 100.0 * s.epoch0Correct() / s.total()),
                        meanSd(runs, s -> s.firstEpochReachingTarget().isPresent() ? s.firstEpochReachingTarget().getAsInt() : Double.NaN),
                        meanSd(runs, s -> 100.0 * s.bestCorrect() / s.total()), meanSd(runs, s -> 100.0 * s.finalCorrect() / s.total()),
                        runs.stream().mapToDouble(RunSummary::secondsPerEpoch).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN),
                        measured == runs.size() ? "" : "  (" + measured + " of " + runs.size() + " seeds)"));
            }
        }
        // With several seeds the per-scheme means come first (they are what the comparison is about).
        return means.length() == 0 ? sb.toString() : head + means + sb.substring(head.length());
    }

    private static String meanSd(List<RunSummary> runs, java.util.function.ToDoubleFunction<RunSummary> f) {
        List<Double> v = runs.stream().filter(r -> r.epochs() > 0).map(r -> f.applyAsDouble(r)).toList();
        if (v.isEmpty() || v.stream().anyMatch(d -> Double.isNaN(d))) return "n/a";
        SeedBands.Band b = SeedBands.summary(v);
        return String.format(Locale.ROOT, "%.2f±%.2f", b.mean(), b.sd());
    }
}
