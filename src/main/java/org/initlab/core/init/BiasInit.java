package org.initlab.core.init;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** How biases are drawn. The reference draws them N(0, 1) under every weight scheme. */
public record BiasInit(Kind kind, double value) {
    public enum Kind {
        NORMAL,
        ZEROS,
        CONSTANT
    }

    public static final BiasInit STANDARD_NORMAL = new BiasInit(Kind.NORMAL, 1.0);
    public static final BiasInit ZEROS = new BiasInit(Kind.ZEROS, 0.0);

    public BiasInit {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("bias value must be finite");
        if (kind == Kind.NORMAL && value < 0) throw new IllegalArgumentException("bias σ must not be negative");
    }

    public static BiasInit normal(double sigma) {
        return new BiasInit(Kind.NORMAL, sigma);
    }

    public static BiasInit constant(double c) {
        return new BiasInit(Kind.CONSTANT, c);
    }

    /** Standard deviation of one bias (0 unless normal). */
    public double std() {
        return kind == Kind.NORMAL ? value : 0;
    }

    public void fill(float[] biases, RandomGenerator rng) {
        switch (kind) {
            case NORMAL -> {
                for (int i = 0; i < biases.length; i++) biases[i] = (float) (rng.nextGaussian() * value);
            }
            case ZEROS -> Arrays.fill(biases, 0f);
            case CONSTANT -> Arrays.fill(biases, (float) value);
        }
    }

    /** Parses {@code normal}, {@code normal:SIGMA}, {@code zeros}, {@code constant:C}. */
    public static BiasInit parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("normal")) return STANDARD_NORMAL;
        if (t.startsWith("normal:")) return normal(number(text, t.substring(7), 0));
        if (t.equals("zeros") || t.equals("zero")) return ZEROS;
        if (t.startsWith("constant:")) return constant(number(text, t.substring(9), -MAX_VALUE));
        throw new IllegalArgumentException(
                "bias rule '" + text + "' is not one of normal, normal:SIGMA, zeros, constant:C");
    }

    /** The largest |C| and σ a rule takes, as a custom weight σ: anything larger saturates every unit at once. */
    public static final double MAX_VALUE = 1e6;

    /** The number of a rule, in [min, 1e6]; one message for anything else (not a number, infinite, out of range). */
    private static double number(String rule, String text, double min) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= min && v <= MAX_VALUE)) {
            throw new IllegalArgumentException("bias rule '" + rule.strip() + "': the number after ':' must be from "
                    + (min == 0 ? "0" : "-1e6") + " to 1e6");
        }
        return v;
    }

    public String id() {
        return switch (kind) {
            case NORMAL -> value == 1.0 ? "normal" : "normal:" + value;
            case ZEROS -> "zeros";
            case CONSTANT -> "constant:" + value;
        };
    }

    public String formula() {
        return switch (kind) {
            case NORMAL -> "b ~ N(0, " + (value == 1.0 ? "1" : value) + ")";
            case ZEROS -> "b = 0";
            case CONSTANT -> "b = " + value;
        };
    }
}
