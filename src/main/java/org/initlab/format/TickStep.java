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
}
