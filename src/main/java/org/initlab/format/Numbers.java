package org.initlab.format;

import java.util.Locale;

/** How the lab writes numbers, everywhere: the command line, files, messages and the window. */
public final class Numbers {
    private Numbers() {}

    /** A whole value without a decimal point ("30", not "30.0"); anything else as Java writes a double. */
    public static String whole(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** As {@link #whole}, with thousands separators from 10,000 on: limits a person reads ("1 to 10,000"). */
    public static String readable(double v) {
        return v == Math.rint(v) && Math.abs(v) >= 10_000 && Math.abs(v) < 1e15 ? grouped((long) v) : whole(v);
    }

    /** With thousands separators: "50,000,000". */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** correct / total as a percentage with two decimals: "94.12%"; "n/a" when nothing was measured (a run that failed before epoch 0). */
    public static String percent(int correct, int total) {
        if (total <= 0) return "n/a";
        return String.format(Locale.ROOT, "%.2f%%", 100.0 * correct / total);
    }
}
