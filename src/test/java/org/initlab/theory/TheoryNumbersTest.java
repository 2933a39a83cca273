package org.initlab.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.init.InitCatalog;
import org.initlab.math.Normal;
import org.initlab.math.SigmoidMath;
import org.initlab.settings.LabParameters;
import org.junit.jupiter.api.Test;

/** The theory panel's numbers against tabulated values, closed forms and independent quadratures. */
class TheoryNumbersTest {
    /** Simpson's rule of the N(mean, std) density times g over ±12 std, 200,000 intervals: a reference. */
    private static double expect(java.util.function.DoubleUnaryOperator g, double mean, double std) {
        int n = 200_000;
        double lo = mean - 12 * std, h = 24 * std / n, sum = 0;
        for (int i = 0; i <= n; i++) {
            double z = lo + i * h;
            double d = Math.exp(-0.5 * Math.pow((z - mean) / std, 2)) / (std * Math.sqrt(2 * Math.PI));
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * g.applyAsDouble(z) * d;
        }
        return sum * h / 3;
    }

    @Test
    void normalDensityAndCdfAgainstTables() {
        assertEquals(1 / Math.sqrt(2 * Math.PI), Normal.density(0, 0, 1), 1e-15);
        assertEquals(Math.exp(-0.5) / (2 * Math.sqrt(2 * Math.PI)), Normal.density(3, 1, 2), 1e-15);
        assertEquals(Math.exp(-0.5) / (2 * Math.sqrt(2 * Math.PI)), Normal.density(-1, 1, 2), 1e-15);
        // Φ from tables (Abramowitz & Stegun 26.2), erfc from its series.
        assertEquals(0.5, Normal.cdf(0), 1e-7);
        assertEquals(0.8413447460685429, Normal.cdf(1), 2e-7);
        assertEquals(0.15865525393145707, Normal.cdf(-1), 2e-7);
        assertEquals(0.024997895148220435, Normal.cdf(-1.96), 1e-8);
        assertEquals(0.9986501019683699, Normal.cdf(3), 2e-7);
        assertEquals(0.4795001221869535, Normal.erfc(0.5), 1.2e-7 * 0.48);
        assertEquals(1.5204998778130465, Normal.erfc(-0.5), 1.2e-7 * 1.52);
        assertEquals(2.209049699858544e-5, Normal.erfc(3), 1.2e-7 * 2.2e-5);
        assertEquals(1.0, Normal.erfc(0), 1.2e-7);
    }

    @Test
    void sigmoidAndItsDerivative() {
        assertEquals(0.5, SigmoidMath.sigmoid(0), 0);
        assertEquals(1 / (1 + Math.exp(-2)), SigmoidMath.sigmoid(2), 1e-16);
        assertEquals(Math.exp(-3) / Math.pow(1 + Math.exp(-3), 2), SigmoidMath.sigmoidPrime(3), 1e-15);
        assertEquals(0.25, SigmoidMath.sigmoidPrime(0), 0);
    }

    @Test
    void saturationBoundaryByBisection() {
        for (double t : new double[] {1e-6, 0.001, 0.01, 0.1, 0.2, 0.2499}) {
            double lo = 0, hi = 40; // σ' falls from 1/4 at 0: find σ'(z) = t
            for (int i = 0; i < 200; i++) {
                double mid = (lo + hi) / 2;
                if (SigmoidMath.sigmoidPrime(mid) > t) lo = mid;
                else hi = mid;
            }
            assertEquals(lo, SigmoidMath.saturationBoundary(t), 1e-9 * Math.max(1, lo), "t = " + t);
        }
        assertEquals(Double.POSITIVE_INFINITY, SigmoidMath.saturationBoundary(-0.1));
        assertEquals(Double.POSITIVE_INFINITY, SigmoidMath.saturationBoundary(0));
        assertEquals(0, SigmoidMath.saturationBoundary(0.25000001));
        assertEquals(0, SigmoidMath.saturationBoundary(1));
    }

