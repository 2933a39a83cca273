package org.initlab.core.init;

import java.util.random.RandomGenerator;

/** Zero-mean normal weights; subclasses only say what the standard deviation is. */
public abstract class GaussianInit implements WeightInit {
    @Override
    public void fill(float[] weights, int fanIn, int fanOut, RandomGenerator rng) {
        double std = std(fanIn, fanOut);
        for (int i = 0; i < weights.length; i++) weights[i] = (float) (rng.nextGaussian() * std);
    }

    @Override
    public String toString() {
        return id();
    }
}
