package org.initlab.core.init;

/** Glorot and Bengio (2010): balances the variance of activations and of gradients. */
public final class XavierNormalInit extends GaussianInit {
    @Override
    public String id() {
        return "xavier";
    }

    @Override
    public String displayName() {
        return "Xavier / Glorot normal";
    }

    @Override
    public String formula() {
        return "N(0, √(2/(n_in+n_out)))";
    }

    @Override
    public double std(int fanIn, int fanOut) {
        return Math.sqrt(2.0 / (fanIn + fanOut));
    }
}
