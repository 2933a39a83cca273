package org.initlab.train;

import org.initlab.data.Dataset;
import org.initlab.data.LabeledImages;

/**
 * The examples a run trains on ({@code images[0..count)}) and the set it is evaluated on. The reference
 * trains on the first 55,000 training images and evaluates on the 10,000 test images; the validation
 * mode trains on the first 50,000 and evaluates on the last 10,000 training images.
 */
public record TrainingSet(LabeledImages images, int count, LabeledImages evaluation, EvalSplit split) {
    public static final int VALIDATION_SIZE = 10_000;

    public static TrainingSet of(Dataset dataset, EvalSplit split) {
        LabeledImages train = dataset.train();
        if (split == EvalSplit.TEST) {
            return new TrainingSet(train, Math.min(Dataset.REFERENCE_TRAIN_SPLIT, train.count()), dataset.test(), split);
        }
        if (train.count() <= VALIDATION_SIZE) throw new IllegalArgumentException("the training set is too small for a 10,000-image validation split");
        int cut = train.count() - VALIDATION_SIZE;
        return new TrainingSet(train, cut, train.slice(cut, train.count()), split);
    }

    public int inputs() {
        return images.pixelsPerImage();
    }
}
