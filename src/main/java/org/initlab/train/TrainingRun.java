package org.initlab.train;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.LsuvInit;
import org.initlab.format.Numbers;
import org.initlab.math.Seeds;

/**
 * One run: a scheme and a seed, trained epoch by epoch with the configured engine, reporting probe points
 * and epoch results to a listener. Stops within one mini-batch when cancelled, and marks itself
 * {@link RunStatus#DIVERGED} when its cost or parameters stop being finite numbers.
 */
public final class TrainingRun {
    private final RunKey key;
    private final NetworkSpec spec;
    private final TrainingConfig config;
    private final TrainingSet data;
    private final Evaluation evaluation;
    /** Filled while the run trains (one run per thread): what its {@link RunResult} keeps besides the epochs. */
    private final List<ProbePoint> probes = new ArrayList<>();
    private NetworkStats initial = NetworkStats.EMPTY;

    /**
     * Probe points of the first this-many epochs also measure the probe's {@link Gradients} (one backward pass
     * over the probe images each, ~2 ms); later probe points measure accuracy only. Epoch ends always measure them.
     */
    public static final int GRADIENT_PROBE_EPOCHS = 1;

    public TrainingRun(RunKey key, NetworkSpec spec, TrainingConfig config, TrainingSet data, Evaluation evaluation) {
        this.key = key;
        this.spec = spec;
        this.config = config;
        this.data = data;
        this.evaluation = evaluation;
    }

    /** The network this run starts from: its scheme drawn from its own stream of the master seed. */
    public static Mlp initialNetwork(NetworkSpec spec, RunKey key) {
        return key.scheme().initialize(spec, Seeds.rng(key.seed(), Seeds.init(key.scheme().id())));
    }

    /**
     * The network this run starts from on its training data: {@link #initialNetwork(NetworkSpec, RunKey)},
     * then, for a data-dependent scheme (LSUV), scaled on the batch {@link #lsuvBatch} picks from the run's seed.
     */
    public static Mlp initialNetwork(NetworkSpec spec, RunKey key, TrainingSet data) {
        Mlp net = initialNetwork(spec, key);
        if (key.scheme().weights() instanceof LsuvInit) {
            int[] rows = lsuvBatch(key, data.count());
            int d = data.inputs();
            float[] batch = new float[rows.length * d];
            for (int r = 0; r < rows.length; r++) for (int p = 0; p < d; p++) batch[r * d + p] = data.images().pixel(rows[r], p);
            LsuvInit.scale(net, batch, rows.length);
        }
        return net;
    }

