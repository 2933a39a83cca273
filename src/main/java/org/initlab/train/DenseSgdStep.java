package org.initlab.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.data.LabeledImages;

/**
 * The SGD step of deep and wide networks: the whole mini-batch as matrices, every matrix product one call to
 * OpenBLAS's sgemm on off-heap memory, the element-wise work between them in SIMD kernels that read the same
 * memory ({@link DenseKernels}). Per layer l, with A the batch's activations (a row per example):
 * <pre>
 *   forward     Z = A_{l−1}·W_l (sgemm), then A_l = f(Z + b_l) in place
 *   backward    δ_{l−1} = (δ_l·W_lᵀ) ∘ f'(A_{l−1})   (sgemm, then the slope from the activation)
 *   update      W_l ← (1 − ηλ/n)·W_l − (η/m)·A_{l−1}ᵀ·δ_l   (one sgemm: β is the decay, α is −η/m)
 *               b_l ← b_l − (η/m)·Σ_rows δ_l
 * </pre>
 * The whole batch is backpropagated with the weights from before the step, as in Nielsen's
 * {@code update_mini_batch}. Kept per network: the weights (once, off the heap), the activations of every
 * layer for one batch and a ring of four δ buffers of the widest layer; z itself is not kept (f' comes from
 * a = f(z)).
 *
 * <p>Threads: on two or more, the forward and backpropagated products are split into column blocks whose number
 * depends only on their shape ({@link #parts}), and while one thread backpropagates the other updates the layer
 * above ({@link BackwardTasks}); {@link Team} hands the pieces to whichever thread is free. One thread runs each
 * product whole, with the same bits ({@link #productParts}). The same seed gives the same bits on any number of
 * threads.
 */
public final class DenseSgdStep implements SgdStep {
    private static final DenseKernels K = DenseKernels.BEST;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    /** Multiply-adds a block of a product should have at least: fewer and the split costs more than it saves. */
    private static final long BLOCK_WORK = 2_000_000;
    /**
     * At most two blocks: every block is one more call that packs its operands again, and on one thread a step of
     * deep50x300 took 1.26–1.31× its products' time unsplit, 1.31–1.39× in 2 blocks, 1.39–1.48× in 4.
     */
    private static final int MAX_PARTS = 2;
    /** v/255 for each byte v, as the reference scales pixels. */
    private static final float[] BYTE_TO_UNIT = new float[256];

    static {
        for (int v = 0; v < 256; v++) BYTE_TO_UNIT[v] = v / 255f;
    }

    /** The step's phases, for {@code bench --deep}. */
    public enum Phase {
        GATHER,
        FORWARD,
        OUTPUT,
        BACKWARD,
        UPDATE
    }

    private final Mlp net;
    private final int layers;
    private final int[] sizes;
    /** Row length in floats of each layer's activations and δ (units padded to {@link DenseKernels#PAD}). */
    private final int[] stride;

    private final int batch;
    private final int threads;
    /** Weights of each layer, [input][unit] row-major as in {@link Mlp}: sizes[l] × sizes[l+1]. */
    private final FloatPointer[] w;
    /** Biases, padded with zeros to the layer's stride. */
    private final float[][] b;
    /** The batch's pixels, batch × sizes[0]. */
    private final FloatPointer x;
    /** The same memory as native-order floats (JavaCPP's own view of it would be big-endian: a byte swap per float). */
    private final FloatBuffer xFloats;
    /** Per layer, the batch's activations (batch × stride[l+1]), z until activated. */
    private final FloatPointer[] act;

    private final ByteBuffer[] actBytes;
    /** δ buffers of the widest layer: layer l's δ is in {@code delta[slot(l)]}. */
    private static final int RING = BackwardTasks.RING;

    private final FloatPointer[] delta = new FloatPointer[RING];

    private final ByteBuffer[] deltaBytes = new ByteBuffer[RING];
    private final float[] pixelRow;
    private final float[] output;
    /** Per δ buffer, its rows' summed |δ|, for the meter. */
    private final double[][] rowAbs;

    private final Activation hidden;
    private final OutputLayer outputLayer;
    private final Loss loss;
    private final LabeledImages images;
    private final SparseImages sparse;
    private final float eta;
    private final float decay;
    private final DeltaMeter deltaMeter;
    private final long offHeapBytes;
    private boolean synced = true;
    private long[] phaseNanos;

