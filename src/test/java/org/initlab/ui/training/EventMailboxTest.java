package org.initlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.train.EpochResult;
import org.initlab.train.ProbePoint;
import org.initlab.train.RunKey;
import org.junit.jupiter.api.Test;

/** A pulse takes at most one snapshot-carrying event; everything else in order, nothing lost. */
class EventMailboxTest {
    private static final RunKey A =
            new RunKey(0, new InitScheme(InitCatalog.byId("standard"), BiasInit.STANDARD_NORMAL), 1);
    private static final RunKey B =
            new RunKey(1, new InitScheme(InitCatalog.byId("lecun"), BiasInit.STANDARD_NORMAL), 1);

    private static EpochResult epoch(RunKey run, int e) {
        return new EpochResult(run, e, 9000, 10000, 0.1, 0.2, 10, List.of(), new double[0]);
    }

    @Test
    void onePulseTakesEventsUpToTheFirstSnapshotAndLeavesTheRestInOrder() {
        EventMailbox box = new EventMailbox();
        box.probe(new ProbePoint(A, 0.5, 100, 0.2, 50, 100));
        box.epochEnded(epoch(A, 0));
        box.epochEnded(epoch(B, 0));
        box.probe(new ProbePoint(B, 1.5, 100, 0.2, 60, 100));
        box.runStarted(A, List.of());

        List<TrainingEvent> first = box.drain(1);
        assertEquals(2, first.size(), "the probe, then A's epoch end");
        assertEquals(A, ((TrainingEvent.EpochEnded) first.get(1)).result().run());
        List<TrainingEvent> second = box.drain(1);
        assertEquals(1, second.size());
        assertEquals(B, ((TrainingEvent.EpochEnded) second.get(0)).result().run());
        List<TrainingEvent> third = box.drain(1);
        assertEquals(2, third.size(), "B's probe, then A's start");
        assertEquals(B, ((TrainingEvent.Probed) third.get(0)).point().run());
        assertEquals(new TrainingEvent.Started(A, List.of()), third.get(1));
        assertEquals(0, box.drain(1).size());

        box.epochEnded(epoch(A, 1));
        box.epochEnded(epoch(B, 1));
        assertEquals(2, box.drain().size(), "drain() takes everything (a run's end, tests)");
    }
}
