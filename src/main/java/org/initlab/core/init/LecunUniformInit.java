package org.initlab.core.init;

/** Uniform with the variance of LeCun normal, 1/n_in. */
public final class LecunUniformInit extends UniformInit {
    @Override
    public String id() {
        return "lecun-uniform";
    }

    @Override
    public String displayName() {
        return "LeCun uniform";
    }

    @Override
    public String formula() {
        return "U(±√(3/n_in))";
    }

    @Override
    public double limit(int fanIn, int fanOut) {
        return Math.sqrt(3.0 / fanIn);
    }
}
