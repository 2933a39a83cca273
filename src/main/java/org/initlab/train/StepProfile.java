package org.initlab.train;

import java.util.Arrays;

/**
 * Where the Java step's time goes, phase by phase ({@code bench --profile}). A step only reads the clock
 * when it has a profile, seven times a mini-batch; training runs without one.
 */
public final class StepProfile {
    /** The step's phases, in the order it runs them. */
    public enum Phase {
        /** The mini-batch's pixel lists unpacked from main memory ({@link BatchPixels}). */
        GATHER,
        /** z of the first hidden layer: the sparse sum over the non-zero pixels. */
        FIRST_LAYER,
        /** Activations and the layers after the first. */
        FORWARD_REST,
        /** The output error and backpropagation. */
        BACKWARD,
        /** Mean |δ|, biases, and every weight matrix but the first. */
        UPDATE_REST,
        /** The first weight matrix, row by row over the non-zero pixels. */
        UPDATE_FIRST
    }

    private final long[] nanos = new long[Phase.values().length];
    private long batches;

    void add(Phase phase, long ns) {
        nanos[phase.ordinal()] += ns;
    }

    void countBatch() {
        batches++;
    }

    public double seconds(Phase phase) {
        return nanos[phase.ordinal()] / 1e9;
    }

    public double totalSeconds() {
        return Arrays.stream(nanos).sum() / 1e9;
    }

    public long batches() {
        return batches;
    }

    public void reset() {
        Arrays.fill(nanos, 0);
        batches = 0;
    }
}
