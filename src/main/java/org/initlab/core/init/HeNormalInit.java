package org.initlab.core.init;

/** He et al. (2015): doubles LeCun's variance because ReLU zeroes half the inputs. */
public final class HeNormalInit extends GaussianInit {
    @Override
    public String id() {
        return "he";
    }

    @Override
    public String displayName() {
        return "He / Kaiming normal";
    }

    @Override
    public String formula() {
        return "N(0, √(2/n_in))";
    }

    @Override
    public double std(int fanIn, int fanOut) {
        return Math.sqrt(2.0 / fanIn);
    }
}
