package org.initlab.train;

import java.util.List;

/**
 * The end of one epoch (epoch 0 is the first, as the reference prints): accuracy on the evaluation set,
 * the mean training cost of the epoch, the seconds spent in SGD steps (evaluation excluded), and the
 * weighted inputs z of each hidden layer over the probe sample (for the saturation views).
 */
public record EpochResult(RunKey run, int epoch, int correct, int total, double meanCost, double trainSeconds,
                          double evalMillis, List<float[]> hiddenZ) {
    public double accuracyPercent() {
        return 100.0 * correct / total;
    }
}
