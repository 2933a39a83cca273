package org.initlab.core.init;

import org.initlab.core.Mlp;

/**
 * Mishkin and Matas (2016), "All you need is a good init": layer-sequential unit-variance. Start
 * orthonormal ({@link OrthogonalInit}, gain 1); then, layer by layer from the input, forward one training
 * batch and divide the layer's weights by the standard deviation of its pre-activations, until
 * |Var − 1| ≤ {@link #TOLERANCE} or {@link #MAX_ITERATIONS} tries. The output layer is scaled the same way.
 *
 * <p>It is data-dependent: {@link #fill} draws only the orthonormal start; {@link #scale} needs the batch.
 * Training takes the batch from the run's own seed ({@code TrainingRun}, purpose {@code lsuv/…}) and the
 * saved run records it. Where no data is at hand (the 500-ones z view) the scheme is its orthonormal start.
 */
public final class LsuvInit extends OrthogonalInit {
    public static final double TOLERANCE = 0.1;
    public static final int MAX_ITERATIONS = 10;
    /** Images in the batch LSUV forwards. */
    public static final int BATCH = 100;

    @Override
    public String id() {
        return "lsuv";
    }

    @Override
    public String displayName() {
        return "LSUV (Mishkin & Matas)";
    }

    @Override
    public String formula() {
        return "W = Q; W ← W/√Var(z) until |Var − 1| ≤ 0.1";
    }

    /** What the scaling did to each layer: its variance after scaling and the tries it took. */
    public record Report(double[] variances, int[] iterations) {}

    /**
     * Scales {@code net}'s weights in place, layer by layer. {@code batch} holds {@code rows} inputs of
     * {@code net.spec().inputs()} values each, row-major. The hidden activation is the network's.
     */
    public static Report scale(Mlp net, float[] batch, int rows) {
        var spec = net.spec();
        int layers = spec.layers();
        double[] variances = new double[layers];
        int[] iterations = new int[layers];
        float[] a = batch;
        for (int l = 0; l < layers; l++) {
            int in = spec.size(l), out = spec.size(l + 1);
            float[] w = net.weights(l), b = net.biases(l);
            float[] z = null;
            double var = Double.NaN;
            for (int it = 0; it <= MAX_ITERATIONS; it++) {
                z = forward(a, rows, in, w, b, out);
                var = variance(z);
                if (Math.abs(var - 1) <= TOLERANCE || it == MAX_ITERATIONS || !(var > 0) || !Double.isFinite(var)) {
                    iterations[l] = it;
                    break;
                }
                float s = (float) (1 / Math.sqrt(var));
                for (int i = 0; i < w.length; i++) w[i] *= s;
            }
            variances[l] = var;
            if (l + 1 < layers) {
                float[] next = new float[z.length];
                for (int i = 0; i < z.length; i++) next[i] = spec.hidden().apply(z[i]);
                a = next;
            }
        }
        return new Report(variances, iterations);
    }

    private static float[] forward(float[] a, int rows, int in, float[] w, float[] b, int out) {
        float[] z = new float[rows * out];
        for (int r = 0; r < rows; r++) {
            int zo = r * out;
            System.arraycopy(b, 0, z, zo, out);
            for (int i = 0; i < in; i++) {
                float x = a[r * in + i];
                if (x == 0) continue;
                int wo = i * out;
                for (int j = 0; j < out; j++) z[zo + j] += x * w[wo + j];
            }
        }
        return z;
    }

    /** The variance of all pre-activations of the layer over the batch (units and examples pooled). */
    static double variance(float[] z) {
        double s = 0, s2 = 0;
        for (float v : z) {
            s += v;
            s2 += (double) v * v;
        }
        double mean = s / z.length;
        return s2 / z.length - mean * mean;
    }
}
