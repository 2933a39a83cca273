package org.initlab.train;

import java.util.List;
import java.util.OptionalInt;

/** A finished (or stopped) run: its status, its per-epoch results and a message when it did not complete. */
public record RunResult(RunKey run, RunStatus status, List<EpochResult> epochs, String message, double wallSeconds) {
    public RunResult {
        epochs = List.copyOf(epochs);
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