    /**
     * The training images LSUV scales a run's network on: {@link LsuvInit#BATCH} distinct indices below
     * {@code trainCount}, drawn from the run's own stream {@code lsuv/<scheme id>} of its master seed (so the
     * saved run can name them and a reader can redo them).
     */
    public static int[] lsuvBatch(RunKey key, int trainCount) {
        java.util.SplittableRandom rng = Seeds.rng(key.seed(), Seeds.lsuv(key.scheme().id()));
        int n = Math.min(LsuvInit.BATCH, trainCount);
        java.util.LinkedHashSet<Integer> picked = new java.util.LinkedHashSet<>();
        while (picked.size() < n) picked.add(rng.nextInt(trainCount));
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    public RunResult run(TrainingListener listener, RunControl control) {
        long start = System.nanoTime();
        probes.clear();
        initial = NetworkStats.EMPTY;
        List<EpochResult> epochs = new ArrayList<>();
        Mlp net = initialNetwork(spec, key, data);
        SgdStep step = config.engine().create(net, data, config);
        BatchSampler sampler = new BatchSampler(data.first(), data.count(), config.batchSize(), Seeds.rng(key.seed(), Seeds.BATCHES));
        int[] batch = new int[config.batchSize()];
        List<float[]> startZ = new ArrayList<>();
        Gradients startGradients = evaluation.probe().measure(net, startZ).gradients();
        initial = NetworkStats.of(net, startZ, startGradients);
        listener.runStarted(key, startZ, initial);
        long examples = 0;
        double initialCost = Double.NaN;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            boolean pass = config.epochMode() == EpochMode.PASS;
            if (pass) sampler.startPass();
            int batches = pass ? sampler.batchesPerPass() : config.batchesPerEpoch();
            int probeEvery = config.probesPerEpoch() == 0 ? Integer.MAX_VALUE : Math.max(1, batches / config.probesPerEpoch());
            double epochCost = 0, windowCost = 0;
            long epochExamples = 0, windowExamples = 0, stepNanos = 0;
            for (int i = 0; i < batches; i++) {
                if (!control.checkpoint()) return end(RunStatus.CANCELLED, epochs, "cancelled in epoch " + epoch, start, listener);
                int n = pass ? sampler.nextInPass(batch) : sampler.next(batch);
                long t0 = System.nanoTime();
                double cost = step.step(batch, n);
                stepNanos += System.nanoTime() - t0;
                if (!Double.isFinite(cost)) return diverged(epoch, epochs, start, listener, "the cost became NaN or infinite");
                if (Double.isNaN(initialCost)) initialCost = cost / n;
                epochCost += cost;
                windowCost += cost;
                epochExamples += n;
                windowExamples += n;
                examples += n;
                if ((i + 1) % probeEvery == 0 && i + 1 < batches) {
                    Mlp current = step.network();
                    String why = divergence(current, windowCost / windowExamples, initialCost);
                    if (why != null) return diverged(epoch, epochs, start, listener, why);
                    int correct;
                    Gradients gradients = Gradients.EMPTY;
                    if (epoch < GRADIENT_PROBE_EPOCHS) {
                        Nd4jEvaluator.Measured m = evaluation.probe().measure(current, null);
                        correct = m.correct();
                        gradients = m.gradients();
                    } else {
                        correct = evaluation.probe().correct(current);
                    }
                    ProbePoint point = new ProbePoint(key, epoch + (i + 1) / (double) batches, examples, windowCost / windowExamples,
                            correct, evaluation.probe().size(), gradients);
                    probes.add(point);
                    listener.probe(point);
                    windowCost = 0;
                    windowExamples = 0;
                }
            }
            Mlp current = step.network();
            String why = divergence(current, epochCost / epochExamples, initialCost);
            if (why != null) return diverged(epoch, epochs, start, listener, why);
            long e0 = System.nanoTime();
            int correct = evaluation.full().correct(current);
            double evalMillis = (System.nanoTime() - e0) / 1e6;
            List<float[]> hiddenZ = new ArrayList<>();
            Gradients gradients = evaluation.probe().measure(current, hiddenZ).gradients();
            double[] meanAbsDelta = step.takeMeanAbsDelta();
            EpochResult result = new EpochResult(key, epoch, correct, evaluation.full().size(), epochCost / epochExamples,
                    stepNanos / 1e9, evalMillis, hiddenZ, meanAbsDelta, NetworkStats.of(current, hiddenZ, gradients));
            if (stalled(meanAbsDelta)) {
                epochs.add(result);
                listener.epochEnded(result);
                return diverged(epoch, epochs, start, listener, "every neuron saturated and the gradient is 0, so learning stopped");
            }
            epochs.add(result);
            listener.epochEnded(result);
        }
        return end(RunStatus.COMPLETED, epochs, "", start, listener);
    }

    /** Weights beyond this are taken as exploded: no MNIST network that learns gets near it. */
    static final double EXPLODED_WEIGHT = 1e6;
    /** A mean cost this many times the first mini-batch's means training is running away, not learning. */
    static final double COST_RISE = 2.0;

    /** A whole epoch in which no layer got any learning signal: every unit saturated (σ' = 0 in float). */
    static boolean stalled(double[] meanAbsDelta) {
        // Learning networks have mean |δ| of 1e-4 to 1e-1 at the output; 1e-6 in every layer means nothing moves.
        for (double d : meanAbsDelta) if (!(d < 1e-6)) return false;
        return true;
    }

    /** Why the run has diverged, or null while it has not. */
    static String divergence(Mlp net, double meanCost, double initialCost) {
        double max = net.maxAbsParameter();
        if (!Double.isFinite(max)) return "weights became NaN or infinite";
        if (max > EXPLODED_WEIGHT) return String.format(java.util.Locale.ROOT, "weights exploded (largest |w| = %.3g)", max);
        if (meanCost > COST_RISE * initialCost) {
            return String.format(java.util.Locale.ROOT, "the cost rose from %.3g to %.3g per example", initialCost, meanCost);
        }
        return null;
    }

    private RunResult diverged(int epoch, List<EpochResult> epochs, long start, TrainingListener listener, String why) {
        return end(RunStatus.DIVERGED, epochs, "diverged in epoch " + epoch + ": " + why + " (η = " + Numbers.whole(config.eta()) + " is probably too large)",
                start, listener);
    }

    private RunResult end(RunStatus status, List<EpochResult> epochs, String message, long start, TrainingListener listener) {
        RunResult result = new RunResult(key, status, epochs, message, (System.nanoTime() - start) / 1e9, data.range(), initial, probes);
        listener.runEnded(result);
        return result;
    }
}
