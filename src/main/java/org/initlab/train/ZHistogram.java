package org.initlab.train;

import java.util.Arrays;

/**
 * A hidden layer's weighted inputs z over the probe sample, counted in fixed bins: {@link #BINS} equal bins
 * over [{@link #MIN}, {@link #MAX}) (0.75 wide), plus the values below and at or above the range. A saved run
 * keeps these instead of the raw z (1000 probe images × units per snapshot). NaN values are not counted.
 */
public record ZHistogram(double min, double max, int[] counts, int underflow, int overflow) {
    public static final int BINS = 80;
    public static final double MIN = -30, MAX = 30;
    /** At most this many bins in a file's histogram. */
    public static final int MAX_BINS = 1000;

    public ZHistogram {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max))
            throw new IllegalArgumentException("a histogram's range must be finite, min < max");
        if (counts.length < 1 || counts.length > MAX_BINS)
            throw new IllegalArgumentException("a histogram has 1 to " + MAX_BINS + " bins");
        if (underflow < 0 || overflow < 0 || Arrays.stream(counts).anyMatch(c -> c < 0))
            throw new IllegalArgumentException("a histogram's counts must not be negative");
    }

    /** The fixed bins over {@code z}. */
    public static ZHistogram of(float[] z) {
        int[] counts = new int[BINS];
        int under = 0, over = 0;
        double scale = BINS / (MAX - MIN);
        for (float v : z) {
            if (v != v) continue; // NaN
            if (v < MIN) under++;
            else if (v >= MAX) over++;
            else counts[Math.min(BINS - 1, (int) ((v - MIN) * scale))]++;
        }
        return new ZHistogram(MIN, MAX, counts, under, over);
    }

    public double binWidth() {
        return (max - min) / counts.length;
    }

    /** The lower edge of bin {@code i}. */
    public double binStart(int i) {
        return min + i * binWidth();
    }

    /** Values counted, the under- and overflow included. */
    public long total() {
        long n = (long) underflow + overflow;
        for (int c : counts) n += c;
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZHistogram h
                && min == h.min
                && max == h.max
                && underflow == h.underflow
                && overflow == h.overflow
                && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + underflow * 7 + overflow;
    }

    @Override
    public String toString() {
        return "ZHistogram[" + min + ".." + max + ", " + Arrays.toString(counts) + ", under " + underflow + ", over "
                + overflow + "]";
    }
}
