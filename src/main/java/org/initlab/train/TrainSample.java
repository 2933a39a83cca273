package org.initlab.train;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.initlab.data.LabeledImages;

/**
 * The training images a step point measures its training accuracy on: {@link #SIZE} images spread evenly over
 * the training range (fixed, seed-independent), as large as the test set so the two accuracies are read alike.
 * Built once per training set and kept while its images live.
 */
public final class TrainSample {
    public static final int SIZE = 10_000;
    private static final Map<LabeledImages, Map<Integer, Nd4jEvaluator>> CACHE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private TrainSample() {}

    /** The evaluator of the sample of {@code data}'s training range. */
    public static Nd4jEvaluator of(TrainingSet data) {
        synchronized (CACHE) {
            Map<Integer, Nd4jEvaluator> byFirst = CACHE.computeIfAbsent(data.images(), k -> new java.util.HashMap<>());
            int key = data.first() * 31 + data.count();
            return byFirst.computeIfAbsent(key, k -> {
                int[] rows = Nd4jEvaluator.evenlySpaced(data.count(), SIZE);
                for (int r = 0; r < rows.length; r++) rows[r] += data.first();
                return new Nd4jEvaluator(data.images(), rows);
            });
        }
    }
}
