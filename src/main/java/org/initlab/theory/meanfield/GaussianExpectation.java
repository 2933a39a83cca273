package org.initlab.theory.meanfield;

import java.util.function.DoubleUnaryOperator;

/**
 * E[g(v)] for v ~ N(0, q), to about 1e-9 for the smooth activations at the variances the lab meets.
 *
 * <p>For q ≤ {@link #HERMITE_MAX_Q} it is Gauss–Hermite with {@link #NODES} nodes: E[g(v)] = Σ wᵢ/√π · g(√(2q)·xᵢ).
 * Above that, a tanh or sigmoid of v is a near step at the scale of the Gaussian and Hermite nodes
 * converge slowly, so the same expectation is taken by composite 16-point Gauss–Legendre over
 * v ∈ [−12√q, 12√q] in panels of width at most 0.5 (0 is a panel edge, so ReLU's kink is exact). The
 * nodes are symmetric, so odd integrands vanish and E[relu(v)²] = q/2 exactly in both rules.
 */
public final class GaussianExpectation {
    public static final int NODES = 96;
    public static final double HERMITE_MAX_Q = 1.0;
    private static final double[] HX, HW; // probabilists': E[g(u)], u ~ N(0,1) ≈ Σ HW·g(HX)
    private static final double[] LX, LW; // Gauss–Legendre on [-1, 1]
    private static final int LEGENDRE = 16;
    private static final int MAX_PANELS = 400;

    static {
        double[][] h = hermite(NODES);
        HX = h[0];
        HW = h[1];
        double[][] l = legendre(LEGENDRE);
        LX = l[0];
        LW = l[1];
    }

    private GaussianExpectation() {}

    /** E[g(v)], v ~ N(0, q); g(0) when q = 0. */
    public static double expect(DoubleUnaryOperator g, double q) {
        if (!(q >= 0) || Double.isInfinite(q))
            throw new IllegalArgumentException("variance must be finite and ≥ 0, got " + q);
        if (q == 0) return g.applyAsDouble(0);
        double s = Math.sqrt(q);
        if (q <= HERMITE_MAX_Q) {
            double sum = 0;
            for (int i = 0; i < HX.length; i++) sum += HW[i] * g.applyAsDouble(s * HX[i]);
            return sum;
        }
        double half = 12 * s;
        int panelsPerSide = (int) Math.min(MAX_PANELS / 2, Math.ceil(half / 0.5));
        double width = half / panelsPerSide;
        double norm = 1 / (s * Math.sqrt(2 * Math.PI));
        double sum = 0;
        for (int p = -panelsPerSide; p < panelsPerSide; p++) {
            double a = p * width, mid = a + width / 2;
            for (int i = 0; i < LEGENDRE; i++) {
                double v = mid + width / 2 * LX[i];
                sum += LW[i] * width / 2 * g.applyAsDouble(v) * Math.exp(-v * v / (2 * q));
            }
        }
        return sum * norm;
    }

    /** E[g(v₁, v₂)] for (v₁, v₂) centred Gaussian with variances q and correlation c, as nested 1-D expectations. */
    public static double expect2(java.util.function.DoubleBinaryOperator g, double q, double c) {
        double cc = Math.max(-1, Math.min(1, c));
        double s2 = (1 - cc * cc) * q;
        // v₂ = c·v₁ + √(1−c²)·w with w ~ N(0, q) independent of v₁.
        double sc = Math.sqrt(Math.max(0, 1 - cc * cc));
        return expect(v1 -> expect(w -> g.applyAsDouble(v1, cc * v1 + w), s2), q);
    }

    /** Nodes and weights for E over N(0,1): physicists' Gauss–Hermite (Numerical Recipes' gauher) rescaled. */
    static double[][] hermite(int n) {
        double[] x = new double[n], w = new double[n];
        final double pim4 = 0.7511255444649425; // π^(-1/4)
        int m = (n + 1) / 2;
        double z = 0, pp = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0) z = Math.sqrt(2.0 * n + 1) - 1.85575 * Math.pow(2.0 * n + 1, -0.16667);
            else if (i == 1) z -= 1.14 * Math.pow(n, 0.426) / z;
            else if (i == 2) z = 1.86 * z - 0.86 * x[0];
            else if (i == 3) z = 1.91 * z - 0.91 * x[1];
            else z = 2.0 * z - x[i - 2];
            for (int it = 0; it < 100; it++) {
                double p1 = pim4, p2 = 0;
                for (int j = 0; j < n; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = z * Math.sqrt(2.0 / (j + 1)) * p2 - Math.sqrt((double) j / (j + 1)) * p3;
                }
                pp = Math.sqrt(2.0 * n) * p2;
                double z1 = z;
                z = z1 - p1 / pp;
                if (Math.abs(z - z1) <= 1e-15) break;
            }
            x[i] = z;
            x[n - 1 - i] = -z;
            w[i] = 2.0 / (pp * pp);
            w[n - 1 - i] = w[i];
        }
        double[] px = new double[n], pw = new double[n];
        double sqrtPi = Math.sqrt(Math.PI);
        for (int i = 0; i < n; i++) {
            px[i] = Math.sqrt(2) * x[i];
            pw[i] = w[i] / sqrtPi;
        }
        return new double[][] {px, pw};
    }

    static double[][] legendre(int n) {
        double[] x = new double[n], w = new double[n];
        int m = (n + 1) / 2;
        for (int i = 0; i < m; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5)), pp = 0;
            for (int it = 0; it < 100; it++) {
                double p1 = 1, p2 = 0;
                for (int j = 0; j < n; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2.0 * j + 1) * z * p2 - j * p3) / (j + 1);
                }
                pp = n * (z * p1 - p2) / (z * z - 1);
                double z1 = z;
                z = z1 - p1 / pp;
                if (Math.abs(z - z1) <= 1e-15) break;
            }
            x[i] = -z;
            x[n - 1 - i] = z;
            w[i] = 2 / ((1 - z * z) * pp * pp);
            w[n - 1 - i] = w[i];
        }
        return new double[][] {x, w};
    }
}
