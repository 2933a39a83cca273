package org.initlab.settings;

import org.initlab.core.Limit;

/** A finite decimal from {@code min} (or above it, when exclusive) to {@code max}; NaN and ∞ are refused. */
public final class DecimalParam extends Param<Double> {
    private final double min;
    private final boolean minExclusive;
    private final double max;

    DecimalParam(
            String id,
            String option,
            String name,
            double defaultValue,
            String defaultText,
            double min,
            boolean minExclusive,
            double max) {
        super(id, option, name, () -> defaultValue, defaultText);
        this.min = min;
        this.minExclusive = minExclusive;
        this.max = max;
    }

    /** A core record's limit as a setting. */
    DecimalParam(String id, String option, Limit limit, double defaultValue, String defaultText) {
        this(
                id,
                option,
                limit.name(),
                defaultValue,
                defaultText,
                limit.min().doubleValue(),
                limit.minExclusive(),
                limit.max().doubleValue());
    }

    public double min() {
        return min;
    }

    public boolean minExclusive() {
        return minExclusive;
    }

    public double max() {
        return max;
    }

    @Override
    public Bounds bounds() {
        return Bounds.decimal(min, minExclusive, max);
    }

    @Override
    public Parsed<Double> parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return Parsed.refused(Problem.of(this, Problem.Reason.EMPTY, t, bounds()));
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Parsed.refused(Problem.of(this, Problem.Reason.NOT_NUMBER, t, bounds()));
        }
        if (!accepts(v)) return Parsed.refused(Problem.of(this, Problem.Reason.OUT_OF_RANGE, t, bounds()));
        return Parsed.ok(v);
    }

    private boolean accepts(double v) {
        return Double.isFinite(v) && (minExclusive ? v > min : v >= min) && v <= max;
    }

    /** Checks a value the core was given; the named message otherwise. */
    public double require(double value) {
        if (!accepts(value))
            throw new IllegalArgumentException(
                    Problem.of(this, Problem.Reason.OUT_OF_RANGE, Double.toString(value), bounds())
                            .named());
        return value;
    }

    @Override
    public String format(Double value) {
        return Bounds.fmt(value);
    }
}
