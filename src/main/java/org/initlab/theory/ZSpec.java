package org.initlab.theory;

import org.initlab.core.Limit;
import org.initlab.core.init.WeightInit;

/**
 * The 500-ones thought experiment: a neuron with {@code inputs} inputs of which {@code ones} are 1 and
 * the rest 0, weights from {@code weights} (fan-in = inputs, fan-out = {@code fanOut}), bias N(0, σ_b).
 */
public record ZSpec(int inputs, int ones, WeightInit weights, int fanOut, double biasSigma, int samples, long seed) {
    // The limits (the settings catalogue builds the z view's fields and zlab's options from them).
    public static final Limit INPUTS_LIMIT = Limit.whole("inputs", 1, 1_000_000);
    /** At most the inputs too. */
    public static final Limit ONES_LIMIT = Limit.whole("inputs equal to 1", 0, 1_000_000);

    public static final Limit FAN_OUT_LIMIT = Limit.whole("fan-out", 1, 1_000_000);
    public static final Limit BIAS_SIGMA_LIMIT = Limit.decimal("bias σ", 0, 1e6);
    public static final Limit SAMPLES_LIMIT = Limit.whole("sampled neurons", 1, 1_000_000);
    /** Sampled neurons × inputs equal to 1 that the window and zlab let one sampling ask for (about 4 GB of work). */
    public static final long MAX_DRAWS = 1_000_000_000L;

    public ZSpec {
        INPUTS_LIMIT.require(inputs);
        if (ones < 0 || ones > inputs)
            throw new IllegalArgumentException("ones must be 0 to the number of inputs (" + inputs + "), got " + ones);
        FAN_OUT_LIMIT.require(fanOut);
        BIAS_SIGMA_LIMIT.require(biasSigma);
        SAMPLES_LIMIT.require(samples);
        if ((long) samples * Math.max(1, ones) > 2_000_000_000_000L)
            throw new IllegalArgumentException("too many draws");
    }

    /** Whether {@code samples × ones} weight draws are within {@link #MAX_DRAWS}; each front end words the refusal. */
    public static boolean withinDraws(long samples, long ones) {
        return samples * ones <= MAX_DRAWS;
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