    /** A step on as many threads as the cores that other dense steps leave free, when a trial finds that faster than one. */
    public DenseSgdStep(Mlp network, TrainingSet data, TrainingConfig config) {
        this(network, data, config, 0);
    }

    /** A step on {@code threads} threads (0: as the cores allow, see {@link Team#threads}). */
    public DenseSgdStep(Mlp network, TrainingSet data, TrainingConfig config, int threads) {
        NetworkSpec spec = network.spec();
        if (spec.inputs() != data.inputs())
            throw new IllegalArgumentException(
                    "network has " + spec.inputs() + " inputs, images have " + data.inputs() + " pixels");
        if (threads < 0) throw new IllegalArgumentException("threads must be 0 (automatic) or more, got " + threads);
        Blas.ensureLoaded();
        this.net = network;
        this.layers = spec.layers();
        this.sizes = spec.sizes();
        this.batch = config.batchSize();
        this.threads = threads;
        this.stride = new int[layers + 1];
        for (int l = 0; l <= layers; l++) stride[l] = DenseKernels.padded(sizes[l]);
        w = new FloatPointer[layers];
        b = new float[layers][];
        act = new FloatPointer[layers];
        actBytes = new ByteBuffer[layers];
        long bytes = 0;
        int widest = 0;
        for (int l = 0; l < layers; l++) {
            w[l] = Blas.allocate((long) sizes[l] * sizes[l + 1]);
            w[l].put(network.weights(l));
            b[l] = Arrays.copyOf(network.biases(l), stride[l + 1]);
            act[l] = Blas.allocate((long) batch * stride[l + 1]);
            actBytes[l] = bytes(act[l]);
            bytes += 4L * sizes[l] * sizes[l + 1] + 4L * batch * stride[l + 1];
            widest = Math.max(widest, stride[l + 1]);
        }
        for (int i = 0; i < RING; i++) {
            delta[i] = Blas.allocate((long) batch * widest);
            deltaBytes[i] = bytes(delta[i]);
            bytes += 4L * batch * widest;
        }
        x = Blas.allocate((long) batch * sizes[0]);
        xFloats = bytes(x).asFloatBuffer();
        offHeapBytes = bytes + 4L * batch * sizes[0];
        pixelRow = new float[sizes[0]];
        output = new float[batch * sizes[layers]];
        rowAbs = new double[RING][batch];
        hidden = spec.hidden();
        outputLayer = spec.output();
        loss = spec.loss();
        images = data.images();
        sparse = SparseImages.of(images);
        eta = (float) config.eta();
        decay = (float) (1.0 - config.eta() * config.lambda() / data.count());
        deltaMeter = new DeltaMeter(layers);
    }

    private static ByteBuffer bytes(FloatPointer p) {
        return p.asByteBuffer().order(ORDER);
    }

    /** Bytes this step keeps off the heap: weights, the batch's pixels, activations and δ. */
    public long offHeapBytes() {
        return offHeapBytes;
    }

    /** Times the phases from now on into {@code nanos} (indexed by {@link Phase#ordinal()}); null: off. */
    public void profile(long[] nanos) {
        phaseNanos = nanos;
    }

    private long mark(Phase phase, long t) {
        if (phaseNanos == null) return 0;
        long now = System.nanoTime();
        phaseNanos[phase.ordinal()] += now - t;
        return now;
    }

    /** Blocks a product of m × n × k multiply-adds is split into along n: by its size only, never by the threads. */
    static int parts(long m, int n, long k) {
        long byWork = m * n * k / BLOCK_WORK;
        return (int) Math.max(1, Math.min(Math.min(MAX_PARTS, byWork), n / 64));
    }

    /**
     * Blocks of a product on {@code threads} threads: {@link #parts} on two or more, the whole product on one. Each
     * block packs its operands again, and a whole product has the bits of its blocks (OpenBLAS sums each element over
     * k in the same order whichever columns or rows a call covers: {@code BlasSplitTest}).
     */
    static int productParts(long m, int n, long k, int threads) {
        return threads > 1 ? parts(m, n, k) : 1;
    }

