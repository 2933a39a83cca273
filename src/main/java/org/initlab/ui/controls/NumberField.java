package org.initlab.ui.controls;

import org.initlab.ui.base.I18n;

import java.util.Locale;

/** A numeric setting as the user typed it: a whole number or a decimal within a range. */
public final class NumberField extends ValidatedText {
    private final boolean integer;
    private final double min;
    private final boolean minExclusive;
    private final double max;

    private NumberField(String label, String defaultText, boolean integer, double min, boolean minExclusive, double max) {
        super(label, defaultText);
        this.integer = integer;
        this.min = min;
        this.minExclusive = minExclusive;
        this.max = max;
        validateFromNowOn();
    }

    public static NumberField integer(String label, long defaultValue, long min, long max) {
        return new NumberField(label, Long.toString(defaultValue), true, min, false, max);
    }

    /** A decimal above {@code minExclusive} and at most {@code max}. */
    public static NumberField positiveDecimal(String label, double defaultValue, double minExclusive, double max) {
        return new NumberField(label, Double.toString(defaultValue), false, minExclusive, true, max);
    }

    /** A decimal from {@code min} to {@code max}, both included. */
    public static NumberField decimal(String label, double defaultValue, double min, double max) {
        return new NumberField(label, trim(defaultValue), false, min, false, max);
    }

    public int intValue() {
        return (int) longValue();
    }

    public long longValue() {
        return Long.parseLong(textProperty().get().strip());
    }

    public double doubleValue() {
        return Double.parseDouble(textProperty().get().strip());
    }

    @Override
    public String check(String raw) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) return I18n.f("nf.enter", label(), range());
        double v;
        try {
            v = integer ? Long.parseLong(t) : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return I18n.f(integer ? "nf.notWhole" : "nf.notNumber", label(), t, range());
        }
        if (!Double.isFinite(v) || (minExclusive ? v <= min : v < min) || v > max) return I18n.f("nf.outOfRange", label(), t, range());
        return "";
    }

    private String range() {
        if (integer) return I18n.f("nf.rangeWhole", trim(min), trim(max));
        if (!minExclusive) return I18n.f("nf.rangeClosed", trim(min), trim(max));
        return I18n.f("nf.rangeOpen", trim(min), trim(max));
    }

    static String trim(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return d == (long) d && Math.abs(d) >= 10_000 ? String.format(Locale.ROOT, "%,d", (long) d) : Long.toString((long) d);
        return Double.toString(d);
    }
}