    @Test
    void saturatedFractionOfANormal() {
        for (double[] c : new double[][] {{0, 1, 0.1}, {0.7, 2, 0.05}, {-1.5, 0.5, 0.2}, {3, 4, 0.01}}) {
            double mean = c[0], std = c[1], t = c[2];
            double want = expect(z -> SigmoidMath.sigmoidPrime(z) < t ? 1 : 0, mean, std);
            assertEquals(
                    want,
                    SigmoidMath.saturatedFraction(mean, std, t),
                    2e-4,
                    "mean " + mean + " std " + std + " t " + t);
        }
        double c = SigmoidMath.saturationBoundary(0.1);
        assertEquals(1, SigmoidMath.saturatedFraction(c + 0.01, 0, 0.1), "a point mass beyond the boundary");
        assertEquals(1, SigmoidMath.saturatedFraction(-c - 0.01, 0, 0.1));
        assertEquals(0, SigmoidMath.saturatedFraction(c - 0.01, 0, 0.1));
        assertEquals(1, SigmoidMath.saturatedFraction(0, 0, 0.3), "t above 1/4: everything");
        assertEquals(0, SigmoidMath.saturatedFraction(5, 1, 0), "t = 0: nothing");
    }

    @Test
    void meanSigmoidPrimeOfANormal() {
        for (double[] c : new double[][] {{0, 1}, {1, 0.5}, {-2, 3}, {0, 20}}) {
            double want = expect(SigmoidMath::sigmoidPrime, c[0], c[1]);
            assertEquals(want, SigmoidMath.meanSigmoidPrime(c[0], c[1]), 1e-9, "mean " + c[0] + " std " + c[1]);
        }
        assertEquals(SigmoidMath.sigmoidPrime(1.5), SigmoidMath.meanSigmoidPrime(1.5, 0), 0);
    }

    @Test
    void fractionsOverSamples() {
        float[] z = {0, 1, -3, 2.5f, -2.0f, 10};
        double c = SigmoidMath.saturationBoundary(0.1); // 2.063…
        assertTrue(c > 2.0 && c < 2.5);
        assertEquals(3 / 6.0, SigmoidMath.saturatedFraction(z, 0.1), 1e-15);
        assertTrue(Double.isNaN(SigmoidMath.saturatedFraction(new float[0], 0.1)));
        double sum = 0;
        for (float v : z) sum += Math.exp(-v) / Math.pow(1 + Math.exp(-v), 2);
        assertEquals(sum / 6, SigmoidMath.meanSigmoidPrime(z), 1e-15);
        assertTrue(Double.isNaN(SigmoidMath.meanSigmoidPrime(new float[0])));
        assertEquals(0, SigmoidMath.saturatedFraction(new float[] {2.0f, -2.0f}, 0.1));
    }

