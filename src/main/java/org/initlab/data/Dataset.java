package org.initlab.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * A loaded dataset: the full training set, the test set, where it came from, and whether its files
 * matched a checksum manifest. {@code checksums} maps plain file names to their SHA-256.
 */
public record Dataset(
        String name,
        Path directory,
        LabeledImages train,
        LabeledImages test,
        boolean verified,
        Map<String, String> checksums) {

    public int inputSize() {
        return train.pixelsPerImage();
    }

    public int classes() {
        return train.classes();
    }
}
