package org.initlab.train;

/**
 * A point inside an epoch: how far training is ({@code epochPosition} = epoch + fraction done), the mean
 * cost of the mini-batches since the previous point, and the accuracy on the fixed probe sample.
 */
public record ProbePoint(RunKey run, double epochPosition, long examplesSeen, double meanCost, int correct, int total) {
    public double accuracyPercent() {
        return 100.0 * correct / total;
    }
}
