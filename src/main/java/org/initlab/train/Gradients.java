package org.initlab.train;

/**
 * The gradient of the cost measured over the fixed probe sample, per layer (input side first, as
 * {@link EpochResult#meanAbsDelta()}): {@code meanAbsDz[l]} = mean over the probe images and layer l's units of
 * |∂C_x/∂z| (δ of one image's cost), and {@code meanAbsDw[l]} = mean over layer l's weights of |∂C/∂w| with C the
 * mean cost over the probe images (the step a probe-sized batch would take, divided by η). One forward and one
 * backward pass over the probe images in bulk ({@link Nd4jEvaluator#measure}), at probe time, never per step.
 * Saturated hidden units (σ'(z) ≈ 0) make the hidden layers' values small: the reason a badly initialized
 * network learns slowly. Empty arrays when not measured.
 */
public record Gradients(double[] meanAbsDz, double[] meanAbsDw) {
    public static final Gradients EMPTY = new Gradients(new double[0], new double[0]);

    public Gradients {
        if (meanAbsDz.length != meanAbsDw.length)
            throw new IllegalArgumentException("one ∂C/∂z and one ∂C/∂w value per layer");
    }

    public boolean isEmpty() {
        return meanAbsDz.length == 0;
    }

    /** Layers measured (0 when not measured). */
    public int layers() {
        return meanAbsDz.length;
    }
}
