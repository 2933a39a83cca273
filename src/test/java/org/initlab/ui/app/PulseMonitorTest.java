package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The responsiveness numbers printed with INITLAB_PULSES=1 count only gaps while training. */
class PulseMonitorTest {
    private static final long MS = 1_000_000L;

    @Test
    void countsLongGapsWhileTrainingOnly() {
        PulseMonitor m = new PulseMonitor();
        m.frame(0, false);
        m.frame(500 * MS, false); // idle: not counted
        m.frame(1000 * MS, true); // training starts
        m.frame(1016 * MS, true);
        m.frame(1076 * MS, true); // 60 ms
        m.frame(1196 * MS, true); // 120 ms
        m.frame(1212 * MS, true);
        m.frame(2000 * MS, false); // training over
        assertEquals(4, m.frames());
        assertEquals(120.0, m.longestGapMillis(), 1e-9);
        assertEquals(2, m.gapsOver50());
        assertEquals(List.of("60 ms at 0.1 s", "120 ms at 0.2 s"), m.longGaps());
        m.reset();
        assertEquals(0, m.gapsOver50());
        assertEquals(0, m.frames());
    }
}
