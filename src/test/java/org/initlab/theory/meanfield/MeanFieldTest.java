package org.initlab.theory.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The variance and correlation maps against Monte-Carlo, brute-force quadrature and the closed forms. */
class MeanFieldTest {
    /** E[g(v)], v ~ N(0, q), by a 200,000-panel midpoint rule over ±14√q: the slow, obvious reference. */
    static double brute(DoubleUnaryOperator g, double q) {
        double s = Math.sqrt(q), lo = -14 * s, h = 28 * s / 200_000, sum = 0;
        for (int i = 0; i < 200_000; i++) {
            double v = lo + (i + 0.5) * h;
            sum += g.applyAsDouble(v) * Math.exp(-v * v / (2 * q));
        }
        return sum * h / (s * Math.sqrt(2 * Math.PI));
    }

    @Test
    void quadratureIsAccurateTo1eMinus6AgainstBruteForceForEveryActivationAndVariance() {
        for (Phi phi : Phi.values()) {
            for (double q : new double[] {1e-4, 0.01, 0.3, 0.7, 1, 1.01, 2.5, 4, 9, 30, 100, 1000}) {
                double quad = GaussianExpectation.expect(v -> phi.f(v) * phi.f(v), q);
                double ref = brute(v -> phi.f(v) * phi.f(v), q);
                assertEquals(ref, quad, 1e-6 * Math.max(1, ref), phi + " E[φ²] at q = " + q);
                double dq = GaussianExpectation.expect(v -> phi.d(v) * phi.d(v), q);
                double dref = brute(v -> phi.d(v) * phi.d(v), q);
                assertEquals(dref, dq, 1e-6, phi + " E[φ'²] at q = " + q);
            }
        }
    }

