package org.initlab.ui;

/**
 * Measures responsiveness while training: the longest gap between consecutive FX pulses (a pulse that
 * takes 80 ms shows as an 80 ms gap). {@code INITLAB_PULSES=1} prints it after each run.
 */
public final class PulseMonitor {
    private long last;
    private long longestNanos;
    private long frames;

    public void frame(long now, boolean training) {
        if (training && last != 0) {
            longestNanos = Math.max(longestNanos, now - last);
            frames++;
        }
        last = training ? now : 0;
    }

    public double longestGapMillis() {
        return longestNanos / 1e6;
    }

    public long frames() {
        return frames;
    }

    public void reset() {
        last = 0;
        longestNanos = 0;
        frames = 0;
    }
}
