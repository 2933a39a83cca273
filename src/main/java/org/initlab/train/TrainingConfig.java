package org.initlab.train;

import java.util.List;
import java.util.Objects;
import org.initlab.core.Limit;

/**
 * How to train: the optimizer's settings and the shape of an epoch. Defaults are the reference's:
 * η 3.0, mini-batches of 10, 5,000 mini-batches per epoch, 30 epochs, no regularization.
 *
 * @param probesPerEpoch within-epoch accuracy points on the fixed probe sample (0 = none)
 * @param probeSize      images in the probe sample, drawn once from the evaluation split
 * @param evalSteps      the steps (mini-batches since the start) after which the run measures its accuracy on
 *                       the whole evaluation set and a training sample ({@link StepPoint}); empty: none
 */
public record TrainingConfig(
        double eta,
        int batchSize,
        int batchesPerEpoch,
        int epochs,
        double lambda,
        EpochMode epochMode,
        EvalSplit evalSplit,
        int probesPerEpoch,
        int probeSize,
        Engine engine,
        List<Integer> evalSteps) {
    // The limits (the settings catalogue builds its parameters from them: one message everywhere).
    public static final Limit ETA_LIMIT = Limit.above("learning rate η", 0, 1e6);
    public static final Limit BATCH_LIMIT = Limit.whole("mini-batch size", 1, 60_000);
    public static final Limit BATCHES_PER_EPOCH_LIMIT = Limit.whole("mini-batches per epoch", 1, 10_000_000);
    public static final Limit EPOCHS_LIMIT = Limit.whole("epochs", 1, 10_000);
    public static final Limit LAMBDA_LIMIT = Limit.decimal("L2 λ", 0, 1e6);
    /** Within-epoch accuracy points, and the probe sample they use (not settings: the window's fixed choice). */
    public static final int PROBES_PER_EPOCH = 10, PROBE_SIZE = 1000;

    public TrainingConfig {
        ETA_LIMIT.require(eta);
        BATCH_LIMIT.require(batchSize);
        BATCHES_PER_EPOCH_LIMIT.require(batchesPerEpoch);
        EPOCHS_LIMIT.require(epochs);
        LAMBDA_LIMIT.require(lambda);
        if (probesPerEpoch < 0 || probesPerEpoch > 1000)
            throw new IllegalArgumentException("probes per epoch must be 0 to 1000");
        if (probeSize < 1 || probeSize > 10_000) throw new IllegalArgumentException("probe size must be 1 to 10000");
        Objects.requireNonNull(epochMode);
        Objects.requireNonNull(evalSplit);
        Objects.requireNonNull(engine);
        evalSteps = List.copyOf(evalSteps); // 0 (the settings' "none") and steps past the end are never reached
    }

    /** Without step evaluations. */
    public TrainingConfig(
            double eta,
            int batchSize,
            int batchesPerEpoch,
            int epochs,
            double lambda,
            EpochMode epochMode,
            EvalSplit evalSplit,
            int probesPerEpoch,
            int probeSize,
            Engine engine) {
        this(
                eta,
                batchSize,
                batchesPerEpoch,
                epochs,
                lambda,
                epochMode,
                evalSplit,
                probesPerEpoch,
                probeSize,
                engine,
                List.of());
    }

    /** The reference experiment's training: the settings' defaults are read from it. */
    public static TrainingConfig reference() {
        return new TrainingConfig(
                3.0, 10, 5000, 30, 0.0, EpochMode.BATCHES, EvalSplit.TEST, PROBES_PER_EPOCH, PROBE_SIZE, Engine.JAVA);
    }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(
                eta,
                batchSize,
                batchesPerEpoch,
                e,
                lambda,
                epochMode,
                evalSplit,
                probesPerEpoch,
                probeSize,
                engine,
                evalSteps);
    }

    public TrainingConfig withBatchesPerEpoch(int b) {
        return new TrainingConfig(
                eta, batchSize, b, epochs, lambda, epochMode, evalSplit, probesPerEpoch, probeSize, engine, evalSteps);
    }

    public TrainingConfig withEngine(Engine e) {
        return new TrainingConfig(
                eta,
                batchSize,
                batchesPerEpoch,
                epochs,
                lambda,
                epochMode,
                evalSplit,
                probesPerEpoch,
                probeSize,
                e,
                evalSteps);
    }

    public TrainingConfig withProbes(int perEpoch) {
        return new TrainingConfig(
                eta,
                batchSize,
                batchesPerEpoch,
                epochs,
                lambda,
                epochMode,
                evalSplit,
                perEpoch,
                probeSize,
                engine,
                evalSteps);
    }

    public TrainingConfig withEvalSteps(List<Integer> steps) {
        return new TrainingConfig(
                eta,
                batchSize,
                batchesPerEpoch,
                epochs,
                lambda,
                epochMode,
                evalSplit,
                probesPerEpoch,
                probeSize,
                engine,
                steps);
    }

    public TrainingConfig withEta(double e) {
        return new TrainingConfig(
                e,
                batchSize,
                batchesPerEpoch,
                epochs,
                lambda,
                epochMode,
                evalSplit,
                probesPerEpoch,
                probeSize,
                engine,
                evalSteps);
    }
}