    @Test
    void quadratureAgreesWithMonteCarloForEveryActivation() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 400_000;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) u[i] = rng.nextGaussian();
        for (Phi phi : Phi.values()) {
            for (double q : new double[] {0.25, 1, 3}) {
                MeanField mf = new MeanField(phi, 1.7, 0.1);
                double sum = 0, sum2 = 0;
                for (double x : u) {
                    double f = phi.f(Math.sqrt(q) * x);
                    sum += f * f;
                    sum2 += f * f * f * f;
                }
                double mean = sum / n, se = Math.sqrt((sum2 / n - mean * mean) / n);
                double mc = 1.7 * mean + 0.1;
                assertEquals(mc, mf.map(q), 5 * 1.7 * se + 1e-12, phi + " q = " + q + " (5 standard errors)");
            }
        }
    }

    @Test
    void theSecondMomentMakesSigmoidsMeanNeedNoSpecialCase() {
        // Pre-activation z = Σ w x + b with zero-mean weights: E[z²] = σ_w² E[a²] + σ_b² whatever E[a] is.
        SplittableRandom rng = new SplittableRandom(3);
        int n = 400, trials = 20_000;
        double sw2 = 2.0, sb2 = 0.3, q = 1.5, sumZ2 = 0;
        MeanField mf = new MeanField(Phi.SIGMOID, sw2, sb2);
        for (int t = 0; t < trials; t++) {
            double z = rng.nextGaussian() * Math.sqrt(sb2);
            for (int i = 0; i < n; i++)
                z += rng.nextGaussian() * Math.sqrt(sw2 / n) * Phi.SIGMOID.f(Math.sqrt(q) * rng.nextGaussian());
            sumZ2 += z * z;
        }
        double measured = sumZ2 / trials; // E[a] ≈ 0.5 ≠ 0, yet no mean correction is needed
        assertEquals(mf.map(q), measured, 0.03 * mf.map(q));
    }

    @Test
    void reluHasItsClosedFormAndHeIsCritical() {
        for (double sw2 : new double[] {0.5, 1, 1.9}) {
            for (double sb2 : new double[] {0, 0.2}) {
                MeanField mf = new MeanField(Phi.RELU, sw2, sb2);
                assertEquals(sw2 * 0.7 / 2 + sb2, mf.map(0.7), 1e-12);
                assertEquals(sb2 / (1 - sw2 / 2), mf.qStar(), 1e-12);
                assertEquals(sw2 / 2, mf.chi1(), 1e-12);
            }
        }
        // The quadrature gives the same as the closed form (symmetric nodes).
        assertEquals(0.35, GaussianExpectation.expect(v -> Math.max(0, v) * Math.max(0, v), 0.7), 1e-12);
        assertEquals(2.0, MeanField.criticalSigmaW2(Phi.RELU, 0), 1e-12);
        assertEquals(MeanField.Phase.CRITICAL, new MeanField(Phi.RELU, 2, 0).phase());
    }

    @Test
    void linearHasItsClosedForm() {
        MeanField mf = new MeanField(Phi.LINEAR, 0.8, 0.1);
        assertEquals(0.8 * 2 + 0.1, mf.map(2), 1e-12);
        assertEquals(0.1 / 0.2, mf.qStar(), 1e-12);
        assertEquals(0.8, mf.chi1(), 1e-12);
        assertEquals(1.0, MeanField.criticalSigmaW2(Phi.LINEAR, 0.3), 1e-12);
    }

    @Test
    void fixedPointIsAFixedPointAndChi1IsTheSlopeOfTheCorrelationMapAtOne() {
        for (Phi phi : new Phi[] {Phi.TANH, Phi.SIGMOID}) {
            MeanField mf = new MeanField(phi, 1.5, 0.05);
            double qs = mf.qStar();
            assertEquals(qs, mf.map(qs), 1e-10);
            double h = 1e-4;
            double slope = (mf.correlationMap(1, qs) - mf.correlationMap(1 - h, qs)) / h;
            assertEquals(mf.chi1(), slope, 1e-3, phi + ": dc/dc at c = 1 is χ₁");
        }
    }

    @Test
    void tanhCriticalLineStartsAtOneAndOrderedAndChaoticSidesAreRight() {
        assertEquals(1.0, MeanField.criticalSigmaW2(Phi.TANH, 0), 1e-6);
        double crit = MeanField.criticalSigmaW2(Phi.TANH, 0.05);
        assertTrue(crit > 1 && crit < 2, "σ_w² critical at σ_b² = 0.05: " + crit);
        assertEquals(1.0, new MeanField(Phi.TANH, crit, 0.05).chi1(), 1e-9);
        assertEquals(MeanField.Phase.ORDERED, new MeanField(Phi.TANH, 1.0, 0.05).phase());
        MeanField chaotic = new MeanField(Phi.TANH, 2.5, 0.05);
        assertEquals(MeanField.Phase.CHAOTIC, chaotic.phase());
        MeanField.Correlation c = chaotic.correlation();
        assertTrue(c.cStar() < 1 && c.cStar() > 0, "c* in the chaotic phase: " + c.cStar());
        assertEquals(c.cStar(), chaotic.correlationMap(c.cStar(), chaotic.qStar()), 1e-9, "c* is a fixed point");
        assertTrue(c.chiC() < 1, "c* is stable");
        assertEquals(1.0, new MeanField(Phi.TANH, 1.0, 0.05).correlation().cStar(), 0);
        // σ_b = 0 chaotic tanh: the map is odd, c* = 0.
        assertEquals(0.0, new MeanField(Phi.TANH, 2.0, 0).correlation().cStar(), 1e-9);
    }

    @Test
    void twoDimensionalExpectationAgreesWithMonteCarlo() {
        SplittableRandom rng = new SplittableRandom(11);
        double q = 0.9, c = 0.6, sum = 0;
        int n = 400_000;
        for (int i = 0; i < n; i++) {
            double a = rng.nextGaussian(), b = rng.nextGaussian();
            double u1 = Math.sqrt(q) * a, u2 = Math.sqrt(q) * (c * a + Math.sqrt(1 - c * c) * b);
            sum += Math.tanh(u1) * Math.tanh(u2);
        }
        assertEquals(sum / n, new MeanField(Phi.TANH, 1, 0).crossMoment(q, c), 3e-3);
        // ReLU's closed form against the nested quadrature
        double quad = GaussianExpectation.expect2((x, y) -> Math.max(0, x) * Math.max(0, y), q, c);
        assertEquals(quad, new MeanField(Phi.RELU, 1, 0).crossMoment(q, c), 1e-3);
    }
}
