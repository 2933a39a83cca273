package org.initlab.ui;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A numeric setting as the user typed it, with its validation message ("" when valid). The text is kept
 * as typed (nothing is lost); the number is only read when the text is valid.
 */
public final class NumberField implements ValidatedText {
    private final String label;
    private final String defaultText;
    private final boolean integer;
    private final double min;
    private final boolean minExclusive;
    private final double max;
    private final StringProperty text;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private NumberField(String label, String defaultText, boolean integer, double min, boolean minExclusive, double max) {
        this.label = label;
        this.defaultText = defaultText;
        this.integer = integer;
        this.min = min;
        this.minExclusive = minExclusive;
        this.max = max;
        this.text = new SimpleStringProperty(defaultText);
        text.addListener((obs, old, now) -> validate());
        validate();
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

    public String label() {
        return label;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isValid() {
        return error.get().isEmpty();
    }

    public void reset() {
        text.set(defaultText);
    }

    public int intValue() {
        return (int) longValue();
    }

    public long longValue() {
        return Long.parseLong(text.get().strip());
    }

    public double doubleValue() {
        return Double.parseDouble(text.get().strip());
    }

    private void validate() {
        error.set(check(text.get()));
    }

    /** The message for {@code raw} ("" when it is valid); used by the field's decoration too. */
    public String check(String raw) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) return I18n.f("nf.enter", label, range());
        double v;
        try {
            v = integer ? Long.parseLong(t) : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return I18n.f(integer ? "nf.notWhole" : "nf.notNumber", label, t, range());
        }
        if (!Double.isFinite(v) || (minExclusive ? v <= min : v < min) || v > max) return I18n.f("nf.outOfRange", label, t, range());
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
