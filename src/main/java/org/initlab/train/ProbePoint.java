package org.initlab.train;

/**
 * A point inside an epoch: how far training is ({@code epochPosition} = epoch + fraction done), the mean
 * cost of the mini-batches since the previous point, the accuracy on the fixed probe sample, and, through the
 * first {@link TrainingRun#GRADIENT_PROBE_EPOCHS} epoch(s), the probe sample's {@link Gradients} (empty later).
 */
public record ProbePoint(
        RunKey run,
        double epochPosition,
        long examplesSeen,
        double meanCost,
        int correct,
        int total,
        Gradients gradients) {
    public ProbePoint {
        java.util.Objects.requireNonNull(gradients);
    }

    /** Without gradients. */
    public ProbePoint(RunKey run, double epochPosition, long examplesSeen, double meanCost, int correct, int total) {
        this(run, epochPosition, examplesSeen, meanCost, correct, total, Gradients.EMPTY);
    }

    public double accuracyPercent() {
        return 100.0 * correct / total;
    }
}
