package org.initlab.core;

/**
 * The parameters of a multilayer perceptron. Layer {@code l} (1-based, as in Nielsen) maps
 * {@code sizes[l-1]} inputs to {@code sizes[l]} units; its weights are stored row-major as
 * {@code [input][unit]}, so one input's outgoing weights are contiguous: the training hot path adds whole
 * rows for the few non-zero pixels, and the bulk evaluation multiplies {@code X · W} as it is. A scheme
 * ({@code core.init.InitScheme}) draws a network's first values.
 */
public final class Mlp {
    private final NetworkSpec spec;
    private final float[][] weights;
    private final float[][] biases;

    public Mlp(NetworkSpec spec) {
        this.spec = spec;
        int layers = spec.layers();
        weights = new float[layers][];
        biases = new float[layers][];
        for (int l = 0; l < layers; l++) {
            weights[l] = new float[spec.size(l) * spec.size(l + 1)];
            biases[l] = new float[spec.size(l + 1)];
        }
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** Weights of layer {@code l} (0-based from the input), {@code [fanIn][fanOut]} row-major; live, not a copy. */
    public float[] weights(int l) {
        return weights[l];
    }

    public float[] biases(int l) {
        return biases[l];
    }

    public Mlp copy() {
        Mlp c = new Mlp(spec);
        for (int l = 0; l < spec.layers(); l++) {
            System.arraycopy(weights[l], 0, c.weights[l], 0, weights[l].length);
            System.arraycopy(biases[l], 0, c.biases[l], 0, biases[l].length);
        }
        return c;
    }

    /** The largest |parameter|, or +∞ when one is not a finite number. */
    public double maxAbsParameter() {
        double max = 0;
        for (int l = 0; l < spec.layers(); l++) {
            for (float w : weights[l]) max = Math.max(max, Float.isFinite(w) ? Math.abs(w) : Double.POSITIVE_INFINITY);
            for (float b : biases[l]) max = Math.max(max, Float.isFinite(b) ? Math.abs(b) : Double.POSITIVE_INFINITY);
        }
        return max;
    }
}
