package org.initlab.core.init;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;

/** A weight initializer together with its bias rule: what one curve on the accuracy chart compares. */
public record InitScheme(WeightInit weights, BiasInit biases) {
    public InitScheme {
        Objects.requireNonNull(weights);
        Objects.requireNonNull(biases);
    }

    public static InitScheme of(WeightInit weights) {
        return new InitScheme(weights, BiasInit.STANDARD_NORMAL);
    }

    /** The weight scheme's id, with the bias rule appended when it is not the reference's N(0, 1). */
    public String id() {
        return biases.equals(BiasInit.STANDARD_NORMAL) ? weights.id() : weights.id() + "+b=" + biases.id();
    }

    /** A network of shape {@code spec} initialized with this scheme, every layer drawn from {@code rng} in layer order. */
    public Mlp initialize(NetworkSpec spec, RandomGenerator rng) {
        Mlp net = new Mlp(spec);
        for (int l = 0; l < spec.layers(); l++) {
            weights.fill(net.weights(l), spec.size(l), spec.size(l + 1), rng);
            biases.fill(net.biases(l), rng);
        }
        return net;
    }

    public String label() {
        return weights.displayName() + "  " + weights.formula();
    }
}
