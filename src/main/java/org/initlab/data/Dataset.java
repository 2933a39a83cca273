package org.initlab.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * A loaded dataset: the full training set, the test set, where it came from, and whether its files
 * matched a checksum manifest. {@code checksums} maps plain file names to their SHA-256.
 */
public record Dataset(String name, Path directory, LabeledImages train, LabeledImages test,
                      boolean verified, Map<String, String> checksums) {

    /**
     * The reference's train split: 55,000 training images from image {@link #REFERENCE_TRAIN_FIRST} on, as
     * TensorFlow's {@code read_data_sets} splits them (its first 5,000 are TensorFlow's validation set).
     */
    public static final int REFERENCE_TRAIN_SPLIT = 55_000;
    /** The first training image of the reference's train split (0-based): images 5,000–59,999 are trained on. */
    public static final int REFERENCE_TRAIN_FIRST = 5_000;

    public int inputSize() {
        return train.pixelsPerImage();
    }

    public int classes() {
        return train.classes();
    }
}
