package org.initlab.theory.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.initlab.core.Activation;
import org.junit.jupiter.api.Test;

/** Gauss–Hermite and Gauss–Legendre rules against exact moments, Brent's method on known roots, Phi's values. */
class QuadratureRootsPhiTest {
    private static double fact2(int k) { // (k−1)!! = E[u^k] for even k
        double r = 1;
        for (int i = k - 1; i > 1; i -= 2) r *= i;
        return r;
    }

    @Test
    void hermiteRulesAreExactToDegreeTwoNMinusOne() {
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 7, 12, 96}) {
            double[][] h = GaussianExpectation.hermite(n);
            double[] x = h[0], w = h[1];
            assertEquals(n, x.length);
            for (int i = 0; i < n; i++) {
                assertEquals(-x[n - 1 - i], x[i], 1e-12, "n=" + n);
                assertEquals(w[n - 1 - i], w[i], 1e-15);
                assertTrue(w[i] > 0);
                if (i + 1 < n) assertTrue(x[i] > x[i + 1], "nodes descending, n=" + n);
            }
            int maxDeg = Math.min(2 * n - 1, 20);
            for (int k = 0; k <= maxDeg; k += 2) {
                double m = 0;
                for (int i = 0; i < n; i++) m += w[i] * Math.pow(x[i], k);
                assertEquals(fact2(k), m, 1e-11 * fact2(k), "n=" + n + " k=" + k);
            }
        }
        double[][] h3 = GaussianExpectation.hermite(3);
        assertEquals(Math.sqrt(3), h3[0][0], 1e-13);
        assertEquals(0, h3[0][1], 1e-13);
        assertEquals(1.0 / 6, h3[1][0], 1e-14);
        assertEquals(2.0 / 3, h3[1][1], 1e-14);
        double[][] h2 = GaussianExpectation.hermite(2);
        assertEquals(1, h2[0][0], 1e-14);
        assertEquals(0.5, h2[1][0], 1e-14);
    }

    @Test
    void legendreRulesAreExactToDegreeTwoNMinusOne() {
        for (int n : new int[] {1, 2, 3, 4, 5, 16}) {
            double[][] l = GaussianExpectation.legendre(n);
            double[] x = l[0], w = l[1];
            assertEquals(n, x.length);
            for (int i = 0; i < n; i++) {
                assertEquals(-x[n - 1 - i], x[i], 1e-14);
                assertEquals(w[n - 1 - i], w[i], 1e-14);
                if (i + 1 < n) assertTrue(x[i] < x[i + 1], "nodes ascending");
            }
            for (int k = 0; k <= 2 * n - 1; k++) {
                double m = 0;
                for (int i = 0; i < n; i++) m += w[i] * Math.pow(x[i], k);
                assertEquals(k % 2 == 0 ? 2.0 / (k + 1) : 0, m, 1e-13, "n=" + n + " k=" + k);
            }
        }
        double[][] l3 = GaussianExpectation.legendre(3);
        assertEquals(-Math.sqrt(0.6), l3[0][0], 1e-14);
        assertEquals(5.0 / 9, l3[1][0], 1e-14);
        assertEquals(8.0 / 9, l3[1][1], 1e-14);
        assertEquals(2, GaussianExpectation.legendre(1)[1][0], 1e-14);
    }

    @Test
    void expectationsOfPolynomialsAndExponentialsBothRules() {
        for (double q : new double[] {0.01, 0.3, 0.999, 1.0, 1.0000001, 1.7, 2.0, 4.0, 9.3, 100.0}) {
            double tolRel = 1e-10;
            assertEquals(1, GaussianExpectation.expect(v -> 1, q), tolRel, "q=" + q);
            assertEquals(q, GaussianExpectation.expect(v -> v * v, q), tolRel * q, "q=" + q);
            assertEquals(3 * q * q, GaussianExpectation.expect(v -> v * v * v * v, q), tolRel * q * q, "q=" + q);
            assertEquals(q + 1, GaussianExpectation.expect(v -> (v + 1) * (v + 1), q), tolRel * (q + 1));
            assertEquals(3 * q, GaussianExpectation.expect(v -> v * v + 2 * v * q + 2 * q, q), tolRel * q);
            assertEquals(0, GaussianExpectation.expect(v -> v * v * v, q), 1e-9 * q * Math.sqrt(q));
            if (q <= 9.3) {
                double a = 0.7;
                assertEquals(
                        Math.exp(a * a * q / 2),
                        GaussianExpectation.expect(v -> Math.exp(a * v), q),
                        1e-9 * Math.exp(a * a * q / 2),
                        "q=" + q);
                assertEquals(Math.exp(-a * a * q / 2), GaussianExpectation.expect(v -> Math.cos(a * v), q), 1e-9);
            }
        }
    }

    @Test
    void reluMomentsAreExactAboveOneWhereZeroIsAPanelEdge() {
        for (double q : new double[] {1.0000001, 1.3, 2.0, 3.7, 50.0, 10000.0}) {
            assertEquals(
                    Math.sqrt(q / (2 * Math.PI)),
                    GaussianExpectation.expect(v -> v > 0 ? v : 0, q),
                    1e-12 * Math.sqrt(q),
                    "q=" + q);
            assertEquals(q / 2, GaussianExpectation.expect(v -> v > 0 ? v * v : 0, q), 1e-12 * q, "q=" + q);
            assertEquals(0.5, GaussianExpectation.expect(v -> v > 0 ? 1 : 0, q), 1e-12, "q=" + q);
        }
    }

    @Test
    void atQEqualToOneHermiteIsUsed() {
        double[][] h = GaussianExpectation.hermite(GaussianExpectation.NODES);
        DoubleUnaryOperator relu = v -> v > 0 ? v : 0;
        double hermite = 0;
        for (int i = 0; i < h[0].length; i++) hermite += h[1][i] * relu.applyAsDouble(h[0][i]);
        assertEquals(hermite, GaussianExpectation.expect(relu, 1.0), 1e-15);
        // Hermite on the kink is not exact, so this tells the two rules apart at q = 1.
        assertNotEquals(1 / Math.sqrt(2 * Math.PI), hermite, 1e-13);
    }

    @Test
    void zeroAndInvalidVariances() {
        assertEquals(7.5, GaussianExpectation.expect(v -> v + 7.5, 0), 0);
        assertThrows(IllegalArgumentException.class, () -> GaussianExpectation.expect(v -> v, -1e-300));
        assertThrows(IllegalArgumentException.class, () -> GaussianExpectation.expect(v -> v, Double.NaN));
        assertThrows(
                IllegalArgumentException.class, () -> GaussianExpectation.expect(v -> v, Double.POSITIVE_INFINITY));
    }

    @Test
    void bivariateMomentsAndClamping() {
        for (double q : new double[] {0.5, 2.5}) {
            for (double c : new double[] {-0.8, 0, 0.3, 0.95}) {
                assertEquals(q * c, GaussianExpectation.expect2((a, b) -> a * b, q, c), 1e-10 * q);
                assertEquals(q, GaussianExpectation.expect2((a, b) -> b * b, q, c), 1e-10 * q);
                assertEquals(
                        q * q * (1 + 2 * c * c),
                        GaussianExpectation.expect2((a, b) -> a * a * b * b, q, c),
                        1e-9 * q * q);
                assertEquals(
                        2 * q * (1 - c), GaussianExpectation.expect2((a, b) -> (a - b) * (a - b), q, c), 1e-10 * q);
            }
            assertEquals(0, GaussianExpectation.expect2((a, b) -> (a - b) * (a - b), q, 1.5), 1e-12);
            assertEquals(4 * q, GaussianExpectation.expect2((a, b) -> (a - b) * (a - b), q, -2), 1e-10 * q);
        }
    }

    private static int calls;

    private static double root(DoubleUnaryOperator f, double a, double b, double tol) {
        calls = 0;
        DoubleUnaryOperator counted = x -> {
            calls++;
            return f.applyAsDouble(x);
        };
        return Roots.brent(counted, a, b, f.applyAsDouble(a), f.applyAsDouble(b), tol);
    }

    @Test
    void brentFindsKnownRootsQuickly() {
        assertEquals(Math.sqrt(2), root(x -> x * x - 2, 0, 2, 1e-14), 1e-14);
        assertTrue(calls <= 12, "sqrt 2 evaluations " + calls);
        assertEquals(Math.sqrt(2), root(x -> x * x - 2, 2, 0, 1e-14), 1e-14);
        assertTrue(calls <= 12, "reversed bracket evaluations " + calls);
        assertEquals(2.0945514815423265, root(x -> x * x * x - 2 * x - 5, 2, 3, 1e-14), 1e-13);
        assertTrue(calls <= 12, "cubic evaluations " + calls);
        assertEquals(0.7390851332151607, root(x -> Math.cos(x) - x, 0, 1, 1e-14), 1e-14);
        assertTrue(calls <= 12, "cos evaluations " + calls);
        assertEquals(Math.log(10), root(x -> Math.exp(x) - 10, -4, 5, 1e-14), 1e-13);
        assertTrue(calls <= 16, "exp evaluations " + calls);
        assertEquals(1, root(x -> Math.atan(x - 1), -10, 30, 1e-13), 1e-12);
        assertTrue(calls <= 25, "atan evaluations " + calls);
        assertEquals(3, root(x -> (x - 3) * (x - 3) * (x - 3), 0, 7, 1e-10), 1e-4);
        assertTrue(calls <= 120, "triple root evaluations " + calls);
    }

    @Test
    void brentHonoursItsTolerance() {
        double coarse = root(x -> x * x - 2, 0, 2, 1e-2);
        assertEquals(Math.sqrt(2), coarse, 1e-2);
        int coarseCalls = calls;
        root(x -> x * x - 2, 0, 2, 1e-15);
        assertTrue(coarseCalls < calls, coarseCalls + " vs " + calls);
        // A step: only bisection applies; the root is 0.5 within the tolerance.
        assertEquals(0.5, root(x -> x < 0.5 ? -1 : 1, 0, 1, 1e-6), 1e-6);
        assertEquals(0.5, root(x -> x < 0.5 ? -1 : 1, 0, 1, 1e-12), 1e-12);
        assertTrue(calls <= 60, "step evaluations " + calls);
    }

    @Test
    void brentEndpointsAndBracketErrors() {
        assertThrows(IllegalArgumentException.class, () -> root(x -> x * x + 1, -1, 1, 1e-12));
        assertThrows(IllegalArgumentException.class, () -> root(x -> x - 5, 0, 1, 1e-12));
        assertEquals(0, root(x -> x, 0, 1, 1e-12), 0);
        assertEquals(1, root(x -> x - 1, 0, 1, 1e-12), 0);
        assertEquals(-2, root(x -> x + 2, -2, 3, 1e-12), 0);
    }

    @Test
    void brentGivesUpAfterTwoHundredStepsWithItsBestPoint() {
        // A sign change at 0 with zero tolerance: bisection towards 0 never reaches ulp-level width in 200 steps.
        double r = root(x -> x > 0 ? 1 : -1, -1, 1, 0);
        assertTrue(Math.abs(r) < 1e-40 && r != 0, "r=" + r);
        assertEquals(200, calls);
    }

    @Test
    void phiValuesAndDerivatives() {
        double[] xs = {-3, -0.5, 0, 0.25, 2};
        for (double x : xs) {
            double s = 1 / (1 + Math.exp(-x));
            assertEquals(s, Phi.SIGMOID.f(x), 1e-15);
            assertEquals(s * (1 - s), Phi.SIGMOID.d(x), 1e-15);
            assertEquals(Math.tanh(x), Phi.TANH.f(x), 1e-15);
            assertEquals(1 - Math.tanh(x) * Math.tanh(x), Phi.TANH.d(x), 1e-14);
            assertEquals(Math.max(0, x), Phi.RELU.f(x), 0);
            assertEquals(x > 0 ? 1 : 0, Phi.RELU.d(x), 0);
            assertEquals(x, Phi.LINEAR.f(x), 0);
            assertEquals(1, Phi.LINEAR.d(x), 0);
            for (Phi p : Phi.values()) assertEquals(p.f(x), p.apply((float) x), 1e-6, p + " at " + x);
        }
        assertEquals(0.8807970779778823, Phi.SIGMOID.f(2), 1e-15);
        assertEquals(0, Phi.RELU.d(0), 0);
        assertEquals(0, Phi.TANH.d(1000), 0);
        assertEquals(0, Phi.TANH.d(-1000), 0);
        assertEquals(1, Phi.TANH.d(0), 0);
        assertEquals(0.25, Phi.SIGMOID.d(0), 0);
    }

    @Test
    void phiIdsParsingAndBoundedness() {
        assertEquals("sigmoid", Phi.SIGMOID.id());
        assertEquals("tanh", Phi.TANH.id());
        assertEquals("relu", Phi.RELU.id());
        assertEquals("linear", Phi.LINEAR.id());
        for (Phi p : Phi.values()) assertSame(p, Phi.parse("  " + p.id().toUpperCase() + " "));
        assertThrows(IllegalArgumentException.class, () -> Phi.parse("softplus"));
        assertSame(Phi.SIGMOID, Phi.of(Activation.SIGMOID));
        assertSame(Phi.TANH, Phi.of(Activation.TANH));
        assertSame(Phi.RELU, Phi.of(Activation.RELU));
        assertTrue(Phi.SIGMOID.bounded());
        assertTrue(Phi.TANH.bounded());
        assertFalse(Phi.RELU.bounded());
        assertFalse(Phi.LINEAR.bounded());
        assertEquals(1.5f, Phi.LINEAR.apply(1.5f), 0);
        assertEquals(0f, Phi.RELU.apply(-1.5f), 0);
    }
}
