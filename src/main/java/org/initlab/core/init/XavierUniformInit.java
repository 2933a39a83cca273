package org.initlab.core.init;

/** Glorot and Bengio's uniform variant. */
public final class XavierUniformInit extends UniformInit {
    @Override
    public String id() {
        return "xavier-uniform";
    }

    @Override
    public String displayName() {
        return "Xavier / Glorot uniform";
    }

    @Override
    public String formula() {
        return "U(±√(6/(n_in+n_out)))";
    }

    @Override
    public double limit(int fanIn, int fanOut) {
        return Math.sqrt(6.0 / (fanIn + fanOut));
    }
}
