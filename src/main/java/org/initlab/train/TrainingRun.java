package org.initlab.train;

import java.util.List;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.LsuvInit;
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
        return key.scheme()
                .initialize(spec, Seeds.rng(key.seed(), Seeds.init(key.scheme().id())));
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
            for (int r = 0; r < rows.length; r++)
                for (int p = 0; p < d; p++) batch[r * d + p] = data.images().pixel(rows[r], p);
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
        java.util.SplittableRandom rng =
                Seeds.rng(key.seed(), Seeds.lsuv(key.scheme().id()));
        int n = Math.min(LsuvInit.BATCH, trainCount);
        java.util.LinkedHashSet<Integer> picked = new java.util.LinkedHashSet<>();
        while (picked.size() < n) picked.add(rng.nextInt(trainCount));
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Trains the run alone: {@link TrainingLoop} with a group of one, on the configured engine. */
    public RunResult run(TrainingListener listener, RunControl control) {
        return TrainingLoop.run(
                        List.of(key), List.of(spec), List.of(config), List.of(evaluation), data, listener, control)
                .get(0);
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
        if (max > EXPLODED_WEIGHT)
            return String.format(java.util.Locale.ROOT, "weights exploded (largest |w| = %.3g)", max);
        if (meanCost > COST_RISE * initialCost) {
            return String.format(
                    java.util.Locale.ROOT, "the cost rose from %.3g to %.3g per example", initialCost, meanCost);
        }
        return null;
    }
}
