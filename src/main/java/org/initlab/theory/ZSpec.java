package org.initlab.theory;

import org.initlab.core.init.WeightInit;
import org.initlab.settings.LabParameters;

/**
 * The 500-ones thought experiment: a neuron with {@code inputs} inputs of which {@code ones} are 1 and
 * the rest 0, weights from {@code weights} (fan-in = inputs, fan-out = {@code fanOut}), bias N(0, σ_b).
 */
public record ZSpec(int inputs, int ones, WeightInit weights, int fanOut, double biasSigma, int samples, long seed) {

    public ZSpec {
        LabParameters.Z_INPUTS.require(inputs);
        if (ones < 0 || ones > inputs) throw new IllegalArgumentException("ones must be 0 to the number of inputs (" + inputs + "), got " + ones);
        LabParameters.Z_FAN_OUT.require(fanOut);
        LabParameters.Z_BIAS_SIGMA.require(biasSigma);
        LabParameters.Z_SAMPLES.require(samples);
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
