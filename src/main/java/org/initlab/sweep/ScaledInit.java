package org.initlab.sweep;

import java.util.random.RandomGenerator;
import org.initlab.core.init.WeightInit;
import org.initlab.format.Numbers;

/**
 * A scheme with every weight multiplied by {@code scale}: its σ times the scale, the same shape. Its id is
 * {@code base*scale}, so its weights come from a stream of their own (Seeds.init of that id).
 */
public final class ScaledInit implements WeightInit {
    private final WeightInit base;
    private final double scale;

    public ScaledInit(WeightInit base, double scale) {
        if (!(scale > 0) || Double.isInfinite(scale))
            throw new IllegalArgumentException("weight scale must be above 0, got " + scale);
        this.base = base;
        this.scale = scale;
    }

    /** The scheme itself for a scale of 1 (so a sweep's scale-1 cells are exactly compare's runs), scaled otherwise. */
    public static WeightInit of(WeightInit base, double scale) {
        return scale == 1.0 ? base : new ScaledInit(base, scale);
    }

    public WeightInit base() {
        return base;
    }

    public double scale() {
        return scale;
    }

    @Override
    public String id() {
        return base.id() + "*" + Numbers.whole(scale);
    }

    @Override
    public String displayName() {
        return base.displayName() + " × " + Numbers.whole(scale);
    }

    @Override
    public String formula() {
        return Numbers.whole(scale) + " × " + base.formula();
    }

    @Override
    public double std(int fanIn, int fanOut) {
        return scale * base.std(fanIn, fanOut);
    }

    @Override
    public void fill(float[] weights, int fanIn, int fanOut, RandomGenerator rng) {
        base.fill(weights, fanIn, fanOut, rng);
        float s = (float) scale;
        for (int i = 0; i < weights.length; i++) weights[i] *= s;
    }

    @Override
    public String toString() {
        return id();
    }
}