    /**
     * Column {@code p} of {@code parts} blocks over n columns: its first column. Blocks start at multiples of
     * {@link DenseKernels#PAD} (the element-wise kernels work in whole registers), as near n/parts as that allows
     * (300 columns: 144 and 156; rounding up to 160 and 140 kept the other thread waiting 13% of every block).
     */
    static int blockStart(int n, int parts, int p) {
        int width = Math.max(DenseKernels.PAD, Math.round(n / (float) (parts * DenseKernels.PAD)) * DenseKernels.PAD);
        return p == parts ? n : Math.min(n, p * width);
    }

    @Override
    public double step(int[] batchIndex, int count) {
        if (count < 1 || count > batch)
            throw new IllegalArgumentException("batch of " + count + " examples; this step takes 1 to " + batch);
        Team.stepStarted();
        long started = System.nanoTime();
        int t = threads > 0 ? threads : autoThreads();
        try {
            long clock = phaseNanos == null ? 0 : System.nanoTime();
            gather(batchIndex, count);
            clock = mark(Phase.GATHER, clock);
            slots = t > 1 ? RING : 2;
            forward(count, t);
            clock = mark(Phase.FORWARD, clock);
            double cost = outputError(batchIndex, count);
            clock = mark(Phase.OUTPUT, clock);
            if (t > 1) {
                backwardShared(count, t);
                mark(Phase.BACKWARD, clock);
            } else backward(count);
            synced = false;
            return cost;
        } finally {
            Team.stepEnded();
            if (threads == 0) timed(t, System.nanoTime() - started);
        }
    }

    /** Steps of each {@link #TRIAL} in automatic mode: the first 8 on one thread, the next 8 on the cores free, then the faster. */
    private static final int TRIAL = 256, TRIAL_STEPS = 8;

    private long autoSteps;
    private final long[] trialNanos = new long[2];
    private int chosen = 1;

    /**
     * The threads of the next step when none were asked for: as many as the cores other dense steps leave free
     * ({@link Team#threads}), if a trial of a few steps each way, repeated every {@value #TRIAL} steps, found that
     * faster. On a loaded machine a helper that loses its core holds up every product it has a block of, and
     * two threads were measured at half the speed of one; the bits are the same either way.
     */
    private int autoThreads() {
        int free = Team.threads(0);
        if (free == 1) return 1;
        long phase = autoSteps % TRIAL;
        if (phase < TRIAL_STEPS) return 1;
        if (phase < 2 * TRIAL_STEPS) return free;
        return chosen == 1 ? 1 : free;
    }

    private void timed(int used, long nanos) {
        long phase = autoSteps++ % TRIAL;
        if (phase < 2 * TRIAL_STEPS) trialNanos[phase < TRIAL_STEPS ? 0 : 1] += nanos;
        if (phase == 2 * TRIAL_STEPS - 1) {
            chosen = trialNanos[1] < trialNanos[0] && used > 1 ? used : 1;
            trialNanos[0] = trialNanos[1] = 0;
        }
    }

    /**
     * The batch's pixels as floats v/255, a row per example: only the image's non-zero pixels (19% of MNIST's) are
     * written into a row of zeros, copied off the heap, then zeroed again (a look-up a pixel over all 784 was 10% of
     * deep20x100's step).
     */
    private void gather(int[] batchIndex, int count) {
        int n = sizes[0];
        FloatBuffer xb = xFloats;
        for (int e = 0; e < count; e++) {
            sparse.scatter(batchIndex[e], BYTE_TO_UNIT, pixelRow);
            xb.put(e * n, pixelRow);
            sparse.clear(batchIndex[e], pixelRow);
        }
    }

    /**
     * Layer by layer, Z = A·W then A = f(Z + b). On two or more threads each product is split into column blocks
     * ({@link #productParts}) and each thread activates the block it computed.
     */
    private void forward(int count, int threads) {
        for (int l = 0; l < layers; l++) {
            FloatPointer in = l == 0 ? x : act[l - 1];
            int lda = l == 0 ? sizes[0] : stride[l], k = sizes[l], n = sizes[l + 1], ldc = stride[l + 1], layer = l;
            FloatPointer out = act[l], wl = w[l];
            boolean activated = l < layers - 1;
            int parts = productParts(count, n, k, threads);
            Team.run(parts, threads, p -> {
                int c0 = blockStart(n, parts, p), c1 = blockStart(n, parts, p + 1);
                if (c1 > c0) Blas.gemm(false, false, count, c1 - c0, k, 1f, in, 0, lda, wl, c0, n, 0f, out, c0, ldc);
                if (activated)
                    K.activate(hidden, actBytes[layer], ldc, b[layer], 0, count, c0, blockEnd(n, ldc, parts, p));
            });
        }
    }

