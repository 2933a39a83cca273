package org.initlab.theory;

/**
 * Counts of values in equal-width bins over [min, max). Values below min or at/above max are counted
 * apart (underflow, overflow), so counts + underflow + overflow always equals the number of values.
 */
public final class Histogram {
    private final double min;
    private final double max;
    private final long[] counts;
    private long underflow;
    private long overflow;
    private long total;

    public Histogram(double min, double max, int bins) {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max))
            throw new IllegalArgumentException("histogram range must be finite with max > min");
        if (bins < 1 || bins > 100_000) throw new IllegalArgumentException("bins must be 1 to 100000");
        this.min = min;
        this.max = max;
        this.counts = new long[bins];
    }

    /** A histogram of counts made elsewhere (a saved run's): bin i of {@code counts} covers [min + i·w, min + (i + 1)·w). */
    public static Histogram ofCounts(double min, double max, int[] counts, long underflow, long overflow) {
        Histogram h = new Histogram(min, max, counts.length);
        for (int i = 0; i < counts.length; i++) {
            h.counts[i] = counts[i];
            h.total += counts[i];
        }
        h.underflow = underflow;
        h.overflow = overflow;
        h.total += underflow + overflow;
        return h;
    }

    public void add(double v) {
        total++;
        if (Double.isNaN(v) || v < min) {
            underflow++;
        } else if (v >= max) {
            overflow++;
        } else {
            int b = (int) ((v - min) / (max - min) * counts.length);
            counts[Math.min(b, counts.length - 1)]++;
        }
    }

    public void addAll(float[] values) {
        for (float v : values) add(v);
    }

    public int bins() {
        return counts.length;
    }

    public long count(int bin) {
        return counts[bin];
    }

    public long underflow() {
        return underflow;
    }

    public long overflow() {
        return overflow;
    }

    public long total() {
        return total;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double binWidth() {
        return (max - min) / counts.length;
    }

    /** Left edge of bin {@code i}; {@code edge(bins())} is max. */
    public double edge(int i) {
        return min + i * binWidth();
    }

    /** Counts scaled to a probability density (comparable with a density curve). */
    public double density(int bin) {
        return total == 0 ? 0 : counts[bin] / (total * binWidth());
    }
}
