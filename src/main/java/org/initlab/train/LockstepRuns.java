package org.initlab.train;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.format.Numbers;
import org.initlab.math.Seeds;

/**
 * Several runs trained in lockstep on one thread ({@link LockstepGroup}): runs that draw the same
 * mini-batches (the same seed, batch size, epochs and epoch mode) and share the first hidden layer's
 * width. Each run's result is the one {@link TrainingRun#run} gives it alone, epoch for epoch and bit for
 * bit (accuracy, cost, mean |δ|, statistics, divergence and its message); only the timings differ: a
 * member's {@code trainSeconds} is the group's step time divided by the members still training. A
 * diverged member keeps stepping with the group (its numbers are no longer looked at; the networks are
 * independent) so the others' arithmetic is untouched. No within-epoch probes: the sweep has none.
 */
public final class LockstepRuns {
    private LockstepRuns() {}

    /** Whether these runs can train as one group: same batches, same first-layer width, the Java engine's row kernels, no probes. */
    public static boolean compatible(List<RunKey> keys, List<NetworkSpec> specs, List<TrainingConfig> configs) {
        RunKey k0 = keys.get(0);
        TrainingConfig c0 = configs.get(0);
        for (int i = 0; i < keys.size(); i++) {
            TrainingConfig c = configs.get(i);
            if (keys.get(i).seed() != k0.seed() || c.engine() != Engine.JAVA || c.probesPerEpoch() != 0 || c.batchSize() != c0.batchSize()
                    || c.epochs() != c0.epochs() || c.epochMode() != c0.epochMode() || c.batchesPerEpoch() != c0.batchesPerEpoch()
                    || specs.get(i).size(1) != specs.get(0).size(1) || specs.get(i).size(0) != specs.get(0).size(0)
                    || Engine.dense(specs.get(i), c.batchSize())) return false; // the dense engine's networks train alone
        }
        return true;
    }

    public static List<RunResult> run(List<RunKey> keys, List<NetworkSpec> specs, List<TrainingConfig> configs, TrainingSet data, RunControl control) {
        if (!compatible(keys, specs, configs)) throw new IllegalArgumentException("these runs do not share their mini-batches");
        int g = keys.size();
        long start = System.nanoTime();
        TrainingConfig c0 = configs.get(0);
        List<Mlp> nets = new ArrayList<>();
        for (int m = 0; m < g; m++) nets.add(TrainingRun.initialNetwork(specs.get(m), keys.get(m), data));
        Evaluation[] eval = new Evaluation[g];
        NetworkStats[] initial = new NetworkStats[g];
        for (int m = 0; m < g; m++) {
            eval[m] = Evaluation.of(data, configs.get(m));
            List<float[]> startZ = new ArrayList<>();
            Gradients startGradients = eval[m].probe().measure(nets.get(m), startZ).gradients();
            initial[m] = NetworkStats.of(nets.get(m), startZ, startGradients);
        }
        LockstepGroup group = new LockstepGroup(nets, data, configs);
        BatchSampler sampler = new BatchSampler(data.first(), data.count(), c0.batchSize(), Seeds.rng(keys.get(0).seed(), Seeds.BATCHES));
        int[] batch = new int[c0.batchSize()];
        RunResult[] out = new RunResult[g];
        List<List<EpochResult>> epochs = new ArrayList<>();
        for (int m = 0; m < g; m++) epochs.add(new ArrayList<>());
        double[] initialCost = new double[g];
        java.util.Arrays.fill(initialCost, Double.NaN);
        int active = g;
        for (int epoch = 0; epoch < c0.epochs() && active > 0; epoch++) {
            boolean pass = c0.epochMode() == EpochMode.PASS;
            if (pass) sampler.startPass();
            int batches = pass ? sampler.batchesPerPass() : c0.batchesPerEpoch();
            double[] epochCost = new double[g];
            long[] epochExamples = new long[g];
            double[] stepSeconds = new double[g];
            for (int i = 0; i < batches && active > 0; i++) {
                if (!control.checkpoint()) {
                    for (int m = 0; m < g; m++) {
                        if (out[m] == null) out[m] = end(keys.get(m), RunStatus.CANCELLED, epochs.get(m), "cancelled in epoch " + epoch, start, data, initial[m]);
                    }
                    return List.of(out);
                }
                int n = pass ? sampler.nextInPass(batch) : sampler.next(batch);
                long t0 = System.nanoTime();
                double[] cost = group.step(batch, n);
                double share = (System.nanoTime() - t0) / 1e9 / active;
                for (int m = 0; m < g; m++) {
                    if (out[m] != null) continue;
                    stepSeconds[m] += share;
                    if (!Double.isFinite(cost[m])) {
                        out[m] = diverged(keys.get(m), configs.get(m), epoch, epochs.get(m), start, data, initial[m], "the cost became NaN or infinite");
                        active--;
                        continue;
                    }
                    if (Double.isNaN(initialCost[m])) initialCost[m] = cost[m] / n;
                    epochCost[m] += cost[m];
                    epochExamples[m] += n;
                }
            }
            for (int m = 0; m < g; m++) {
                if (out[m] != null) continue;
                Mlp current = group.network(m);
                String why = TrainingRun.divergence(current, epochCost[m] / epochExamples[m], initialCost[m]);
                if (why != null) {
                    out[m] = diverged(keys.get(m), configs.get(m), epoch, epochs.get(m), start, data, initial[m], why);
                    active--;
                    continue;
                }
                long e0 = System.nanoTime();
                int correct = eval[m].full().correct(current);
                double evalMillis = (System.nanoTime() - e0) / 1e6;
                List<float[]> hiddenZ = new ArrayList<>();
                Gradients gradients = eval[m].probe().measure(current, hiddenZ).gradients();
                double[] meanAbsDelta = group.takeMeanAbsDelta(m);
                EpochResult result = new EpochResult(keys.get(m), epoch, correct, eval[m].full().size(), epochCost[m] / epochExamples[m], stepSeconds[m], evalMillis,
                        hiddenZ, meanAbsDelta, NetworkStats.of(current, hiddenZ, gradients));
                epochs.get(m).add(result);
                if (TrainingRun.stalled(meanAbsDelta)) {
                    out[m] = diverged(keys.get(m), configs.get(m), epoch, epochs.get(m), start, data, initial[m],
                            "every neuron saturated and the gradient is 0, so learning stopped");
                    active--;
                }
            }
        }
        for (int m = 0; m < g; m++) if (out[m] == null) out[m] = end(keys.get(m), RunStatus.COMPLETED, epochs.get(m), "", start, data, initial[m]);
        return List.of(out);
    }

    private static RunResult diverged(RunKey key, TrainingConfig config, int epoch, List<EpochResult> epochs, long start, TrainingSet data, NetworkStats initial, String why) {
        return end(key, RunStatus.DIVERGED, epochs, "diverged in epoch " + epoch + ": " + why + " (η = " + Numbers.whole(config.eta()) + " is probably too large)",
                start, data, initial);
    }

    private static RunResult end(RunKey key, RunStatus status, List<EpochResult> epochs, String message, long start, TrainingSet data, NetworkStats initial) {
        return new RunResult(key, status, epochs, message, (System.nanoTime() - start) / 1e9, data.range(), initial, List.of());
    }
}
