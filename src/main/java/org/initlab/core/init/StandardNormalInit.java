package org.initlab.core.init;

/** Every weight N(0, 1): the reference's "old" initialization, which saturates wide layers. */
public final class StandardNormalInit extends GaussianInit {
    @Override
    public String id() {
        return "standard";
    }

    @Override
    public String displayName() {
        return "Standard normal";
    }

    @Override
    public String formula() {
        return "N(0, 1)";
    }

    @Override
    public double std(int fanIn, int fanOut) {
        return 1.0;
    }
}
