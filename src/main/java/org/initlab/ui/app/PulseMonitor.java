package org.initlab.ui.app;

/**
 * Measures responsiveness while training or sweeping: the longest gap between consecutive FX pulses (a
 * pulse that takes 80 ms shows as an 80 ms gap). {@code INITLAB_PULSES=1} prints it after each run and
 * after each sweep.
 */
public final class PulseMonitor {
    /** Whether the Sweep tab is running a sweep (bound to its view-model once the tab is built). */
    private final javafx.beans.property.BooleanProperty sweeping =
            new javafx.beans.property.SimpleBooleanProperty(this, "sweeping");

    public javafx.beans.property.BooleanProperty sweepingProperty() {
        return sweeping;
    }

    /** Whether the lab trains (bound to the window's current training view-model, which a language switch replaces). */
    private final javafx.beans.property.BooleanProperty training =
            new javafx.beans.property.SimpleBooleanProperty(this, "training");

    public javafx.beans.property.BooleanProperty trainingProperty() {
        return training;
    }

    private long last;
    private long longestNanos;
    private long frames;
    private long over50;

    private long trainingStart;
    private final java.util.List<String> longGaps = new java.util.ArrayList<>();

    public void frame(long now, boolean training) {
        if (training && last != 0) {
            longestNanos = Math.max(longestNanos, now - last);
            frames++;
            if (now - last > 50_000_000L) {
                over50++;
                if (longGaps.size() < 20)
                    longGaps.add(String.format(
                            java.util.Locale.ROOT,
                            "%.0f ms at %.1f s",
                            (now - last) / 1e6,
                            (now - trainingStart) / 1e9));
            }
        }
        if (training && last == 0) trainingStart = now;
        last = training ? now : 0;
    }

    private long longestWork;

    /** Time the FX thread spent applying events in one pulse (the rest of a gap is layout and rendering). */
    public void work(long nanos) {
        longestWork = Math.max(longestWork, nanos);
    }

    public double longestWorkMillis() {
        return longestWork / 1e6;
    }

    /** Gaps over 50 ms and when they happened (seconds into training), the first 20; for diagnosis. */
    public java.util.List<String> longGaps() {
        return longGaps;
    }

    public double longestGapMillis() {
        return longestNanos / 1e6;
    }

    public long frames() {
        return frames;
    }

    /** Gaps longer than 50 ms (the responsiveness goal) while training. */
    public long gapsOver50() {
        return over50;
    }

    public void reset() {
        longGaps.clear();
        longestWork = 0;
        last = 0;
        longestNanos = 0;
        frames = 0;
        over50 = 0;
    }
}
