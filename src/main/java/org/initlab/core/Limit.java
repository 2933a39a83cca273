package org.initlab.core;

import org.initlab.format.Numbers;

/**
 * A number's allowed range and the name its refusal uses. The core records check their values with their
 * own limits; the settings catalogue builds its parameters from the same limits, so a record, the window,
 * the command line and the files refuse a value with one message. A whole limit holds {@link Long}s, a
 * decimal one {@link Double}s; NaN and ∞ are never accepted.
 */
public record Limit(String name, Number min, boolean minExclusive, Number max) {

    public static Limit whole(String name, long min, long max) {
        return new Limit(name, min, false, max);
    }

    /** From {@code min} to {@code max}, both included. */
    public static Limit decimal(String name, double min, double max) {
        return new Limit(name, min, false, max);
    }

    /** Above {@code min}, at most {@code max}. */
    public static Limit above(String name, double min, double max) {
        return new Limit(name, min, true, max);
    }

    public boolean isWhole() {
        return min instanceof Long;
    }

    public boolean accepts(double v) {
        return Double.isFinite(v)
                && (minExclusive ? v > min.doubleValue() : v >= min.doubleValue())
                && v <= max.doubleValue();
    }

    public boolean accepts(long v) {
        return isWhole() ? v >= min.longValue() && v <= max.longValue() : accepts((double) v);
    }

    /** The value, or a {@link Refusal} with the named message ("epochs: 0 is outside …"). */
    public long require(long value) {
        if (!accepts(value)) throw new Refusal(this, Long.toString(value));
        return value;
    }

    public double require(double value) {
        if (!accepts(value)) throw new Refusal(this, Double.toString(value));
        return value;
    }

    /**
     * A value outside a limit. The message is the command line's English; the window words it as the field of
     * this limit does ({@code settings.LabParameters#refusal}), so a parameter's words stay in its catalogue entry.
     */
    public static final class Refusal extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient Limit limit;
        private final String value;

        Refusal(Limit limit, String value) {
            super(limit.name() + ": " + outside(value, limit.range()));
            this.limit = limit;
            this.value = value;
        }

        public Limit limit() {
            return limit;
        }

        /** The value refused, as the message writes it. */
        public String value() {
            return value;
        }
    }

    /** The range in the words of the command line and the files: "1 to 10000", "(above 0, at most 1000000)". */
    public String range() {
        return range(min, minExclusive, max);
    }

    public static String range(Number min, boolean minExclusive, Number max) {
        return minExclusive ? "(above " + text(min) + ", at most " + text(max) + ")" : text(min) + " to " + text(max);
    }

    /** A bound or a value as the messages write it: whole numbers plainly, decimals without a trailing ".0". */
    public static String text(Number n) {
        return n instanceof Long l ? Long.toString(l) : Numbers.whole(n.doubleValue());
    }

    /** The words of a refusal for range: "0 is outside the allowed range 1 to 10000". */
    public static String outside(String text, String range) {
        return text + " is outside the allowed range " + range;
    }

    /** The words of a refusal for count: "at most 100 hidden layers". */
    public static String atMost(int count, String items) {
        return "at most " + count + " " + items;
    }
}
