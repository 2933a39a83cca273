package org.initlab.theory;

import org.initlab.math.SigmoidMath;

/**
 * Monte-Carlo z values drawn so far ({@code z[0..sampled)}) with their summary against the analytic
 * normal, and the saturation numbers for a threshold t on σ'(z).
 */
public record ZStats(ZSpec spec, float[] z, int sampled, double mean, double std, double threshold) {
    public static ZStats of(ZSpec spec, float[] z, int sampled, double threshold) {
        double sum = 0, sq = 0;
        for (int i = 0; i < sampled; i++) {
            sum += z[i];
            sq += (double) z[i] * z[i];
        }
        double mean = sampled == 0 ? Double.NaN : sum / sampled;
        double var = sampled < 2 ? 0 : (sq - sampled * mean * mean) / (sampled - 1);
        return new ZStats(spec, z, sampled, mean, Math.sqrt(Math.max(0, var)), threshold);
    }

    public boolean complete() {
        return sampled == spec.samples();
    }

    public double analyticStd() {
        return spec.analyticStd();
    }

    public double analyticSaturatedFraction() {
        return SigmoidMath.saturatedFraction(0, analyticStd(), threshold);
    }

    public double empiricalSaturatedFraction() {
        double c = SigmoidMath.saturationBoundary(threshold);
        long n = 0;
        for (int i = 0; i < sampled; i++) if (Math.abs(z[i]) > c) n++;
        return sampled == 0 ? Double.NaN : (double) n / sampled;
    }

    public double analyticMeanSigmaPrime() {
        return SigmoidMath.meanSigmoidPrime(0, analyticStd());
    }

    public double empiricalMeanSigmaPrime() {
        double sum = 0;
        for (int i = 0; i < sampled; i++) sum += SigmoidMath.sigmoidPrime(z[i]);
        return sampled == 0 ? Double.NaN : sum / sampled;
    }

    public Histogram histogram(double min, double max, int bins) {
        Histogram h = new Histogram(min, max, bins);
        for (int i = 0; i < sampled; i++) h.add(z[i]);
        return h;
    }
}
