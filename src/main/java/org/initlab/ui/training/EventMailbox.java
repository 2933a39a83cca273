package org.initlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.initlab.train.EpochResult;
import org.initlab.train.NetworkStats;
import org.initlab.train.ProbePoint;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.StepPoint;
import org.initlab.train.TrainingListener;

/**
 * Hands training events from the training threads to the FX thread without flooding it: training threads
 * only enqueue (never touch the scene); the FX side drains everything once per pulse (an
 * {@code AnimationTimer}), so a burst of events costs one layout, not one {@code runLater} each.
 */
public final class EventMailbox implements TrainingListener {

    private final ConcurrentLinkedQueue<TrainingEvent> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void runStarted(RunKey run, List<float[]> hiddenZ) {
        queue.add(new TrainingEvent.Started(run, hiddenZ));
    }

    @Override
    public void runStarted(RunKey run, List<float[]> hiddenZ, NetworkStats initial) {
        queue.add(new TrainingEvent.Started(run, hiddenZ, initial));
    }

    @Override
    public void probe(ProbePoint point) {
        queue.add(new TrainingEvent.Probed(point));
    }

    @Override
    public void stepEvaluated(StepPoint point) {
        queue.add(new TrainingEvent.Stepped(point));
    }

    @Override
    public void epochEnded(EpochResult result) {
        queue.add(new TrainingEvent.EpochEnded(result));
    }

    @Override
    public void runEnded(RunResult result) {
        queue.add(new TrainingEvent.Ended(result));
    }

    /** Everything that arrived since the last drain, in arrival order. */
    public List<TrainingEvent> drain() {
        return drain(Integer.MAX_VALUE);
    }

    /**
     * What arrived, in order, up to and including the {@code snapshots}-th event that carries a snapshot (a
     * run's start or an epoch's end: a chart point, a saturation point, table cells); the rest stay queued.
     * When both runs end an epoch at once, the pulse handles one and the next pulse the other, so no pulse
     * does twice the work (epoch-end code runs rarely, so mostly interpreted, and costs 10–25 ms).
     */
    public List<TrainingEvent> drain(int snapshots) {
        List<TrainingEvent> events = new ArrayList<>();
        int taken = 0;
        for (TrainingEvent e; taken < snapshots && (e = queue.poll()) != null; ) {
            events.add(e);
            if (e.isSnapshot()) taken++;
        }
        return events;
    }

    public void clear() {
        queue.clear();
    }
}
