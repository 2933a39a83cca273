package org.initlab.train;

/**
 * The evaluators a comparison shares: the whole evaluation set (accuracy after each epoch) and the fixed
 * probe sample (within-epoch accuracy and the hidden layers' z). Built once, read by every run.
 */
public record Evaluation(Nd4jEvaluator full, Nd4jEvaluator probe) {
    public static Evaluation of(TrainingSet data, TrainingConfig config) {
        Nd4jEvaluator full = new Nd4jEvaluator(data.evaluation(), null);
        int[] rows = Nd4jEvaluator.evenlySpaced(data.evaluation().count(), config.probeSize());
        return new Evaluation(full, new Nd4jEvaluator(data.evaluation(), rows));
    }
}
