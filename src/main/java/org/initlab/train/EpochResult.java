package org.initlab.train;

import java.util.List;

/**
 * The end of one epoch (epoch 0 is the first, as the reference prints): accuracy on the evaluation set,
 * the mean training cost of the epoch, the seconds spent in SGD steps (evaluation excluded), and the
 * weighted inputs z of each hidden layer over the probe sample (for the saturation views), and each
 * layer's mean |δ| = mean |∂C/∂z| over the epoch's examples (input side first; the vanishing-gradient view).
 */
public record EpochResult(RunKey run, int epoch, int correct, int total, double meanCost, double trainSeconds,
                          double evalMillis, List<float[]> hiddenZ, double[] meanAbsDelta) {
    public double accuracyPercent() {
        return 100.0 * correct / total;
    }
}
