package org.initlab.settings;

import java.util.Arrays;
import java.util.Locale;
import org.initlab.format.Numbers;

/**
 * A parameter a sweep can vary: its command-line name, its CSV column, and the setting whose limits check
 * every value ({@link #limits()}). It is part of the settings catalogue (the swept parameter is a setting);
 * how a value changes a run is the sweep package's plan.
 */
public enum SweepAxis {
    /** A multiplier on a scheme's σ (every weight drawn, then multiplied): 1 is the scheme itself. */
    WEIGHT_SCALE("weight-scale", "weight_scale", true),
    /** Hidden layers, each {@link #HIDDEN_WIDTH} wide. */
    DEPTH("depth", "depth", false),
    /** Units in every hidden layer. */
    HIDDEN_WIDTH("hidden-width", "hidden_width", true),
    ETA("eta", "eta", true),
    BATCH("batch", "batch", true),
    /** The depth theory's σ_w²: weights of variance σ_w²/n_in in every layer (the scheme's shape rescaled). */
    SIGMA_W2("sigma-w2", "sigma_w2", false),
    /** The depth theory's σ_b²: biases N(0, σ_b²), replacing the bias rule. */
    SIGMA_B2("sigma-b2", "sigma_b2", false);

    private final String id;
    private final String column;
    private final boolean logScale;

    SweepAxis(String id, String column, boolean logScale) {
        this.id = id;
        this.column = column;
        this.logScale = logScale;
    }

    /** The name after {@code --param}. */
    public String id() {
        return id;
    }

    /** The CSV column. */
    public String column() {
        return column;
    }

    /** Whether a chart draws it on a log axis. */
    public boolean logScale() {
        return logScale;
    }

    /** The window's label key: its setting's ({@link #limits()}), so an axis is named as its field is. */
    public String labelKey() {
        return limits().labelKey();
    }

    /** Whether its values are whole numbers. */
    public boolean whole() {
        return limits() instanceof WholeParam;
    }

    /** The setting whose limits and message check each value. */
    public Param<?> limits() {
        return switch (this) {
            case WEIGHT_SCALE -> LabParameters.SWEEP_WEIGHT_SCALE;
            case DEPTH -> LabParameters.SWEEP_DEPTH;
            case HIDDEN_WIDTH -> LabParameters.SWEEP_WIDTH;
            case ETA -> LabParameters.ETA;
            case BATCH -> LabParameters.BATCH;
            case SIGMA_W2 -> LabParameters.SWEEP_SIGMA_W2;
            case SIGMA_B2 -> LabParameters.SWEEP_SIGMA_B2;
        };
    }

    /** One value's text read through {@link #limits()}: the value, or the parameter's problem. */
    public Parsed<Double> parseValue(String text) {
        Param<?> p = limits();
        if (p instanceof WholeParam w) {
            Parsed<Long> v = w.parse(text);
            return v.ok() ? new Parsed<>(v.value().doubleValue(), null) : new Parsed<>(null, v.problem());
        }
        return ((DecimalParam) p).parse(text);
    }

    /** A value as the CSV and the definition write it (reads back to the same double). */
    public String format(double v) {
        return whole() ? Long.toString((long) v) : Numbers.whole(v);
    }

    public static SweepAxis parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (SweepAxis a : values()) if (a.id.equals(t) || a.column.equals(t)) return a;
        throw new IllegalArgumentException("unknown parameter '" + text.strip() + "'; sweepable: "
                + String.join(", ", Arrays.stream(values()).map(SweepAxis::id).toList()));
    }

    /** By CSV column; null when none has it. */
    public static SweepAxis byColumn(String column) {
        for (SweepAxis a : values()) if (a.column.equals(column)) return a;
        return null;
    }
}
