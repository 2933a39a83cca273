package org.initlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.initlab.train.EpochResult;
import org.initlab.train.ProbePoint;
import org.initlab.train.RunResult;
import org.initlab.train.TrainingListener;
import org.initlab.train.RunKey;

/**
 * Hands training events from the training threads to the FX thread without flooding it: training threads
 * only enqueue (never touch the scene); the FX side drains everything once per pulse (an
 * {@code AnimationTimer}), so a burst of events costs one layout, not one {@code runLater} each.
 */
public final class EventMailbox implements TrainingListener {
    /** One event as it arrived; exactly one of the fields is set. */
    public record Event(RunKey started, List<float[]> startZ, ProbePoint probe, EpochResult epoch, RunResult ended) {}

    private final ConcurrentLinkedQueue<Event> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void runStarted(RunKey run, List<float[]> hiddenZ) {
        queue.add(new Event(run, hiddenZ, null, null, null));
    }

    @Override
    public void probe(ProbePoint point) {
        queue.add(new Event(null, null, point, null, null));
    }

    @Override
    public void epochEnded(EpochResult result) {
        queue.add(new Event(null, null, null, result, null));
    }

    @Override
    public void runEnded(RunResult result) {
        queue.add(new Event(null, null, null, null, result));
    }

    /** Everything that arrived since the last drain, in arrival order. */
    public List<Event> drain() {
        return drain(Integer.MAX_VALUE);
    }

    /**
     * What arrived, in order, up to and including the {@code snapshots}-th event that carries a snapshot (a
     * run's start or an epoch's end: a chart point, a saturation point, table cells); the rest stay queued.
     * When both runs end an epoch at once, the pulse handles one and the next pulse the other, so no pulse
     * does twice the work (epoch-end code runs rarely, so mostly interpreted, and costs 10–25 ms).
     */
    public List<Event> drain(int snapshots) {
        List<Event> events = new ArrayList<>();
        int taken = 0;
        for (Event e; taken < snapshots && (e = queue.poll()) != null; ) {
            events.add(e);
            if (e.started() != null || e.epoch() != null) taken++;
        }
        return events;
    }

    public void clear() {
        queue.clear();
    }
}
