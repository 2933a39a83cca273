package org.initlab.ui.sweep;

import org.initlab.sweep.DepthScaleCurve;
import org.initlab.sweep.SweepPlan;
import org.initlab.sweep.SweepResult;
import org.initlab.sweep.SweepRunner;
import org.initlab.train.RunResult;

/**
 * What a sweep's background work hands the FX thread, in order; {@link SweepViewModel#applyPending()} takes
 * them in once per pulse. Each sweep's events carry its plan, so a late event of an earlier sweep is dropped.
 */
sealed interface SweepEvent {
    SweepPlan plan();

    /** A run finished: its row's result and its epochs for the Training tab (null when it has none). */
    record RunIn(SweepPlan plan, SweepResult result, RunResult run) implements SweepEvent {}

    /** A run failed; the sweep goes on. */
    record RunFailed(SweepPlan plan, String message) implements SweepEvent {}

    /** The sweep ended, complete or cancelled. */
    record Finished(SweepPlan plan, SweepRunner.Outcome outcome) implements SweepEvent {}

    /** The sweep itself stopped on an error (the runs in so far stay). */
    record Failed(SweepPlan plan, String message) implements SweepEvent {}

    /** The theory's 6 ξ_c curve for the sweep's map, and 6 ξ_c per cell (for the agreement). */
    record TheoryComputed(SweepPlan plan, DepthScaleCurve.Curve curve, double[] trainableDepths)
            implements SweepEvent {}

    /** The theory's curve could not be computed; the sweep goes on without it. */
    record TheoryFailed(SweepPlan plan, String message) implements SweepEvent {}
}
