package org.initlab.core.init;

/** N(0, 1/√n_in): Nielsen's "new" initialization, identical to LeCun normal; keeps Var(z) near 1. */
public final class LecunNormalInit extends GaussianInit {
    @Override
    public String id() {
        return "lecun";
    }

    @Override
    public String displayName() {
        return "LeCun normal (Nielsen's new)";
    }

    @Override
    public String formula() {
        return "N(0, 1/√n_in)";
    }

    @Override
    public double std(int fanIn, int fanOut) {
        return 1.0 / Math.sqrt(fanIn);
    }
}
