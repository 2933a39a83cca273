package org.initlab.sweep;

import java.util.random.RandomGenerator;
import org.initlab.core.init.WeightInit;
import org.initlab.format.Numbers;

/**
 * A scheme in the depth theory's mean-field parametrization: every layer's weights drawn by the scheme,
 * then multiplied so that one weight has variance σ_w²/n_in (its standard deviation √(σ_w²/n_in) instead
 * of the scheme's {@link WeightInit#std}); the distribution's shape (normal, uniform, orthogonal) is the
 * scheme's. Its id is {@code base^sw2=V}, so its weights come from a stream of their own.
 */
public final class VarianceInit implements WeightInit {
    private final WeightInit base;
    private final double sigmaW2;

    public VarianceInit(WeightInit base, double sigmaW2) {
        if (!(sigmaW2 > 0) || Double.isInfinite(sigmaW2))
            throw new IllegalArgumentException("σ_w² must be above 0, got " + sigmaW2);
        this.base = base;
        this.sigmaW2 = sigmaW2;
    }

    public WeightInit base() {
        return base;
    }

    public double sigmaW2() {
        return sigmaW2;
    }

    @Override
    public String id() {
        return base.id() + "^sw2=" + Numbers.whole(sigmaW2);
    }

    @Override
    public String displayName() {
        return base.displayName() + ", σ_w² = " + Numbers.whole(sigmaW2);
    }

    @Override
    public String formula() {
        return "Var w = " + Numbers.whole(sigmaW2) + "/n_in (" + base.id() + "'s shape)";
    }

    @Override
    public double std(int fanIn, int fanOut) {
        return Math.sqrt(sigmaW2 / fanIn);
    }

    @Override
    public void fill(float[] weights, int fanIn, int fanOut, RandomGenerator rng) {
        double baseStd = base.std(fanIn, fanOut);
        if (!(baseStd > 0))
            throw new IllegalStateException(base.id() + " draws no random weights, so σ_w² cannot set their variance");
        base.fill(weights, fanIn, fanOut, rng);
        float s = (float) (Math.sqrt(sigmaW2 / fanIn) / baseStd);
        for (int i = 0; i < weights.length; i++) weights[i] *= s;
    }

    @Override
    public String toString() {
        return id();
    }
}
