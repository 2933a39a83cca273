package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.junit.jupiter.api.Test;

/**
 * The one training loop drives a group as it drives a run alone: each member of a lockstep group sends the
 * events, probe points included, that it sends trained alone, with the same numbers bit for bit.
 */
class LockstepEventsTest {
    @Test
    void aGroupsMembersSendTheEventsTheySendAlone() {
        TrainingSet data = TrainingSet.of(TrainingRunEventsTest.DATA, EvalSplit.TEST);
        List<RunKey> keys = new ArrayList<>();
        List<NetworkSpec> specs = new ArrayList<>();
        List<TrainingConfig> configs = new ArrayList<>();
        String[] schemes = {"lecun", "standard", "xavier"};
        for (int i = 0; i < schemes.length; i++) {
            keys.add(new RunKey(i, InitScheme.of(InitCatalog.byId(schemes[i])), 6));
            specs.add(TrainingRunEventsTest.SPEC);
            // The second member's η makes its cost run away: it diverges while the others go on.
            configs.add(new TrainingConfig(
                    i == 1 ? 500 : 0.5, 4, 10, 3, 0, EpochMode.BATCHES, EvalSplit.TEST, 3, 7, Engine.JAVA));
        }
        TrainingRunEventsTest.Recorder together = new TrainingRunEventsTest.Recorder();
        List<RunResult> group = LockstepRuns.run(keys, specs, configs, data, together, new RunControl());
        int probes = 0;
        for (int i = 0; i < keys.size(); i++) {
            TrainingRunEventsTest.Recorder alone = new TrainingRunEventsTest.Recorder();
            RunResult a = new TrainingRun(
                            keys.get(i), specs.get(i), configs.get(i), data, Evaluation.of(data, configs.get(i)))
                    .run(alone, new RunControl());
            RunResult g = group.get(i);
            assertEquals(a.status(), g.status(), schemes[i]);
            assertEquals(a.message(), g.message(), schemes[i]);
            List<String> aloneEvents = describe(alone.events, keys.get(i)),
                    groupEvents = describe(together.events, keys.get(i));
            assertEquals(aloneEvents, groupEvents, schemes[i]);
            if (a.status() == RunStatus.COMPLETED) probes += a.probes().size();
            assertEquals(a.probes().size(), g.probes().size());
        }
        assertEquals(
                RunStatus.DIVERGED,
                group.get(1).status(),
                "the member with η 500 diverges: " + group.get(1).message());
        assertEquals(RunStatus.COMPLETED, group.get(0).status());
        assertEquals(2 * 3 * 3, probes, "3 probe points per epoch, 3 epochs, the two members that complete");
    }

    /** One run's events in order, each as its numbers (costs by their bits); timings left out. */
    private static List<String> describe(List<Object> events, RunKey key) {
        List<String> out = new ArrayList<>();
        synchronized (events) {
            for (Object o : events) {
                if (o instanceof ProbePoint p && p.run().equals(key)) {
                    out.add("probe " + p.epochPosition() + " " + p.examplesSeen() + " "
                            + Double.doubleToRawLongBits(p.meanCost()) + " " + p.correct());
                } else if (o instanceof EpochResult e && e.run().equals(key)) {
                    out.add("epoch " + e.epoch() + " " + e.correct() + " " + Double.doubleToRawLongBits(e.meanCost())
                            + " " + java.util.Arrays.toString(e.meanAbsDelta()));
                } else if (o instanceof RunResult r && r.run().equals(key)) {
                    out.add("end " + r.status() + " " + r.message() + " "
                            + r.epochs().size());
                }
            }
        }
        assertTrue(out.size() >= 2, "events of " + key + ": " + out);
        return out;
    }
}
