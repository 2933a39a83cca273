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
    private static final RunKey A = new RunKey(0, new InitScheme(InitCatalog.byId("standard"), BiasInit.STANDARD_NORMAL), 1);
    private static final RunKey B = new RunKey(1, new InitScheme(InitCatalog.byId("lecun"), BiasInit.STANDARD_NORMAL), 1);

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

        List<EventMailbox.Event> first = box.drain(1);
        assertEquals(2, first.size(), "the probe, then A's epoch end");
        assertEquals(A, first.get(1).epoch().run());
        List<EventMailbox.Event> second = box.drain(1);
        assertEquals(1, second.size());
        assertEquals(B, second.get(0).epoch().run());
        List<EventMailbox.Event> third = box.drain(1);
        assertEquals(2, third.size(), "B's probe, then A's start");
        assertEquals(B, third.get(0).probe().run());
        assertEquals(A, third.get(1).started());
        assertEquals(0, box.drain(1).size());

        box.epochEnded(epoch(A, 1));
        box.epochEnded(epoch(B, 1));
        assertEquals(2, box.drain().size(), "drain() takes everything (a run's end, tests)");
    }
}
