package org.initlab.train;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.initlab.data.LabeledImages;

/**
 * The evaluators a comparison shares: the whole evaluation set (accuracy after each epoch) and the fixed
 * probe sample (within-epoch accuracy and the hidden layers' z). Built once per evaluation set and probe
 * size and kept while the images live, read by every run (the evaluators are thread-safe).
 */
public record Evaluation(Nd4jEvaluator full, Nd4jEvaluator probe) {
    /** Keyed by the images object; the evaluators hold copies, not the key, so an unused dataset is collected. */
    private static final Map<LabeledImages, Evaluation> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    public static Evaluation of(TrainingSet data, TrainingConfig config) {
        LabeledImages images = data.evaluation();
        int probeSize = Math.min(images.count(), config.probeSize());
        // One atomic step, like SparseImages.of; another probe size keeps the (larger) full-set evaluator.
        return CACHE.compute(
                images,
                (key, cached) -> cached != null && cached.probe().size() == probeSize
                        ? cached
                        : new Evaluation(
                                cached != null ? cached.full() : new Nd4jEvaluator(images, null),
                                new Nd4jEvaluator(images, Nd4jEvaluator.evenlySpaced(images.count(), probeSize))));
    }
}
