package org.initlab.core;

import java.util.Locale;

/**
 * Cost functions, per example; the training step averages them over the mini-batch. Cross-entropy with a
 * softmax output is the log-likelihood −ln a_y.
 */
public enum Loss {
    QUADRATIC("quadratic"),
    CROSS_ENTROPY("cross-entropy");

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Cost of one example with output activations {@code a} and one-hot target {@code label}. */
    public double cost(float[] a, int offset, int n, int label, OutputLayer output) {
        double sum = 0;
        if (this == QUADRATIC) {
            for (int o = 0; o < n; o++) {
                double d = (o == label ? 1.0 : 0.0) - a[offset + o];
                sum += d * d;
            }
            return 0.5 * sum;
        }
        if (output == OutputLayer.SOFTMAX) return -Math.log(Math.max(a[offset + label], 1e-30));
        for (int o = 0; o < n; o++) {
            double ao = Math.min(Math.max(a[offset + o], 1e-30), 1 - 1e-7);
            sum -= o == label ? Math.log(ao) : Math.log1p(-ao);
        }
        return sum;
    }

    public static Loss parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Loss l : values()) if (l.id.equals(t)) return l;
        if (t.equals("crossentropy") || t.equals("ce")) return CROSS_ENTROPY;
        throw new IllegalArgumentException("loss '" + text + "' is not one of quadratic, cross-entropy");
    }
}