    /** The end of block p's columns, the padding after the units included in the last block. */
    private static int blockEnd(int n, int stride, int parts, int p) {
        return p == parts - 1 ? stride : blockStart(n, parts, p + 1);
    }

    /** The output layer (z + b, then σ or softmax), the batch's summed cost and δ of the output layer; all before the step. */
    private double outputError(int[] batchIndex, int count) {
        int last = layers - 1, n = sizes[layers], st = stride[layers];
        ByteBuffer z = actBytes[last];
        float[] bias = b[last];
        for (int e = 0; e < count; e++) {
            int off = e * n;
            for (int o = 0; o < n; o++) output[off + o] = z.getFloat((e * st + o) * 4) + bias[o];
            if (outputLayer == OutputLayer.SIGMOID) {
                for (int o = 0; o < n; o++) output[off + o] = Activation.SIGMOID.apply(output[off + o]);
            } else {
                float max = Float.NEGATIVE_INFINITY;
                for (int o = 0; o < n; o++) max = Math.max(max, output[off + o]);
                double sum = 0;
                for (int o = 0; o < n; o++) sum += Math.exp(output[off + o] - max);
                for (int o = 0; o < n; o++) output[off + o] = (float) (Math.exp(output[off + o] - max) / sum);
            }
        }
        ByteBuffer d = deltaBytes[slot(last)];
        double cost = 0, abs = 0;
        for (int e = 0; e < count; e++) {
            int label = images.label(batchIndex[e]), off = e * n;
            cost += loss.cost(output, off, n, label, outputLayer);
            double rowSum = 0;
            for (int o = 0; o < n; o++) {
                float a = output[off + o], diff = a - (o == label ? 1f : 0f);
                // Quadratic: δ = (a − y)·σ'(z). Cross-entropy (sigmoid or softmax output): δ = a − y.
                float v = loss == Loss.QUADRATIC ? diff * a * (1 - a) : diff;
                d.putFloat((e * st + o) * 4, v);
                rowSum += Math.abs(v);
            }
            for (int o = n; o < st; o++) d.putFloat((e * st + o) * 4, 0f); // the kernels read whole padded rows
            abs += rowSum / n;
        }
        deltaMeter.add(last, abs);
        deltaMeter.countExamples(count);
        return cost;
    }

    /** Backpropagation and the update on one thread, from the output layer down: D_l, then U_l (see {@link BackwardTasks}). */
    private void backward(int count) {
        float minusScale = -eta / count;
        for (int l = layers - 1; l >= 0; l--) {
            long clock = phaseNanos == null ? 0 : System.nanoTime();
            if (l > 0) {
                int nIn = sizes[l], ldb = stride[l];
                deltaProduct(l, count, 0, nIn);
                double[] sums = rowAbs[slot(l - 1)];
                K.timesSlopeSummed(hidden, deltaBytes[slot(l - 1)], actBytes[l - 1], ldb, nIn, count, sums);
                meter(l - 1, sums, count);
                clock = mark(Phase.BACKWARD, clock);
            }
            update(l, count, minusScale, false);
            mark(Phase.UPDATE, clock);
        }
    }

    /**
     * Backpropagation and the update on two threads ({@link BackwardTasks}): each product whole or in the blocks of
     * {@link #parts}, as on one thread, so the bits are the same.
     */
    private void backwardShared(int count, int threads) {
        float minusScale = -eta / count;
        BackwardTasks tasks = backwardTasks(count);
        tasks.reset();
        Team.run(tasks.size(), Math.min(threads, MAX_PARTS), i -> {
            int t = tasks.task(i), l = t >> 8;
            try {
                tasks.awaitInputs(t);
                if ((t & 0xFF) == BackwardTasks.UPDATE) update(l, count, minusScale, true);
                else deltaBelow(l, count, t & 0xFF, tasks.blocks(l));
                tasks.done(t);
            } catch (RuntimeException | Error e) {
                tasks.fail();
                throw e;
            }
        });
    }

