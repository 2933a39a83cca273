package org.initlab.ui;

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
        List<Event> events = new ArrayList<>();
        for (Event e; (e = queue.poll()) != null; ) events.add(e);
        return events;
    }

    public void clear() {
        queue.clear();
    }
}
