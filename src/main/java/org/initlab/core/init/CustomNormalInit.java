package org.initlab.core.init;

import org.initlab.format.Message;
import org.initlab.format.MessageException;
import org.initlab.format.Numbers;

/** N(0, σ) with a σ the user chose; id {@code custom:SIGMA}. */
public final class CustomNormalInit extends GaussianInit {
    public static final String PREFIX = "custom:";
    private final double sigma;

    public CustomNormalInit(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma) || sigma > 1e6) {
            throw new MessageException(Message.of(
                    "scheme.customRange", "custom σ must be a number from 0 to 1e6, got {0}", Double.toString(sigma)));
        }
        this.sigma = sigma;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public String id() {
        return PREFIX + Numbers.whole(sigma);
    }

    @Override
    public String displayName() {
        return "Custom normal σ = " + Numbers.whole(sigma);
    }

    @Override
    public String formula() {
        return "N(0, " + Numbers.whole(sigma) + ")";
    }

    @Override
    public double std(int fanIn, int fanOut) {
        return sigma;
    }
}
