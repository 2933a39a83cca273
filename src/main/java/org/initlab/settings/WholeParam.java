package org.initlab.settings;

import java.util.function.Supplier;
import org.initlab.core.Limit;

/** A whole number from {@code min} to {@code max}, both included. */
public final class WholeParam extends Param<Long> {
    private final long min;
    private final long max;

    WholeParam(String id, String option, String name, long defaultValue, long min, long max) {
        this(id, option, name, () -> defaultValue, Long.toString(defaultValue), min, max);
    }

    /** A core record's limit as a setting. */
    WholeParam(String id, String option, Limit limit, long defaultValue) {
        this(
                id,
                option,
                limit.name(),
                defaultValue,
                limit.min().longValue(),
                limit.max().longValue());
    }

    WholeParam(
            String id,
            String option,
            String name,
            Supplier<Long> defaultValue,
            String defaultText,
            long min,
            long max) {
        super(id, option, name, defaultValue, defaultText);
        this.min = min;
        this.max = max;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /** The largest value as an int (the core records' fields are ints). */
    public int maxInt() {
        return Math.toIntExact(max);
    }

    @Override
    public Bounds bounds() {
        return Bounds.whole(min, max);
    }

    @Override
    public Parsed<Long> parse(String text) {
        return parseWithin(text, max);
    }

    /** As {@link #parse} with a smaller maximum that another setting sets (ones ≤ inputs). */
    public Parsed<Long> parseWithin(String text, long upTo) {
        Bounds b = Bounds.whole(min, Math.min(max, upTo));
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return Parsed.refused(Problem.of(this, Problem.Reason.EMPTY, t, b));
        long v;
        try {
            v = parseAsciiLong(t);
        } catch (NumberFormatException e) {
            return Parsed.refused(Problem.of(this, Problem.Reason.NOT_WHOLE, t, b));
        }
        if (v < min || v > b.max().longValue())
            return Parsed.refused(Problem.of(this, Problem.Reason.OUT_OF_RANGE, t, b));
        return Parsed.ok(v);
    }

    /**
     * {@link Long#parseLong} for ASCII digits only: Java's parser also takes other scripts' digits ("１"), which
     * {@link Double#parseDouble} refuses; one rule for every number, whole or decimal.
     */
    static long parseAsciiLong(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 127) throw new NumberFormatException(s);
        return Long.parseLong(s);
    }

    /** Checks a value the core was given; the named message otherwise. */
    public int require(long value) {
        if (value < min || value > max)
            throw new IllegalArgumentException(
                    Problem.of(this, Problem.Reason.OUT_OF_RANGE, Long.toString(value), bounds())
                            .named());
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    @Override
    public String format(Long value) {
        return Long.toString(value);
    }
}
