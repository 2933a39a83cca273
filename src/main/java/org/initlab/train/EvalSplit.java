package org.initlab.train;

import java.util.Locale;

/** Where accuracy is measured: the 10,000 test images, or the last 10,000 training images (training then uses the first 50,000). */
public enum EvalSplit {
    TEST("test"),
    VALIDATION("validation");

    private final String id;

    EvalSplit(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static EvalSplit parse(String text) {
        for (EvalSplit s : values()) if (s.id.equals(text.strip().toLowerCase(Locale.ROOT))) return s;
        throw new IllegalArgumentException("evaluation split '" + text + "' is not one of test, validation");
    }
}
