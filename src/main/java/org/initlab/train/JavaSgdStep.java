package org.initlab.train;

import java.util.Arrays;
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
 * whole step is a few µs, so an op-by-op step is far slower than numpy. This path instead
 * <ol>
 *   <li>visits only the non-zero input pixels (81% of MNIST's pixels are exactly 0 and contribute exactly
 *       nothing to z or to the gradient),</li>
 *   <li>keeps weights as {@code [input][unit]} rows padded to 16 floats, so every inner loop is a whole
 *       row operation {@code row += c·vector} done by {@link RowKernels} in SIMD registers.</li>
 * </ol>
 * The whole batch is backpropagated with the weights from before the step, then the update is applied,
 * as in Nielsen's {@code update_mini_batch}. The padded working copy is written back to the network's
 * arrays by {@link #network()}.
 */
final class JavaSgdStep implements SgdStep {
    private static final RowKernels K = RowKernels.BEST;

    private final Mlp net;
    private final int layers;
    private final int[] sizes;
    /** Padded row length (stride) of each layer's units. */
    private final int[] stride;

    private final float[][] w;
    /** Where the rows of {@code w[0]} begin: on a cache line ({@link AlignedRows}); every other matrix begins at 0. */
    private final int firstRow;
    /** For layers 1.. (not the input layer): the same weights transposed, {@code [unit][input]}, for backpropagation. */
    private final float[][] wT;

    private final float[][] b;
    /** −(η/m)·a of the previous layer, a row per example: the update's coefficients, shared by w and wT so both stay exact transposes. */
    private final float[] scaledInput;
    /** −η/m of this step's batch, set by {@link #updateAllButFirstWeights}: the biases' one coefficient, and the first layer's scale. */
    private final float[] minusScale = new float[1];

    private final Activation hidden;
    private final OutputLayer output;
    private final Loss loss;
    private final LabeledImages images;
    private final SparseImages sparse;
    /** This step's mini-batch, unpacked (in lockstep, the group's first member's serves all; not thread-safe: a step is in one group). */
    private final BatchPixels pixels;

    private final float eta;
    /** Nielsen's network2 weight decay factor 1 − ηλ/n (1 when λ = 0). */
    private final float decay;
    // Per layer, per example in the batch (rows of stride floats): weighted input z, activation a, error δ = ∂C/∂z.
    private final float[][] z;
    private final float[][] a;
    private final float[][] delta;
    private boolean synced = true;
    private final DeltaMeter deltaMeter;
    /** Null but in {@code bench --profile}; in a group, the first member's times the whole group. */
    private StepProfile profile;
    /** This step as a group of one: {@link #step} is {@link #stepGroup}'s case of one network. */
    private final JavaSgdStep[] self = {this};

    JavaSgdStep(Mlp network, TrainingSet data, TrainingConfig config) {
        NetworkSpec spec = network.spec();
        if (spec.inputs() != data.inputs())
            throw new IllegalArgumentException(
                    "network has " + spec.inputs() + " inputs, images have " + data.inputs() + " pixels");
        this.net = network;
        this.layers = spec.layers();
        this.sizes = spec.sizes();
        this.stride = new int[layers + 1];
        for (int l = 0; l <= layers; l++) stride[l] = RowKernels.padded(sizes[l]);
        this.w = new float[layers][];
        this.wT = new float[layers][];
        this.b = new float[layers][];
        int widest = 0, first = 0;
        for (int l = 0; l < layers; l++) {
            int nIn = sizes[l], nOut = sizes[l + 1], s = stride[l + 1];
            int at = 0;
            if (l == 0) {
                AlignedRows.Rows rows = AlignedRows.allocate(Math.multiplyExact(nIn, s));
                w[l] = rows.array();
                at = rows.first();
                first = at;
            } else {
                w[l] = new float[nIn * s];
            }
            b[l] = new float[s];
            float[] src = network.weights(l);
            for (int i = 0; i < nIn; i++) System.arraycopy(src, i * nOut, w[l], at + i * s, nOut);
            System.arraycopy(network.biases(l), 0, b[l], 0, nOut);
            if (l > 0) {
                int inStride = stride[l];
                wT[l] = new float[nOut * inStride];
                for (int i = 0; i < nIn; i++)
                    for (int o = 0; o < nOut; o++) wT[l][o * inStride + i] = src[i * nOut + o];
                widest = Math.max(widest, inStride);
            }
        }
        this.firstRow = first;
        this.scaledInput = new float[widest * config.batchSize()];
        this.hidden = spec.hidden();
        this.output = spec.output();
        this.loss = spec.loss();
        this.images = data.images();
        this.sparse = SparseImages.of(data.images());
        this.eta = (float) config.eta();
        this.decay = (float) (1.0 - config.eta() * config.lambda() / data.count());
        int m = config.batchSize();
        this.pixels = new BatchPixels(sparse, m, stride[1], firstRow);
        z = new float[layers][];
        a = new float[layers][];
        delta = new float[layers][];
        deltaMeter = new DeltaMeter(layers);
        for (int l = 0; l < layers; l++) {
            z[l] = new float[m * stride[l + 1]];
            a[l] = new float[m * stride[l + 1]];
            delta[l] = new float[m * stride[l + 1]];
        }
    }

    @Override
    public Mlp network() {
        if (!synced) {
            for (int l = 0; l < layers; l++) {
                int nIn = sizes[l], nOut = sizes[l + 1], s = stride[l + 1];
                float[] dst = net.weights(l);
                int at = l == 0 ? firstRow : 0;
                for (int i = 0; i < nIn; i++) System.arraycopy(w[l], at + i * s, dst, i * nOut, nOut);
                System.arraycopy(b[l], 0, net.biases(l), 0, nOut);
            }
            synced = true;
        }
        return net;
    }

    @Override
    public double step(int[] batch, int count) {
        return stepGroup(self, batch, count)[0];
    }

    void profile(StepProfile p) {
        profile = p;
    }

    /** Adds the time since {@code t} to {@code phase} (with a profile) and returns the clock. */
    private static long mark(StepProfile p, StepProfile.Phase phase, long t) {
        if (p == null) return 0;
        long now = System.nanoTime();
        p.add(phase, now - t);
        return now;
    }

    /** The first layer's z of every example: bias + the sum of its non-zero pixels' weight rows. */
    private void firstLayerSums(BatchPixels px, int count) {
        int units = stride[1];
        for (int s = 0; s < count; s++) {
            System.arraycopy(b[0], 0, z[0], s * units, units);
            K.sparseRowSum(w[0], px.indices(), px.values(), px.start(s), px.end(s), z[0], s * units, units);
        }
    }

    /** The forward pass of the batch's examples once their first layer's z holds bias + the sparse sum; layer by layer. */
    private void forwardAfterFirstSums(int count) {
        activate(0, count);
        for (int l = 1; l < layers; l++) {
            int nIn = sizes[l], inStride = stride[l], outStride = stride[l + 1];
            for (int s = 0; s < count; s++) {
                System.arraycopy(b[l], 0, z[l], s * outStride, outStride);
                K.accumulate(a[l - 1], s * inStride, 1, nIn, w[l], 0, outStride, z[l], s * outStride, outStride);
            }
            activate(l, count);
        }
    }

    /** Layer {@code l}'s activations of the first {@code count} examples. */
    private void activate(int l, int count) {
        float[] zl = z[l], al = a[l];
        int n = sizes[l + 1], st = stride[l + 1];
        boolean sigmoid = l < layers - 1 ? hidden == Activation.SIGMOID : output == OutputLayer.SIGMOID;
        if (sigmoid) {
            K.sigmoid(zl, al, 0, count * st);
            // Padding lanes must stay 0 (σ(0) would be 0.5): whole-row kernels read them.
            if (n < st) for (int s = 0; s < count; s++) java.util.Arrays.fill(al, s * st + n, (s + 1) * st, 0f);
        } else {
            for (int s = 0; s < count; s++) activateOne(l, s * st);
        }
    }

    private void activateOne(int l, int off) {
        float[] zl = z[l], al = a[l];
        int n = sizes[l + 1];
        if (l < layers - 1) {
            for (int i = off; i < off + n; i++) al[i] = hidden.apply(zl[i]);
        } else {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = off; i < off + n; i++) max = Math.max(max, zl[i]);
            double sum = 0;
            for (int i = off; i < off + n; i++) sum += Math.exp(zl[i] - max);
            for (int i = off; i < off + n; i++) al[i] = (float) (Math.exp(zl[i] - max) / sum);
        }
    }

    /** Output errors and backpropagation for the batch's examples, a layer at a time; returns the sum of their costs. */
    private double backward(int[] batch, int count) {
        int last = layers - 1, nOut = sizes[layers], outStride = stride[layers];
        float[] aL = a[last], dL = delta[last];
        double cost = 0;
        for (int s = 0; s < count; s++) {
            int label = images.label(batch[s]), off = s * outStride;
            cost += loss.cost(aL, off, nOut, label, output);
            for (int o = 0; o < nOut; o++) {
                float diff = aL[off + o] - (o == label ? 1f : 0f);
                // Quadratic: δ = (a − y)·σ'(z). Cross-entropy (sigmoid or softmax output): δ = a − y.
                dL[off + o] = loss == Loss.QUADRATIC ? diff * aL[off + o] * (1 - aL[off + o]) : diff;
            }
        }
        for (int l = last; l >= 1; l--) {
            // δ_{l-1} = (Wᵀ δ_l) ∘ f'(z): a combination of the transposed weight rows, accumulated in registers.
            int n = sizes[l], inStride = stride[l];
            float[] dIn = delta[l - 1], zIn = z[l - 1], aIn = a[l - 1];
            for (int s = 0; s < count; s++)
                K.rowCombination(delta[l], s * stride[l + 1], sizes[l + 1], wT[l], dIn, s * inStride, inStride);
            if (hidden == Activation.SIGMOID) K.timesSigmoidSlope(dIn, aIn, 0, count * inStride);
            else
                for (int s = 0; s < count; s++)
                    for (int i = s * inStride; i < s * inStride + n; i++) dIn[i] *= hidden.derivative(zIn[i], aIn[i]);
        }
        return cost;
    }

    private void accumulateDelta(int count) {
        for (int l = 0; l < layers; l++) {
            int n = sizes[l + 1], st = stride[l + 1];
            float[] d = delta[l];
            // Four partial sums: one chain of double additions was 3 ms of a 33 ms epoch.
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int e = 0; e < count; e++) {
                int i = e * st, end = i + n;
                for (; i + 3 < end; i += 4) {
                    s0 += Math.abs(d[i]);
                    s1 += Math.abs(d[i + 1]);
                    s2 += Math.abs(d[i + 2]);
                    s3 += Math.abs(d[i + 3]);
                }
                for (; i < end; i++) s0 += Math.abs(d[i]);
            }
            deltaMeter.add(l, ((s0 + s1) + (s2 + s3)) / n);
        }
        deltaMeter.countExamples(count);
    }

    @Override
    public double[] takeMeanAbsDelta() {
        return deltaMeter.take();
    }

    /** The first weight matrix: each example's δ added to the rows of its non-zero pixels, example after example; after {@link #updateAllButFirstWeights}. */
    private void updateFirstWeights(BatchPixels px, int count) {
        int units = stride[1];
        for (int e = 0; e < count; e++)
            K.sparseRowUpdate(
                    minusScale[0], delta[0], e * units, px.indices(), px.values(), px.start(e), px.end(e), w[0], units);
    }

    /**
     * One SGD step of several networks on the same mini-batch, in lockstep: the batch's pixel lists are
     * fetched from memory and unpacked once for all of them; everything else runs per network, phase by
     * phase. Each network's arithmetic is its own {@link #step}'s, in the same order: the same bits. The
     * networks share the images and their first layer's padded width.
     */
    static double[] stepGroup(JavaSgdStep[] g, int[] batch, int count) {
        int n = g.length;
        SparseImages sparse = g[0].sparse;
        int units = g[0].stride[1];
        for (JavaSgdStep s : g) {
            if (s.sparse != sparse || s.stride[1] != units || s.firstRow != g[0].firstRow)
                throw new IllegalArgumentException(
                        "lockstep networks must share the images and the first layer's width");
        }
        StepProfile p = g[0].profile;
        long t = p == null ? 0 : System.nanoTime();
        BatchPixels px = g[0].pixels;
        px.gather(batch, count);
        t = mark(p, StepProfile.Phase.GATHER, t);
        double[] cost = new double[n];
        for (JavaSgdStep s : g) s.firstLayerSums(px, count);
        t = mark(p, StepProfile.Phase.FIRST_LAYER, t);
        for (int i = 0; i < n; i++) g[i].forwardAfterFirstSums(count);
        t = mark(p, StepProfile.Phase.FORWARD_REST, t);
        for (int i = 0; i < n; i++) cost[i] = g[i].backward(batch, count);
        t = mark(p, StepProfile.Phase.BACKWARD, t);
        for (int i = 0; i < n; i++) {
            g[i].accumulateDelta(count);
            g[i].updateAllButFirstWeights(count);
        }
        t = mark(p, StepProfile.Phase.UPDATE_REST, t);
        for (int i = 0; i < n; i++) g[i].updateFirstWeights(px, count);
        mark(p, StepProfile.Phase.UPDATE_FIRST, t);
        if (p != null) p.countBatch();
        for (JavaSgdStep s : g) s.synced = false;
        return cost;
    }

    /** The decay, the biases and the weights of every layer but the first (whose update follows the sparse pixels). */
    private void updateAllButFirstWeights(int count) {
        float scale = eta / count;
        if (decay != 1f) {
            for (int l = 0; l < layers; l++) {
                float[] wl = w[l];
                int from = l == 0 ? firstRow : 0, to = from + sizes[l] * stride[l + 1]; // w[0] is larger than its rows
                for (int i = from; i < to; i++) wl[i] *= decay;
                if (wT[l] != null) for (int i = 0; i < wT[l].length; i++) wT[l][i] *= decay;
            }
        }
        minusScale[0] = -scale;
        for (int l = 0; l < layers; l++) {
            int s = stride[l + 1];
            K.accumulate(minusScale, 0, 0, count, delta[l], 0, s, b[l], 0, s);
        }
        // Each weight gets its examples' terms in example order, as one example after the other would add them.
        for (int l = 1; l < layers; l++) {
            int nIn = sizes[l], inStride = stride[l], outStride = stride[l + 1];
            int nOut = sizes[l + 1];
            float[] prev = a[l - 1];
            for (int i = 0; i < count * inStride; i++) scaledInput[i] = -scale * prev[i];
            for (int i = 0; i < nIn; i++)
                K.accumulate(scaledInput, i, inStride, count, delta[l], 0, outStride, w[l], i * outStride, outStride);
            // The same products for the transposed copy: fma(δ_o, c_i, w) = fma(c_i, δ_o, w) bit for bit.
            for (int o = 0; o < nOut; o++)
                K.accumulate(delta[l], o, outStride, count, scaledInput, 0, inStride, wT[l], o * inStride, inStride);
        }
    }

    @Override
    public String toString() {
        return "JavaSgdStep[" + K.name() + ", " + Arrays.toString(sizes) + "]";
    }
}
