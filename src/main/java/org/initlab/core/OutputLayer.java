package org.initlab.core;

import java.util.Locale;

/** The output layer's activation: sigmoid per unit (the reference) or softmax over the classes. */
public enum OutputLayer {
    SIGMOID("sigmoid"),
    SOFTMAX("softmax");

    private final String id;

    OutputLayer(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static OutputLayer parse(String text) {
        for (OutputLayer o : values()) if (o.id.equals(text.strip().toLowerCase(Locale.ROOT))) return o;
        throw new IllegalArgumentException("output '" + text + "' is not one of sigmoid, softmax");
    }
}
