package org.initlab.theory;

import org.initlab.core.init.WeightInit;

/**
 * The 500-ones thought experiment: a neuron with {@code inputs} inputs of which {@code ones} are 1 and
 * the rest 0, weights from {@code weights} (fan-in = inputs, fan-out = {@code fanOut}), bias N(0, σ_b).
 */
public record ZSpec(int inputs, int ones, WeightInit weights, int fanOut, double biasSigma, int samples, long seed) {
    public static final int MAX_INPUTS = 1_000_000;
    public static final int MAX_SAMPLES = 1_000_000;
    /** Weight draws (sampled neurons × inputs equal to 1) one sampling may ask for: about a minute of work here. */
    public static final long MAX_DRAWS = 1_000_000_000L;

    public ZSpec {
        if (inputs < 1 || inputs > MAX_INPUTS) throw new IllegalArgumentException("inputs must be 1 to " + MAX_INPUTS + ", got " + inputs);
        if (ones < 0 || ones > inputs) throw new IllegalArgumentException("ones must be 0 to the number of inputs (" + inputs + "), got " + ones);
        if (fanOut < 1) throw new IllegalArgumentException("fan-out must be at least 1");
        if (!(biasSigma >= 0) || !Double.isFinite(biasSigma) || biasSigma > 1e6) throw new IllegalArgumentException("bias σ must be 0 to 1e6, got " + biasSigma);
        if (samples < 1 || samples > MAX_SAMPLES) throw new IllegalArgumentException("samples must be 1 to " + MAX_SAMPLES + ", got " + samples);
        if ((long) samples * Math.max(1, ones) > 2_000_000_000_000L) throw new IllegalArgumentException("too many draws");
    }

    /** σ_w of one weight under this scheme. */
    public double weightSigma() {
        return weights.std(inputs, fanOut);
    }

    /** σ_z = √(k·σ_w² + σ_b²): the variance of a sum of independent terms is the sum of their variances. */
    public double analyticStd() {
        double sw = weightSigma();
        return Math.sqrt(ones * sw * sw + biasSigma * biasSigma);
    }
}
