package org.initlab.train;

import java.util.List;
import java.util.OptionalInt;

/**
 * A finished (or stopped) run: its status, its per-epoch results and a message when it did not complete, the
 * training images it learned from ({@code trainRange}, null when unknown: files written before version 2), the
 * network's statistics at initialization ({@code initial}; {@link NetworkStats#EMPTY} when not measured) and
 * its probe points in order ({@code probes}), and its step points ({@code steps}: accuracy after the chosen steps,
 * in order). Everything a saved run needs to show every view again.
 */
public record RunResult(
        RunKey run,
        RunStatus status,
        List<EpochResult> epochs,
        String message,
        double wallSeconds,
        TrainRange trainRange,
        NetworkStats initial,
        List<ProbePoint> probes,
        List<StepPoint> steps) {
    public RunResult {
        epochs = List.copyOf(epochs);
        probes = List.copyOf(probes);
        steps = List.copyOf(steps);
        java.util.Objects.requireNonNull(initial);
    }

    /** Without step points. */
    public RunResult(
            RunKey run,
            RunStatus status,
            List<EpochResult> epochs,
            String message,
            double wallSeconds,
            TrainRange trainRange,
            NetworkStats initial,
            List<ProbePoint> probes) {
        this(run, status, epochs, message, wallSeconds, trainRange, initial, probes, List.of());
    }

    /** Without a train range, initial statistics or probe points. */
    public RunResult(RunKey run, RunStatus status, List<EpochResult> epochs, String message, double wallSeconds) {
        this(run, status, epochs, message, wallSeconds, null, NetworkStats.EMPTY, List.of(), List.of());
    }

    /** The best accuracy of any epoch, as {@code correct} (the reference prints {@code best: N / 10000}). */
    public int bestCorrect() {
        return epochs.stream().mapToInt(EpochResult::correct).max().orElse(0);
    }

    public int total() {
        return epochs.isEmpty() ? 0 : epochs.get(0).total();
    }

    public OptionalInt firstEpochReaching(double percent) {
        for (EpochResult e : epochs) if (e.accuracyPercent() >= percent) return OptionalInt.of(e.epoch());
        return OptionalInt.empty();
    }

    public double meanTrainSecondsPerEpoch() {
        return epochs.stream().mapToDouble(EpochResult::trainSeconds).average().orElse(Double.NaN);
    }
}
