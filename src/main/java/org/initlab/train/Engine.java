package org.initlab.train;

import java.util.Locale;
import org.initlab.core.Mlp;

/**
 * Which implementation runs the SGD step. {@link #JAVA} is the default hot path (sparse input, plain
 * arrays, JIT-vectorized rows); {@link #ND4J} is the reference implementation built from ND4J ops. The
 * differential tests prove they compute the same thing.
 */
public enum Engine {
    JAVA("java"),
    ND4J("nd4j");

    private final String id;

    Engine(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public SgdStep create(Mlp network, TrainingSet data, TrainingConfig config) {
        return switch (this) {
            case JAVA -> new JavaSgdStep(network, data, config);
            case ND4J -> new Nd4jSgdStep(network, data, config);
        };
    }

    public static Engine parse(String text) {
        for (Engine e : values()) if (e.id.equals(text.strip().toLowerCase(Locale.ROOT))) return e;
        throw new IllegalArgumentException("engine '" + text + "' is not one of java, nd4j");
    }
}
