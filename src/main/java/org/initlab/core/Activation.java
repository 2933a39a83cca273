package org.initlab.core;

import java.util.Locale;

/** Hidden-layer activation functions, with the derivative that backpropagation and saturation need. */
public enum Activation {
    SIGMOID("sigmoid") {
        @Override
        public float apply(float z) {
            return (float) (1.0 / (1.0 + Math.exp(-z)));
        }

        @Override
        public float derivative(float z, float a) {
            return a * (1 - a);
        }
    },
    TANH("tanh") {
        @Override
        public float apply(float z) {
            return (float) Math.tanh(z);
        }

        @Override
        public float derivative(float z, float a) {
            return 1 - a * a;
        }
    },
    RELU("relu") {
        @Override
        public float apply(float z) {
            return z > 0 ? z : 0f;
        }

        @Override
        public float derivative(float z, float a) {
            return z > 0 ? 1f : 0f;
        }
    };

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public abstract float apply(float z);

    /** f'(z), given z and a = f(z) (whichever is cheaper). */
    public abstract float derivative(float z, float a);

    public static Activation parse(String text) {
        for (Activation a : values()) if (a.id.equals(text.strip().toLowerCase(Locale.ROOT))) return a;
        throw new IllegalArgumentException("activation '" + text + "' is not one of sigmoid, tanh, relu");
    }
}