    @Test
    void histogramEdgesWidthsAndDensity() {
        Histogram h = new Histogram(2, 5, 3);
        assertEquals(3, h.bins());
        assertEquals(2, h.min());
        assertEquals(5, h.max());
        assertEquals(1, h.binWidth(), 1e-15);
        assertEquals(4, h.edge(2), 1e-15);
        assertEquals(5, h.edge(3), 1e-15);
        assertEquals(0, h.density(0), "no values yet");
        h.addAll(new float[] {2, 2.5f, 3, 4.999f, 5, 1.999f, Float.NaN, 4});
        assertEquals(2, h.count(0));
        assertEquals(1, h.count(1));
        assertEquals(2, h.count(2));
        assertEquals(1, h.overflow());
        assertEquals(2, h.underflow());
        assertEquals(8, h.total());
        assertEquals(2 / 8.0, h.density(2), 1e-15);
        Histogram one = new Histogram(-1, 1, 1);
        one.add(0.99999999);
        assertEquals(1, one.count(0));
        new Histogram(0, 1, 100_000);
        assertThrows(IllegalArgumentException.class, () -> new Histogram(0, 1, 100_001));
        assertThrows(IllegalArgumentException.class, () -> new Histogram(2, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new Histogram(Double.NEGATIVE_INFINITY, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new Histogram(Double.NaN, 1, 3));
    }

    private static ZSpec spec(int inputs, int ones, String scheme, double biasSigma, int samples) {
        return new ZSpec(inputs, ones, InitCatalog.byId(scheme), 30, biasSigma, samples, 1);
    }

    @Test
    void zSpecBoundsAndAnalyticSigma() {
        ZSpec s = spec(1000, 500, "xavier", 2, 100);
        assertEquals(Math.sqrt(2.0 / 1030), s.weightSigma(), 1e-15);
        assertEquals(Math.sqrt(500 * 2.0 / 1030 + 4), s.analyticStd(), 1e-12);
        spec(1, 0, "lecun", 0, 1);
        spec(
                LabParameters.Z_INPUTS.maxInt(),
                LabParameters.Z_INPUTS.maxInt(),
                "lecun",
                1e6,
                LabParameters.Z_SAMPLES.maxInt());
        spec(5, 5, "lecun", 0, 1);
        assertThrows(IllegalArgumentException.class, () -> spec(0, 0, "lecun", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> spec(LabParameters.Z_INPUTS.maxInt() + 1, 0, "lecun", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> spec(5, -1, "lecun", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> spec(5, 6, "lecun", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ZSpec(5, 1, InitCatalog.byId("lecun"), 0, 0, 1, 1));
        new ZSpec(5, 1, InitCatalog.byId("lecun"), 1, 0, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> spec(5, 1, "lecun", -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> spec(5, 1, "lecun", Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> spec(5, 1, "lecun", 1.1e6, 1));
        assertThrows(IllegalArgumentException.class, () -> spec(5, 1, "lecun", 0, 0));
        assertThrows(
                IllegalArgumentException.class, () -> spec(5, 1, "lecun", 0, LabParameters.Z_SAMPLES.maxInt() + 1));
    }

    @Test
    void zStatsOfKnownValues() {
        ZSpec s = spec(10, 4, "standard", 0, 5);
        float[] z = {1, 2, 3, 10, -99};
        ZStats st = ZStats.of(s, z, 4, 0.1);
        assertEquals(4, st.mean(), 1e-12);
        assertEquals(Math.sqrt((9 + 4 + 1 + 36) / 3.0), st.std(), 1e-12, "sample sd, n − 1");
        assertFalse(st.complete());
        assertTrue(ZStats.of(s, z, 5, 0.1).complete());
        assertEquals(2.0, st.analyticStd(), 1e-12);
        assertEquals(0.5, st.empiricalSaturatedFraction(), 1e-15, "3 and 10 are beyond 2.06; −99 is not sampled yet");
        double sp = 0;
        for (int i = 0; i < 4; i++) sp += SigmoidMath.sigmoidPrime(z[i]);
        assertEquals(sp / 4, st.empiricalMeanSigmaPrime(), 1e-15);
        assertEquals(SigmoidMath.saturatedFraction(0, 2, 0.1), st.analyticSaturatedFraction(), 1e-15);
        assertEquals(SigmoidMath.meanSigmoidPrime(0, 2), st.analyticMeanSigmaPrime(), 1e-15);
        Histogram h = st.histogram(0, 4, 4);
        assertEquals(4, h.total(), "only the sampled values");
        assertEquals(1, h.overflow());
        assertEquals(1, h.count(1));
        assertEquals(0.1, st.threshold());
        ZStats one = ZStats.of(s, z, 1, 0.1);
        assertEquals(1, one.mean());
        assertEquals(0, one.std(), "one value: no spread");
        ZStats none = ZStats.of(s, z, 0, 0.1);
        assertTrue(Double.isNaN(none.mean())
                && Double.isNaN(none.empiricalSaturatedFraction())
                && Double.isNaN(none.empiricalMeanSigmaPrime()));
        ZStats same = ZStats.of(s, new float[] {3, 3, 3}, 3, 0.1);
        assertEquals(0, same.std(), "equal values: 0, never NaN from a rounding below 0");
    }

    @Test
    void samplerBlocksBiasOnlyAndZeros() {
        List<Integer> seen = new ArrayList<>();
        ZStats s = ZSampler.sample(spec(1000, 500, "lecun", 1, 10_000), 0.01, () -> false, x -> seen.add(x.sampled()));
        // 2,000,000 draws / 500 per neuron = 4,000 first, then the rest (32,000,000 / 500 is more than is left).
        assertEquals(List.of(4000, 10_000), seen);
        assertEquals(Math.sqrt(1.5), s.std(), 0.04 * Math.sqrt(1.5));
        assertTrue(s.complete());
        ZStats bias = ZSampler.sample(spec(10, 0, "standard", 2, 20_000), 0.01, () -> false, x -> {});
        assertEquals(2.0, bias.std(), 0.04, "no inputs are 1: z is the bias alone");
        assertEquals(0, bias.mean(), 0.06);
        ZStats zeros = ZSampler.sample(spec(10, 5, "zeros", 0, 100), 0.01, () -> false, x -> {});
        for (int i = 0; i < 100; i++) assertEquals(0f, zeros.z()[i]);
        ZStats uni = ZSampler.sample(spec(100, 50, "uniform", 0, 20_000), 0.01, () -> false, x -> {});
        assertEquals(Math.sqrt(50 * 0.25 / 3), uni.std(), 0.03 * uni.analyticStd());
        ZStats cancelled = ZSampler.sample(spec(10, 5, "lecun", 1, 100), 0.01, () -> true, x -> {});
        assertEquals(0, cancelled.sampled());
        List<Integer> big = new ArrayList<>();
        ZSampler.sample(spec(20, 20, "lecun", 0, 200_000), 0.01, () -> false, x -> big.add(x.sampled()));
        assertEquals(List.of(100_000, 200_000), big, "2e6/20 first, then the remaining 100,000");
    }

    @Test
    void boundaryCasesThatAreNotSaturated() {
        // A value rounding onto the last bin's right edge (nextDown(max)·bins/(max − min) = bins in doubles) stays in
        // the last bin.
        double min = -7.312715117751976, max = 1.1617748178834137;
        Histogram h = new Histogram(min, max, 17);
        h.add(Math.nextDown(max));
        assertEquals(1, h.count(16));
        assertEquals(0, h.overflow());
        // σ'(z) = t exactly at the boundary: not below t, so not saturated (a point mass there, and a sample there).
        double t = 0.1, c = SigmoidMath.saturationBoundary(t);
        assertEquals(0, SigmoidMath.saturatedFraction(c, 0, t), "mean on the boundary, std 0");
        assertEquals(0, SigmoidMath.saturatedFraction(-c, 0, t));
        float zf = 0;
        double tf = 0;
        for (int k = 0; k < 5000 && tf == 0; k++) {
            float z0 = 1f + k * 0.0007f;
            double t0 = SigmoidMath.sigmoidPrime(z0);
            if (SigmoidMath.saturationBoundary(t0) == (double) z0) {
                zf = z0;
                tf = t0;
            }
        }
        assertTrue(tf > 0, "some float z has a t whose boundary is exactly z");
        assertEquals(
                0,
                SigmoidMath.saturatedFraction(new float[] {zf, -zf}, tf),
                "exactly on the boundary: |z| > c is false");
        ZSpec s = spec(10, 4, "standard", 0, 2);
        assertEquals(0, ZStats.of(s, new float[] {zf, -zf}, 2, tf).empiricalSaturatedFraction());
        // Two samples: the n − 1 formula already applies.
        ZStats two = ZStats.of(s, new float[] {1, 3}, 2, 0.1);
        assertEquals(Math.sqrt(2), two.std(), 1e-12);
    }
}
