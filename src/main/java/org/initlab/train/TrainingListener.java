package org.initlab.train;

import java.util.List;

/**
 * Progress of training as a stream of events. Called from the training threads, several runs at once:
 * implementations must be thread-safe and quick (hand the value off; never block).
 */
public interface TrainingListener {
    /** Before the first step; {@code hiddenZ} is each hidden layer's z over the probe sample at initialization. */
    default void runStarted(RunKey run, List<float[]> hiddenZ) {}

    /**
     * Before the first step, with the network's statistics at initialization (probe gradients, z histograms,
     * saturated share, hidden weight-row spread). The run calls this one; by default it passes on to
     * {@link #runStarted(RunKey, List)}.
     */
    default void runStarted(RunKey run, List<float[]> hiddenZ, NetworkStats initial) {
        runStarted(run, hiddenZ);
    }

    default void probe(ProbePoint point) {}

    /** After a chosen step ({@link TrainingConfig#evalSteps()}). */
    default void stepEvaluated(StepPoint point) {}

    default void epochEnded(EpochResult result) {}

    default void runEnded(RunResult result) {}

    TrainingListener NONE = new TrainingListener() {};
}
