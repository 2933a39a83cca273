package org.initlab.train;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.NetworkSpec;

/**
 * Several runs trained in lockstep on one thread ({@link LockstepGroup}) by the one training loop
 * ({@link TrainingLoop}, which also trains a run alone): runs that draw the same mini-batches (the same
 * seed, batch size, epochs and epoch mode) and share the first hidden layer's width. Each run's result and
 * events are the ones {@link TrainingRun#run} gives it alone, bit for bit (accuracy, cost, mean |δ|,
 * statistics, probe points, divergence and its message); only the timings differ.
 */
public final class LockstepRuns {
    private LockstepRuns() {}

    /** Whether these runs can train as one group: same batches, same first-layer width, the Java engine's row kernels. */
    public static boolean compatible(List<RunKey> keys, List<NetworkSpec> specs, List<TrainingConfig> configs) {
        RunKey k0 = keys.get(0);
        TrainingConfig c0 = configs.get(0);
        for (int i = 0; i < keys.size(); i++) {
            TrainingConfig c = configs.get(i);
            if (keys.get(i).seed() != k0.seed()
                    || c.engine() != Engine.JAVA
                    || c.batchSize() != c0.batchSize()
                    || c.epochs() != c0.epochs()
                    || c.epochMode() != c0.epochMode()
                    || c.batchesPerEpoch() != c0.batchesPerEpoch()
                    || specs.get(i).size(1) != specs.get(0).size(1)
                    || specs.get(i).size(0) != specs.get(0).size(0)
                    || Engine.dense(specs.get(i), c.batchSize()))
                return false; // the dense engine's networks train alone
        }
        return true;
    }

    /** Trains the runs as one group ({@link TrainingLoop}), each reporting to {@code listener}; results in the order of {@code keys}. */
    public static List<RunResult> run(
            List<RunKey> keys,
            List<NetworkSpec> specs,
            List<TrainingConfig> configs,
            TrainingSet data,
            TrainingListener listener,
            RunControl control) {
        if (!compatible(keys, specs, configs))
            throw new IllegalArgumentException("these runs do not share their mini-batches");
        List<Evaluation> evaluations = new ArrayList<>();
        for (TrainingConfig c : configs) evaluations.add(Evaluation.of(data, c));
        return TrainingLoop.run(keys, specs, configs, evaluations, data, listener, control);
    }

    /** As {@link #run(List, List, List, TrainingSet, TrainingListener, RunControl)} without a listener. */
    public static List<RunResult> run(
            List<RunKey> keys,
            List<NetworkSpec> specs,
            List<TrainingConfig> configs,
            TrainingSet data,
            RunControl control) {
        return run(keys, specs, configs, data, TrainingListener.NONE, control);
    }
}
