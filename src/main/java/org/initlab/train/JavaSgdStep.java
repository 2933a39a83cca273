package org.initlab.train;

import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.data.LabeledImages;

/**
 * The hot path: a mini-batch SGD step in plain Java arrays.
 *
 * <p>Why not ND4J here: at batch 10 every ND4J op call costs ~10 µs of overhead while the arithmetic of a
 * whole step is a few µs, so an op-by-op step is 10× slower than numpy. This path instead (1) visits only
 * the non-zero input pixels (81% of MNIST's pixels are exactly 0 and contribute exactly nothing), and
 * (2) stores weights {@code [input][unit]} so every inner loop is a contiguous row update
 * {@code row += c·vector}, which the JIT compiles to SIMD instructions. The whole batch is
 * backpropagated with the weights from before the step, then the update is applied, as in
 * Nielsen's {@code update_mini_batch}.
 */
final class JavaSgdStep implements SgdStep {
    private final Mlp net;
    private final int layers;
    private final int[] sizes;
    private final float[][] w;
    private final float[][] b;
    private final Activation hidden;
    private final OutputLayer output;
    private final Loss loss;
    private final LabeledImages images;
    private final SparseImages sparse;
    private final float eta;
    /** Nielsen's network2 weight decay factor 1 − ηλ/n (1 when λ = 0). */
    private final float decay;
    // Per layer, per example in the batch: weighted input z, activation a, error δ = ∂C/∂z.
    private final float[][] z;
    private final float[][] a;
    private final float[][] delta;
    private final float[] target;

    JavaSgdStep(Mlp network, TrainingSet data, TrainingConfig config) {
        NetworkSpec spec = network.spec();
        if (spec.inputs() != data.inputs()) throw new IllegalArgumentException("network has " + spec.inputs() + " inputs, images have " + data.inputs() + " pixels");
        this.net = network;
        this.layers = spec.layers();
        this.sizes = spec.sizes();
        this.w = new float[layers][];
        this.b = new float[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = network.weights(l);
            b[l] = network.biases(l);
        }
        this.hidden = spec.hidden();
        this.output = spec.output();
        this.loss = spec.loss();
        this.images = data.images();
        this.sparse = SparseImages.of(data.images());
        this.eta = (float) config.eta();
        this.decay = (float) (1.0 - config.eta() * config.lambda() / data.count());
        int m = config.batchSize();
        z = new float[layers][];
        a = new float[layers][];
        delta = new float[layers][];
        for (int l = 0; l < layers; l++) {
            z[l] = new float[m * sizes[l + 1]];
            a[l] = new float[m * sizes[l + 1]];
            delta[l] = new float[m * sizes[l + 1]];
        }
        target = new float[spec.outputs()];
    }

    @Override
    public Mlp network() {
        return net;
    }

    @Override
    public double step(int[] batch, int count) {
        double cost = 0;
        for (int s = 0; s < count; s++) {
            forward(batch[s], s);
            cost += backward(images.label(batch[s]), s);
        }
        update(batch, count);
        return cost;
    }

    private void forward(int image, int s) {
        int units = sizes[1];
        int off = s * units;
        float[] z0 = z[0];
        float[] w0 = w[0];
        System.arraycopy(b[0], 0, z0, off, units);
        int[] idx = sparse.indices();
        float[] val = sparse.values();
        for (int k = sparse.start(image), end = sparse.end(image); k < end; k++) {
            float x = val[k];
            int row = idx[k] * units;
            for (int h = 0; h < units; h++) z0[off + h] += x * w0[row + h];
        }
        activate(0, off, units);
        for (int l = 1; l < layers; l++) {
            int nIn = sizes[l], nOut = sizes[l + 1];
            int inOff = s * nIn, outOff = s * nOut;
            float[] zl = z[l], wl = w[l], prev = a[l - 1];
            System.arraycopy(b[l], 0, zl, outOff, nOut);
            for (int i = 0; i < nIn; i++) {
                float x = prev[inOff + i];
                if (x == 0f) continue;
                int row = i * nOut;
                for (int o = 0; o < nOut; o++) zl[outOff + o] += x * wl[row + o];
            }
            activate(l, outOff, nOut);
        }
    }

