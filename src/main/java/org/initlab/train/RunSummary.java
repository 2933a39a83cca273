package org.initlab.train;

import java.util.OptionalInt;

/**
 * The numbers the reference reports for one run: accuracy after epoch 0, the first epoch reaching a
 * target (94% in the reference), the best and the final accuracy, and the training seconds per epoch.
 * The command line and the window print the same summary.
 */
public record RunSummary(
        RunKey run,
        RunStatus status,
        int epochs,
        int total,
        int epoch0Correct,
        OptionalInt firstEpochReachingTarget,
        double targetPercent,
        int bestCorrect,
        int finalCorrect,
        double secondsPerEpoch) {
    public static final double REFERENCE_TARGET_PERCENT = 94.0;

    public static RunSummary of(RunResult r, double targetPercent) {
        int n = r.epochs().size();
        return new RunSummary(
                r.run(),
                r.status(),
                n,
                r.total(),
                n == 0 ? 0 : r.epochs().get(0).correct(),
                r.firstEpochReaching(targetPercent),
                targetPercent,
                r.bestCorrect(),
                n == 0 ? 0 : r.epochs().get(n - 1).correct(),
                r.meanTrainSecondsPerEpoch());
    }

    public static double percent(int correct, int total) {
        return total == 0 ? Double.NaN : 100.0 * correct / total;
    }

    public String firstReachingText() {
        return firstEpochReachingTarget.isPresent() ? Integer.toString(firstEpochReachingTarget.getAsInt()) : "never";
    }
}
