package org.initlab.train;

import java.util.Locale;

/**
 * What one epoch is: the reference's fixed number of mini-batches drawn from a reshuffled stream
 * (TensorFlow's {@code next_batch}), or one full pass over the training split without replacement.
 */
public enum EpochMode {
    BATCHES("batches"),
    PASS("pass");

    private final String id;

    EpochMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static EpochMode parse(String text) {
        for (EpochMode m : values()) if (m.id.equals(text.strip().toLowerCase(Locale.ROOT))) return m;
        throw new IllegalArgumentException("epoch mode '" + text + "' is not one of batches, pass");
    }
}
