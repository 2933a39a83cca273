package org.initlab.theory.meanfield;

import java.util.Locale;
import org.initlab.core.Activation;

/**
 * The activations the depth theory covers, in double precision: the training activations
 * ({@link Activation}) and the linear map, which exists for the theory only (deep linear networks and
 * dynamical isometry); training does not offer it.
 */
public enum Phi {
    SIGMOID("sigmoid") {
        @Override
        public double f(double x) {
            return 1 / (1 + Math.exp(-x));
        }

        @Override
        public double d(double x) {
            double s = f(x);
            return s * (1 - s);
        }
    },
    TANH("tanh") {
        @Override
        public double f(double x) {
            return Math.tanh(x);
        }

        @Override
        public double d(double x) {
            double c = Math.cosh(x);
            return Double.isInfinite(c) ? 0 : 1 / (c * c);
        }
    },
    RELU("relu") {
        @Override
        public double f(double x) {
            return x > 0 ? x : 0;
        }

        @Override
        public double d(double x) {
            return x > 0 ? 1 : 0;
        }
    },
    LINEAR("linear") {
        @Override
        public double f(double x) {
            return x;
        }

        @Override
        public double d(double x) {
            return 1;
        }
    };

    private final String id;

    Phi(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** φ(x). */
    public abstract double f(double x);

    /** φ'(x) (ReLU's is taken as 0 at 0). */
    public abstract double d(double x);

    /** The activation as float, for measurements on networks (linear is the identity). */
    public float apply(float z) {
        return switch (this) {
            case SIGMOID -> Activation.SIGMOID.apply(z);
            case TANH -> Activation.TANH.apply(z);
            case RELU -> Activation.RELU.apply(z);
            case LINEAR -> z;
        };
    }

    /** The training activation's theory twin. */
    public static Phi of(Activation a) {
        return switch (a) {
            case SIGMOID -> SIGMOID;
            case TANH -> TANH;
            case RELU -> RELU;
        };
    }

    /** True for the activations whose φ is bounded (their fixed point q* always exists). */
    public boolean bounded() {
        return this == SIGMOID || this == TANH;
    }

    public static Phi parse(String text) {
        for (Phi p : values()) if (p.id.equals(text.strip().toLowerCase(Locale.ROOT))) return p;
        throw new IllegalArgumentException("activation '" + text + "' is not one of sigmoid, tanh, relu, linear");
    }
}