    private BackwardTasks tasks;
    private int tasksCount;
    /** δ buffers in use this step: two on one thread (both stay in cache), the ring on two. */
    private int slots = 2;

    private int slot(int l) {
        return l % slots;
    }

    /** The tasks for a batch of {@code count}: D_l in the blocks {@link #parts} gives its product. */
    private BackwardTasks backwardTasks(int count) {
        if (tasks == null || tasksCount != count) {
            int[] blocks = new int[layers];
            for (int l = 1; l < layers; l++) blocks[l] = parts(count, sizes[l], sizes[l + 1]);
            tasks = new BackwardTasks(blocks);
            tasksCount = count;
        }
        return tasks;
    }

    /**
     * Block p of parts of D_l: columns of δ_{l−1} = δ_l·W_lᵀ (blocks of W_l's rows), then times f'(a_{l−1}) in the
     * same columns.
     */
    private void deltaBelow(int l, int count, int p, int parts) {
        int nIn = sizes[l], ldb = stride[l];
        int c0 = blockStart(nIn, parts, p), c1 = blockStart(nIn, parts, p + 1);
        if (c1 > c0) deltaProduct(l, count, c0, c1);
        K.timesSlope(
                hidden, deltaBytes[slot(l - 1)], actBytes[l - 1], ldb, nIn, count, c0, blockEnd(nIn, ldb, parts, p));
    }

    /** Columns {@code [c0, c1)} of δ_{l−1} = δ_l·W_lᵀ (rows c0 .. c1 of W_l), before the slope. */
    private void deltaProduct(int l, int count, int c0, int c1) {
        int nOut = sizes[l + 1];
        Blas.gemm(
                false,
                true,
                count,
                c1 - c0,
                nOut,
                1f,
                delta[slot(l)],
                0,
                stride[l + 1],
                w[l],
                (long) c0 * nOut,
                nOut,
                0f,
                delta[slot(l - 1)],
                c0,
                stride[l]);
    }

    /**
     * U_l: W_l ← decay·W_l − (η/m)·A_{l−1}ᵀ·δ_l and b_l ← b_l − (η/m)·Σ δ_l; and, if {@code meterHere}, δ_l's mean
     * |δ| (on one thread the slope's pass sums it; the output layer's is measured with its error).
     */
    private void update(int l, int count, float minusScale, boolean meterHere) {
        int nIn = sizes[l], nOut = sizes[l + 1], ldd = stride[l + 1];
        FloatPointer in = l == 0 ? x : act[l - 1];
        int lda = l == 0 ? sizes[0] : stride[l];
        Blas.gemm(true, false, nIn, nOut, count, minusScale, in, 0, lda, delta[slot(l)], 0, ldd, decay, w[l], 0, nOut);
        ByteBuffer d = deltaBytes[slot(l)];
        K.addColumnSums(minusScale, d, ldd, count, b[l], 0, ldd);
        if (meterHere && l < layers - 1) {
            double[] sums = rowAbs[slot(l)];
            K.absRowSums(d, ldd, count, sums);
            meter(l, sums, count);
        }
    }

    /** Layer l's Σ over the batch of each example's mean |δ|, from its rows' sums. */
    private void meter(int l, double[] rowSums, int count) {
        double abs = 0;
        for (int e = 0; e < count; e++) abs += rowSums[e] / sizes[l + 1];
        deltaMeter.add(l, abs);
    }

    @Override
    public double[] takeMeanAbsDelta() {
        return deltaMeter.take();
    }

    @Override
    public Mlp network() {
        if (!synced) {
            for (int l = 0; l < layers; l++) {
                w[l].get(net.weights(l));
                System.arraycopy(b[l], 0, net.biases(l), 0, sizes[l + 1]);
            }
            synced = true;
        }
        return net;
    }

    /** The element-wise kernels in use: "vector-512" or "scalar". */
    public static String kernelName() {
        return K.name();
    }

    @Override
    public String toString() {
        return "DenseSgdStep[" + K.name() + ", " + Arrays.toString(sizes) + "]";
    }
}
