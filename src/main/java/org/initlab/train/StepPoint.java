package org.initlab.train;

/**
 * A run measured after a chosen step ({@link TrainingConfig#evalSteps()}): after {@code step} mini-batches
 * ({@code examplesSeen} examples), the mean cost of the mini-batches since the previous step point (or the
 * start), the accuracy on a fixed sample of training images ({@link TrainSample}) and on the whole
 * evaluation set. What the depth sweeps map at 100, 300 and 1,000 steps.
 */
public record StepPoint(
        RunKey run,
        int step,
        long examplesSeen,
        double meanCost,
        int trainCorrect,
        int trainTotal,
        int correct,
        int total) {
    /** Accuracy on the evaluation set in percent. */
    public double accuracyPercent() {
        return total == 0 ? Double.NaN : 100.0 * correct / total;
    }

    /** Accuracy on the training sample in percent. */
    public double trainPercent() {
        return trainTotal == 0 ? Double.NaN : 100.0 * trainCorrect / trainTotal;
    }
}
