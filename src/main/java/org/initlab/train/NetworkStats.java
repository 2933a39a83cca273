package org.initlab.train;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.Mlp;
import org.initlab.math.SigmoidMath;

/**
 * What the views need of a network at one moment (at initialization and after each epoch), small enough to
 * keep per epoch and to save:
 * <ul>
 *   <li>{@code gradients}: the probe sample's gradient statistic per layer ({@link Gradients});</li>
 *   <li>{@code zHistograms}: each hidden layer's z over the probe sample in fixed bins ({@link ZHistogram});</li>
 *   <li>{@code saturatedShare}: per hidden layer, the share of (image, unit) pairs of the probe sample with
 *       σ'(z) &lt; {@link #SATURATION_THRESHOLD}, from the raw z (exact, not from the bins);</li>
 *   <li>{@code hiddenRowSpread}: the largest difference between two units' incoming weight rows of the first
 *       hidden layer, max over inputs i and units j, k of |w_ij − w_ik| (0: every hidden unit has the same
 *       weights, the symmetry of a zero initialization never broke; NaN without a hidden layer).</li>
 * </ul>
 * Hidden-layer lists are input side first. {@link #EMPTY} when not measured (files written before version 2).
 */
public record NetworkStats(
        Gradients gradients, List<ZHistogram> zHistograms, double[] saturatedShare, double hiddenRowSpread) {
    /** The threshold on σ'(z) of {@link #saturatedShare()}: |z| &gt; 4.6. */
    public static final double SATURATION_THRESHOLD = 0.01;

    public static final NetworkStats EMPTY = new NetworkStats(Gradients.EMPTY, List.of(), new double[0], Double.NaN);

    public NetworkStats {
        zHistograms = List.copyOf(zHistograms);
        if (saturatedShare.length != zHistograms.size())
            throw new IllegalArgumentException("one saturated share per histogram (hidden layer)");
    }

    public boolean isEmpty() {
        return gradients.isEmpty() && zHistograms.isEmpty() && Double.isNaN(hiddenRowSpread);
    }

    /** The statistics of {@code net}, given its hidden layers' z over the probe sample and the probe's gradients. */
    public static NetworkStats of(Mlp net, List<float[]> hiddenZ, Gradients gradients) {
        List<ZHistogram> histograms = new ArrayList<>(hiddenZ.size());
        double[] saturated = new double[hiddenZ.size()];
        for (int l = 0; l < hiddenZ.size(); l++) {
            histograms.add(ZHistogram.of(hiddenZ.get(l)));
            saturated[l] = SigmoidMath.saturatedFraction(hiddenZ.get(l), SATURATION_THRESHOLD);
        }
        return new NetworkStats(gradients, histograms, saturated, hiddenRowSpread(net));
    }

    /** max over inputs i of (max_j w_ij − min_j w_ij) over the first hidden layer's units j; NaN without a hidden layer. */
    public static double hiddenRowSpread(Mlp net) {
        if (net.spec().layers() < 2) return Double.NaN;
        int nIn = net.spec().size(0), nOut = net.spec().size(1);
        float[] w = net.weights(0);
        double spread = 0;
        for (int i = 0; i < nIn; i++) {
            float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
            for (int j = i * nOut, end = j + nOut; j < end; j++) {
                lo = Math.min(lo, w[j]);
                hi = Math.max(hi, w[j]);
            }
            double d = (double) hi - lo;
            if (d != d) return Double.NaN;
            spread = Math.max(spread, d);
        }
        return spread;
    }
}
