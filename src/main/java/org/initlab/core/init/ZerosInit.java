package org.initlab.core.init;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** All weights 0: the symmetry trap. Every hidden unit computes the same thing and stays identical. */
public final class ZerosInit implements WeightInit {
    @Override
    public String id() {
        return "zeros";
    }

    @Override
    public String displayName() {
        return "Zeros (symmetry trap)";
    }

    @Override
    public String formula() {
        return "w = 0";
    }

    @Override
    public double std(int fanIn, int fanOut) {
        return 0;
    }

    @Override
    public void fill(float[] weights, int fanIn, int fanOut, RandomGenerator rng) {
        Arrays.fill(weights, 0f);
    }

    @Override
    public String toString() {
        return id();
    }
}
