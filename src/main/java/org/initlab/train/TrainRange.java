package org.initlab.train;

/**
 * The training images a run learns from: {@code count} images of the training file starting at image
 * {@code first} (0-based). The reference is TensorFlow's {@code read_data_sets} train split, images
 * 5,000–59,999 (TensorFlow keeps the first 5,000 for its validation set); the validation mode trains on the
 * first 50,000 and evaluates on the last 10,000. Recorded in every run file and CSV.
 */
public record TrainRange(int first, int count) {
    /** Images TensorFlow's {@code read_data_sets} holds back, from the start of the training file, for validation. */
    public static final int TF_VALIDATION_SIZE = 5_000;
    /** The reference's train split: 55,000 images. */
    public static final int TF_TRAIN_SIZE = 55_000;
    /** Nielsen's validation split: the last 10,000 training images. */
    public static final int VALIDATION_SIZE = 10_000;

    public TrainRange {
        if (first < 0 || count < 1 || (long) first + count > Integer.MAX_VALUE)
            throw new IllegalArgumentException("bad train range " + first + " + " + count);
    }

    /**
     * The range for a training file of {@code trainImages} images. {@link EvalSplit#TEST}: TensorFlow's split,
     * skipping the first 5,000 images and taking up to 55,000 (a file of 5,000 images or fewer is used whole).
     * {@link EvalSplit#VALIDATION}: all but the last 10,000.
     */
    public static TrainRange of(int trainImages, EvalSplit split) {
        if (split == EvalSplit.TEST) {
            if (trainImages <= TF_VALIDATION_SIZE) return new TrainRange(0, trainImages);
            return new TrainRange(TF_VALIDATION_SIZE, Math.min(TF_TRAIN_SIZE, trainImages - TF_VALIDATION_SIZE));
        }
        if (trainImages <= VALIDATION_SIZE)
            throw new IllegalArgumentException("the training set is too small for a 10,000-image validation split");
        return new TrainRange(0, trainImages - VALIDATION_SIZE);
    }

    /** One past the last image. */
    public int end() {
        return first + count;
    }
}
