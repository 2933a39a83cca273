package org.initlab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