    private void activate(int l, int off, int n) {
        float[] zl = z[l], al = a[l];
        if (l < layers - 1) {
            for (int i = off; i < off + n; i++) al[i] = hidden.apply(zl[i]);
        } else if (output == OutputLayer.SOFTMAX) {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = off; i < off + n; i++) max = Math.max(max, zl[i]);
            double sum = 0;
            for (int i = off; i < off + n; i++) sum += Math.exp(zl[i] - max);
            for (int i = off; i < off + n; i++) al[i] = (float) (Math.exp(zl[i] - max) / sum);
        } else {
            for (int i = off; i < off + n; i++) al[i] = (float) (1.0 / (1.0 + Math.exp(-zl[i])));
        }
    }

    /** Output error and backpropagation for example {@code s}; returns its cost. */
    private double backward(int label, int s) {
        int last = layers - 1;
        int nOut = sizes[layers];
        int off = s * nOut;
        float[] aL = a[last], dL = delta[last];
        java.util.Arrays.fill(target, 0f);
        target[label] = 1f;
        double cost = loss.cost(aL, off, nOut, label, output);
        for (int o = 0; o < nOut; o++) {
            float diff = aL[off + o] - target[o];
            // Quadratic: δ = (a − y)·σ'(z). Cross-entropy (sigmoid or softmax output): δ = a − y.
            dL[off + o] = loss == Loss.QUADRATIC ? diff * aL[off + o] * (1 - aL[off + o]) : diff;
        }
        for (int l = last; l >= 1; l--) {
            int n = sizes[l], m = sizes[l + 1];
            float[] wl = w[l], dOut = delta[l], dIn = delta[l - 1], zIn = z[l - 1], aIn = a[l - 1];
            int outOff = s * m, inOff = s * n;
            for (int i = 0; i < n; i++) {
                int row = i * m;
                float sum = 0;
                for (int o = 0; o < m; o++) sum += wl[row + o] * dOut[outOff + o];
                dIn[inOff + i] = sum * hidden.derivative(zIn[inOff + i], aIn[inOff + i]);
            }
        }
        return cost;
    }

    private void update(int[] batch, int count) {
        float scale = eta / count;
        if (decay != 1f) {
            for (int l = 0; l < layers; l++) {
                float[] wl = w[l];
                for (int i = 0; i < wl.length; i++) wl[i] *= decay;
            }
        }
        for (int l = 0; l < layers; l++) {
            int nOut = sizes[l + 1];
            float[] bl = b[l], dl = delta[l];
            for (int s = 0; s < count; s++) {
                int off = s * nOut;
                for (int o = 0; o < nOut; o++) bl[o] -= scale * dl[off + o];
            }
        }
        for (int l = 1; l < layers; l++) {
            int nIn = sizes[l], nOut = sizes[l + 1];
            float[] wl = w[l], dl = delta[l], prev = a[l - 1];
            for (int s = 0; s < count; s++) {
                int inOff = s * nIn, outOff = s * nOut;
                for (int i = 0; i < nIn; i++) {
                    float c = scale * prev[inOff + i];
                    if (c == 0f) continue;
                    int row = i * nOut;
                    for (int o = 0; o < nOut; o++) wl[row + o] -= c * dl[outOff + o];
                }
            }
        }
        int units = sizes[1];
        float[] w0 = w[0], d0 = delta[0];
        int[] idx = sparse.indices();
        float[] val = sparse.values();
        for (int s = 0; s < count; s++) {
            int off = s * units;
            for (int k = sparse.start(batch[s]), end = sparse.end(batch[s]); k < end; k++) {
                float c = scale * val[k];
                int row = idx[k] * units;
                for (int h = 0; h < units; h++) w0[row + h] -= c * d0[off + h];
            }
        }
    }
}
