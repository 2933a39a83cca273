package org.initlab.core.init;

/** A weight initializer together with its bias rule: what one curve on the accuracy chart compares. */
public record InitScheme(WeightInit weights, BiasInit biases) {
    public InitScheme {
        java.util.Objects.requireNonNull(weights);
        java.util.Objects.requireNonNull(biases);
    }

    public static InitScheme of(WeightInit weights) {
        return new InitScheme(weights, BiasInit.STANDARD_NORMAL);
    }

    /** The weight scheme's id, with the bias rule appended when it is not the reference's N(0, 1). */
    public String id() {
        return biases.equals(BiasInit.STANDARD_NORMAL) ? weights.id() : weights.id() + "+b=" + biases.id();
    }

    public String label() {
        return weights.displayName() + "  " + weights.formula();
    }
}
