package org.initlab.format;

/** The 1-2-5 steps of chart axes, for the window's charts and the PNGs drawn without one. */
public final class TickStep {
    private TickStep() {}

    /** The smallest step of the form {1, 2, 5} × 10^k that is at least {@code raw}. */
    public static double atLeast(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 5}) {
            if (m * magnitude >= raw) return m * magnitude;
        }
        return 10 * magnitude; // magnitude ≤ raw < 10·magnitude
    }

    /** The step of the form {1, 2, 5, 10} × 10^k nearest to {@code raw} (on a log scale, split at 1.5, 3.5 and 7.5). */
    public static double nearest(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }
}
