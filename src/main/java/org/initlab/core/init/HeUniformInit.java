package org.initlab.core.init;

/** He et al.'s uniform variant. */
public final class HeUniformInit extends UniformInit {
    @Override
    public String id() {
        return "he-uniform";
    }

    @Override
    public String displayName() {
        return "He / Kaiming uniform";
    }

    @Override
    public String formula() {
        return "U(±√(6/n_in))";
    }

    @Override
    public double limit(int fanIn, int fanOut) {
        return Math.sqrt(6.0 / fanIn);
    }
}
