package org.initlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import org.initlab.train.EpochResult;
import org.initlab.train.NetworkStats;
import org.initlab.train.ProbePoint;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.StepPoint;

/** What a run reports to the window, in the order it happened. A saved run is replayed as the same events. */
public sealed interface TrainingEvent {
    /** A run begins: its hidden layers' z over the probe images at initialization. */
    record Started(RunKey run, List<float[]> hiddenZ, NetworkStats initial) implements TrainingEvent {
        public Started(RunKey run, List<float[]> hiddenZ) {
            this(run, hiddenZ, NetworkStats.EMPTY);
        }
    }

    /** An accuracy point on the probe sample within an epoch. */
    record Probed(ProbePoint point) implements TrainingEvent {}

    record EpochEnded(EpochResult result) implements TrainingEvent {}

    /** The run's accuracy after a chosen step ({@code evalSteps}). */
    record Stepped(StepPoint point) implements TrainingEvent {}

    /** The run completed, was cancelled, diverged or failed. */
    record Ended(RunResult result) implements TrainingEvent {}

    /** Whether the event carries a snapshot (a chart point, a saturation point, table cells): see {@link EventMailbox#drain(int)}. */
    default boolean isSnapshot() {
        return this instanceof Started || this instanceof EpochEnded;
    }

    /** A finished run as the events a live run would have sent: its probe points, epochs and end (a saved run keeps no raw z). */
    static List<TrainingEvent> replay(List<RunResult> results) {
        List<TrainingEvent> events = new ArrayList<>();
        for (RunResult r : results) {
            events.add(new Started(r.run(), List.of(), r.initial()));
            int p = 0;
            for (EpochResult e : r.epochs()) {
                while (p < r.probes().size() && r.probes().get(p).epochPosition() < e.epoch() + 1)
                    events.add(new Probed(r.probes().get(p++)));
                events.add(new EpochEnded(e));
            }
            for (StepPoint s : r.steps()) events.add(new Stepped(s));
            events.add(new Ended(r));
        }
        return events;
    }
}
