package org.initlab.train;

import org.initlab.data.Dataset;
import org.initlab.data.LabeledImages;

/**
 * The examples a run trains on ({@code images[range.first() .. range.end())}, indexed in the whole training
 * file so that its sparse form and caches are shared) and the set it is evaluated on. The reference trains on
 * TensorFlow's split, images 5,000–59,999, and evaluates on the 10,000 test images; the validation mode trains
 * on the first 50,000 and evaluates on the last 10,000 training images ({@link TrainRange}).
 */
public record TrainingSet(LabeledImages images, TrainRange range, LabeledImages evaluation, EvalSplit split) {
    public static final int VALIDATION_SIZE = TrainRange.VALIDATION_SIZE;

    public TrainingSet {
        if (range.end() > images.count())
            throw new IllegalArgumentException("train range " + range + " is beyond the " + images.count() + " images");
    }

    /** The first {@code count} images of {@code images}. */
    public TrainingSet(LabeledImages images, int count, LabeledImages evaluation, EvalSplit split) {
        this(images, new TrainRange(0, count), evaluation, split);
    }

    public static TrainingSet of(Dataset dataset, EvalSplit split) {
        LabeledImages train = dataset.train();
        TrainRange range = TrainRange.of(train.count(), split);
        if (split == EvalSplit.TEST) return new TrainingSet(train, range, dataset.test(), split);
        return new TrainingSet(train, range, train.slice(range.end(), train.count()), split);
    }

    /** Training examples. */
    public int count() {
        return range.count();
    }

    /** Index in {@link #images()} of the first training example. */
    public int first() {
        return range.first();
    }

    public int inputs() {
        return images.pixelsPerImage();
    }
}
