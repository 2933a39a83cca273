package org.initlab.core.init;

import java.util.random.RandomGenerator;

/** Weights uniform on (−limit, +limit); subclasses only say what the limit is. */
public abstract class UniformInit implements WeightInit {
    public abstract double limit(int fanIn, int fanOut);

    @Override
    public double std(int fanIn, int fanOut) {
        return limit(fanIn, fanOut) / Math.sqrt(3);
    }

    @Override
    public void fill(float[] weights, int fanIn, int fanOut, RandomGenerator rng) {
        double limit = limit(fanIn, fanOut);
        for (int i = 0; i < weights.length; i++) weights[i] = (float) ((2 * rng.nextDouble() - 1) * limit);
    }

    @Override
    public String toString() {
        return id();
    }
}
