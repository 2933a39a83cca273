package org.initlab.train;

import java.util.List;
import org.initlab.settings.LabParameters;

/**
 * How to train: the optimizer's settings and the shape of an epoch. Defaults are the reference's:
 * η 3.0, mini-batches of 10, 5,000 mini-batches per epoch, 30 epochs, no regularization.
 *
 * @param probesPerEpoch within-epoch accuracy points on the fixed probe sample (0 = none)
 * @param probeSize      images in the probe sample, drawn once from the evaluation split
 * @param evalSteps      the steps (mini-batches since the start) after which the run measures its accuracy on
 *                       the whole evaluation set and a training sample ({@link StepPoint}); empty: none
 */
public record TrainingConfig(double eta, int batchSize, int batchesPerEpoch, int epochs, double lambda,
                             EpochMode epochMode, EvalSplit evalSplit, int probesPerEpoch, int probeSize, Engine engine, List<Integer> evalSteps) {

    public TrainingConfig {
        // The limits and words of the settings (one table for the window, the command line and the files).
        LabParameters.ETA.require(eta);
        LabParameters.BATCH.require(batchSize);
        LabParameters.BATCHES_PER_EPOCH.require(batchesPerEpoch);
        LabParameters.EPOCHS.require(epochs);
        LabParameters.LAMBDA.require(lambda);
        if (probesPerEpoch < 0 || probesPerEpoch > 1000) throw new IllegalArgumentException("probes per epoch must be 0 to 1000");
        if (probeSize < 1 || probeSize > 10_000) throw new IllegalArgumentException("probe size must be 1 to 10000");
        java.util.Objects.requireNonNull(epochMode);
        java.util.Objects.requireNonNull(evalSplit);
        java.util.Objects.requireNonNull(engine);
        evalSteps = List.copyOf(evalSteps); // 0 (the settings' "none") and steps past the end are never reached
    }

    /** Without step evaluations. */
    public TrainingConfig(double eta, int batchSize, int batchesPerEpoch, int epochs, double lambda, EpochMode epochMode, EvalSplit evalSplit,
                          int probesPerEpoch, int probeSize, Engine engine) {
        this(eta, batchSize, batchesPerEpoch, epochs, lambda, epochMode, evalSplit, probesPerEpoch, probeSize, engine, List.of());
    }

    public static TrainingConfig reference() {
        return new TrainingConfig(LabParameters.ETA.defaultValue(), LabParameters.BATCH.defaultValue().intValue(),
                LabParameters.BATCHES_PER_EPOCH.defaultValue().intValue(), LabParameters.EPOCHS.defaultValue().intValue(), LabParameters.LAMBDA.defaultValue(),
                LabParameters.EPOCH_MODE.defaultValue(), LabParameters.EVAL.defaultValue(), 10, 1000, LabParameters.ENGINE.defaultValue());
    }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(eta, batchSize, batchesPerEpoch, e, lambda, epochMode, evalSplit, probesPerEpoch, probeSize, engine, evalSteps);
    }

    public TrainingConfig withBatchesPerEpoch(int b) {
        return new TrainingConfig(eta, batchSize, b, epochs, lambda, epochMode, evalSplit, probesPerEpoch, probeSize, engine, evalSteps);
    }

    public TrainingConfig withEngine(Engine e) {
        return new TrainingConfig(eta, batchSize, batchesPerEpoch, epochs, lambda, epochMode, evalSplit, probesPerEpoch, probeSize, e, evalSteps);
    }

    public TrainingConfig withProbes(int perEpoch) {
        return new TrainingConfig(eta, batchSize, batchesPerEpoch, epochs, lambda, epochMode, evalSplit, perEpoch, probeSize, engine, evalSteps);
    }

    public TrainingConfig withEvalSteps(List<Integer> steps) {
        return new TrainingConfig(eta, batchSize, batchesPerEpoch, epochs, lambda, epochMode, evalSplit, probesPerEpoch, probeSize, engine, steps);
    }

    public TrainingConfig withEta(double e) {
        return new TrainingConfig(e, batchSize, batchesPerEpoch, epochs, lambda, epochMode, evalSplit, probesPerEpoch, probeSize, engine, evalSteps);
    }
}
