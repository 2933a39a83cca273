package org.initlab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.initlab.core.init.CustomNormalInit;
import org.initlab.theory.ZSpec;
import org.initlab.theory.ZStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigmoidMathTest {
    /** P(σ'(z) < t) by brute-force numeric integration of the normal density where σ'(z) < t. */
    private static double integrate(double std, double t) {
        int n = 2_000_000;
        double lo = -12 * std, h = 24 * std / n, sum = 0;
        for (int i = 0; i < n; i++) {
            double z = lo + (i + 0.5) * h;
            if (SigmoidMath.sigmoidPrime(z) < t) sum += Normal.density(z, 0, std) * h;
        }
        return sum;
    }

    @ParameterizedTest
    @CsvSource({"22.3830292,0.01", "1.2247449,0.01", "1.2247449,0.1", "5,0.2", "22.3830292,0.001"})
    void analyticSaturatedFractionMatchesNumericIntegration(double std, double t) {
        // The midpoint rule cuts the boundary bins: its own error is about h × density ≈ 5e-6.
        assertEquals(integrate(std, t), SigmoidMath.saturatedFraction(0, std, t), 1e-5);
    }

    @Test
    void boundaryIsWhereSigmaPrimeEqualsT() {
        for (double t : new double[] {0.001, 0.01, 0.1, 0.2, 0.2499}) {
            assertEquals(t, SigmoidMath.sigmoidPrime(SigmoidMath.saturationBoundary(t)), 1e-12);
        }
        assertEquals(1.0, SigmoidMath.saturatedFraction(0, 1, 0.3), "σ' never exceeds 1/4");
        assertEquals(0.0, SigmoidMath.saturatedFraction(0, 1, 0));
    }

    @Test
    void meanSigmaPrimeOfAPointMassAndOfNormals() {
        assertEquals(0.25, SigmoidMath.meanSigmoidPrime(0, 0), 1e-15);
        // E[σ'(z)] for z ~ N(0, s) shrinks like 1/(s√(2π)) for large s (σ' integrates to 1).
        assertEquals(1 / (100 * Math.sqrt(2 * Math.PI)), SigmoidMath.meanSigmoidPrime(0, 100), 1e-5);
        assertEquals(0.5 * (1 - 0.5), SigmoidMath.sigmoidPrime(0), 0);
        assertEquals(0.9772498680518208, Normal.cdf(2), 2e-7);
    }

    /**
     * E[σ'(z)] against references computed to 17 digits with mpmath (adaptive quadrature at 40 digits, split at
     * σ'’s bump): narrow and wide z, off-centre, and zlab's σ_w = 100 (σ_z = √(500·100² + 1)), where a grid even in z
     * gave 3.32e-4. Far out (mean 100, std 1) σ' is e^−z to 1e-43 and the exact value is e^−99.5.
     */
    @Test
    void meanSigmaPrimeIsRightForAnyWidth() {
        double[][] cases = {
            {0, Math.sqrt(500 * 100.0 * 100 + 1), 1.7841233507876602e-4},
            {0, 100 * Math.sqrt(501), 1.7823420785738377e-4},
            {0, 0.01, 0.24999375031247787},
            {0, 1, 0.20662096414190704},
            {0, 10, 0.039259560109364077},
            {0, 100, 0.0039887667968355803},
            {0, 1e4, 3.9894227383909543e-5},
            {0, 1e6, 3.9894228040077644e-7},
            {3, 2, 0.077907788070787053},
            {-7, 0.5, 0.0010305627068890722},
            {40, 30, 0.0054747168305465195},
            {100, 1, Math.exp(-99.5)},
        };
        for (double[] c : cases) {
            double got = SigmoidMath.meanSigmoidPrime(c[0], c[1]);
            assertEquals(c[2], got, 1e-12 * c[2], "mean " + c[0] + ", std " + c[1]);
        }
        assertEquals(
                1.7841233507876602e-4,
                new ZStats(new ZSpec(784, 500, new CustomNormalInit(100), 30, 1, 1000, 1), new float[0], 0, 0, 0, 0.01)
                        .analyticMeanSigmaPrime(),
                1e-15);
    }
}
