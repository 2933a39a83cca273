package org.initlab.train;

import org.initlab.core.Mlp;

/** One plain SGD step on a mini-batch: w ← (1 − ηλ/n)·w − (η/m)·Σ∇C_x, b ← b − (η/m)·Σ∇C_x. */
public interface SgdStep {
    /**
     * Trains on the examples {@code batch[0..count)} and returns the sum of their costs, computed with the
     * parameters before the step.
     */
    double step(int[] batch, int count);

    /**
     * Mean |δ| = mean |∂C/∂z| per layer (input side first) over the examples since the last call, then
     * reset: the speed at which each layer learns, whose decay with depth is the vanishing gradient.
     */
    double[] takeMeanAbsDelta();

    /** The current parameters (copied back into the arrays of the network the step was made with). */
    Mlp network();
}
