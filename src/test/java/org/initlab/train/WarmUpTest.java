package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.initlab.data.TestData;
import org.junit.jupiter.api.Test;

/** The window's JIT warm-up: a short real training, which gives way when Run is pressed. */
class WarmUpTest {
    @Test
    void warmUpTrainsAndACancelledOneStops() throws Exception {
        RunResult full = Comparison.warmUp(TestData.mnist(), new RunControl());
        assertEquals(RunStatus.COMPLETED, full.status());
        assertEquals(1, full.epochs().size(), "one epoch of " + Comparison.WARM_UP_BATCHES + " mini-batches");

        RunControl pressedRun = new RunControl();
        pressedRun.cancel();
        RunResult cancelled = Comparison.warmUp(TestData.mnist(), pressedRun);
        assertEquals(RunStatus.CANCELLED, cancelled.status());
        assertEquals(0, cancelled.epochs().size(), "no epoch finished");
    }
}
