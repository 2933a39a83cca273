package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initlab.data.TestData;
import org.junit.jupiter.api.Test;

/** The window's JIT warm-up gives way at once when Run is pressed. */
class WarmUpTest {
    @Test
    void aCancelledWarmUpStopsWithinAMoment() throws Exception {
        RunControl control = new RunControl();
        boolean[] done = new boolean[1];
        Thread t = new Thread(() -> {
            try {
                Comparison.warmUp(TestData.mnist(), control);
                done[0] = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        Thread.sleep(300);
        control.cancel();
        t.join(2_000);
        assertFalse(t.isAlive(), "stopped within 2 s of the cancel");
        assertTrue(done[0], "returned normally");
    }
}
