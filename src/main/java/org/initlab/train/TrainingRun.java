package org.initlab.train;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;

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

    public TrainingRun(RunKey key, NetworkSpec spec, TrainingConfig config, TrainingSet data, Evaluation evaluation) {
        this.key = key;
        this.spec = spec;
        this.config = config;
        this.data = data;
        this.evaluation = evaluation;
    }

    /** The network this run starts from: its scheme drawn from its own stream of the master seed. */
    public static Mlp initialNetwork(NetworkSpec spec, RunKey key) {
        return Mlp.initialized(spec, key.scheme(), Seeds.rng(key.seed(), Seeds.init(key.scheme().id())));
    }

    public RunResult run(TrainingListener listener, RunControl control) {
        long start = System.nanoTime();
        List<EpochResult> epochs = new ArrayList<>();
        Mlp net = initialNetwork(spec, key);
        SgdStep step = config.engine().create(net, data, config);
        BatchSampler sampler = new BatchSampler(data.count(), config.batchSize(), Seeds.rng(key.seed(), Seeds.BATCHES));
        int[] batch = new int[config.batchSize()];
        listener.runStarted(key, evaluation.probe().hiddenWeightedInputs(net));
        long examples = 0;
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
                if (!Double.isFinite(cost)) return diverged(epoch, epochs, start, listener);
                epochCost += cost;
                windowCost += cost;
                epochExamples += n;
                windowExamples += n;
                examples += n;
                if ((i + 1) % probeEvery == 0 && i + 1 < batches) {
                    Mlp current = step.network();
                    if (!current.isFinite()) return diverged(epoch, epochs, start, listener);
                    int correct = evaluation.probe().correct(current);
                    listener.probe(new ProbePoint(key, epoch + (i + 1) / (double) batches, examples, windowCost / windowExamples,
                            correct, evaluation.probe().size()));
                    windowCost = 0;
                    windowExamples = 0;
                }
            }
            Mlp current = step.network();
            if (!current.isFinite()) return diverged(epoch, epochs, start, listener);
            long e0 = System.nanoTime();
            int correct = evaluation.full().correct(current);
            double evalMillis = (System.nanoTime() - e0) / 1e6;
            List<float[]> hiddenZ = evaluation.probe().hiddenWeightedInputs(current);
            EpochResult result = new EpochResult(key, epoch, correct, evaluation.full().size(), epochCost / epochExamples,
                    stepNanos / 1e9, evalMillis, hiddenZ, step.takeMeanAbsDelta());
            epochs.add(result);
            listener.epochEnded(result);
        }
        return end(RunStatus.COMPLETED, epochs, "", start, listener);
    }

    private RunResult diverged(int epoch, List<EpochResult> epochs, long start, TrainingListener listener) {
        return end(RunStatus.DIVERGED, epochs, "diverged in epoch " + epoch + ": cost or weights became NaN or infinite (η = "
                + config.eta() + " may be too large)", start, listener);
    }

    private RunResult end(RunStatus status, List<EpochResult> epochs, String message, long start, TrainingListener listener) {
        RunResult result = new RunResult(key, status, epochs, message, (System.nanoTime() - start) / 1e9);
        listener.runEnded(result);
        return result;
    }
}
