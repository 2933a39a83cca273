package org.initlab.train;

import java.util.List;

/**
 * The end of one epoch (epoch 0 is the first, as the reference prints): accuracy on the evaluation set,
 * the mean training cost of the epoch, the seconds spent in SGD steps (evaluation excluded), and the
 * weighted inputs z of each hidden layer over the probe sample (for the saturation views; live runs only,
 * a saved run keeps their histograms in {@code stats}), each layer's mean |δ| = mean |∂C/∂z| over the epoch's
 * training examples (input side first; the vanishing-gradient view), and the network's {@link NetworkStats}
 * after the epoch (probe gradients, z histograms, saturated share, hidden weight-row spread).
 */
public record EpochResult(
        RunKey run,
        int epoch,
        int correct,
        int total,
        double meanCost,
        double trainSeconds,
        double evalMillis,
        List<float[]> hiddenZ,
        double[] meanAbsDelta,
        NetworkStats stats) {
    public EpochResult {
        java.util.Objects.requireNonNull(stats);
    }

    /** This epoch under {@code run} without its raw z snapshots: what a view keeps of a finished epoch. */
    public EpochResult withoutSnapshots(RunKey run) {
        return new EpochResult(
                run, epoch, correct, total, meanCost, trainSeconds, evalMillis, List.of(), meanAbsDelta, stats);
    }

    /** Without statistics ({@link NetworkStats#EMPTY}). */
    public EpochResult(
            RunKey run,
            int epoch,
            int correct,
            int total,
            double meanCost,
            double trainSeconds,
            double evalMillis,
            List<float[]> hiddenZ,
            double[] meanAbsDelta) {
        this(run, epoch, correct, total, meanCost, trainSeconds, evalMillis, hiddenZ, meanAbsDelta, NetworkStats.EMPTY);
    }

    public double accuracyPercent() {
        return 100.0 * correct / total;
    }
}
