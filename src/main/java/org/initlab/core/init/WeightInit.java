package org.initlab.core.init;

import java.util.random.RandomGenerator;

/**
 * How a layer's weights are drawn. Each scheme is one small class with a stable {@link #id()} (used on
 * the command line, in presets and CSV files), a name in words and its formula.
 */
public interface WeightInit {
    String id();

    /** Name in words for people, e.g. "Standard normal". */
    String displayName();

    /** The distribution as a formula, e.g. "N(0, 1/√n_in)". */
    String formula();

    /** Standard deviation of one weight of a layer with these fan-in / fan-out (0 for zeros). */
    double std(int fanIn, int fanOut);

    /** Fills {@code weights} (length fanIn·fanOut) with independent draws. */
    void fill(float[] weights, int fanIn, int fanOut, RandomGenerator rng);

    /** "Label: formula", the way the lab shows a scheme. */
    default String label() {
        return id() + " — " + formula();
    }
}
