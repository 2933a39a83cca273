package org.initlab.train;

/**
 * How to train: the optimizer's settings and the shape of an epoch. Defaults are the reference's:
 * η 3.0, mini-batches of 10, 5,000 mini-batches per epoch, 30 epochs, no regularization.
 *
 * @param probesPerEpoch within-epoch accuracy points on the fixed probe sample (0 = none)
 * @param probeSize      images in the probe sample, drawn once from the evaluation split
 */
public record TrainingConfig(double eta, int batchSize, int batchesPerEpoch, int epochs, double lambda,
                             EpochMode epochMode, EvalSplit evalSplit, int probesPerEpoch, int probeSize, Engine engine) {
    public static final int MAX_EPOCHS = 10_000;
    public static final int MAX_BATCH = 60_000;
    public static final int MAX_BATCHES_PER_EPOCH = 10_000_000;

    public TrainingConfig {
        if (!(eta > 0) || !Double.isFinite(eta) || eta > 1e6) throw new IllegalArgumentException("η must be a number above 0 and at most 1e6, got " + eta);
        if (batchSize < 1 || batchSize > MAX_BATCH) throw new IllegalArgumentException("mini-batch size must be 1 to " + MAX_BATCH + ", got " + batchSize);
        if (batchesPerEpoch < 1 || batchesPerEpoch > MAX_BATCHES_PER_EPOCH) {
            throw new IllegalArgumentException("mini-batches per epoch must be 1 to " + MAX_BATCHES_PER_EPOCH + ", got " + batchesPerEpoch);
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) throw new IllegalArgumentException("epochs must be 1 to " + MAX_EPOCHS + ", got " + epochs);
        if (!(lambda >= 0) || !Double.isFinite(lambda) || lambda > 1e6) throw new IllegalArgumentException("λ must be a number from 0 to 1e6, got " + lambda);
        if (probesPerEpoch < 0 || probesPerEpoch > 1000) throw new IllegalArgumentException("probes per epoch must be 0 to 1000");
        if (probeSize < 1 || probeSize > 10_000) throw new IllegalArgumentException("probe size must be 1 to 10000");
        java.util.Objects.requireNonNull(epochMode);
        java.util.Objects.requireNonNull(evalSplit);
        java.util.Objects.requireNonNull(engine);
    }

    public static TrainingConfig reference() {
        return new TrainingConfig(3.0, 10, 5000, 30, 0.0, EpochMode.BATCHES, EvalSplit.TEST, 10, 1000, Engine.JAVA);
    }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(eta, batchSize, batchesPerEpoch, e, lambda, epochMode, evalSplit, probesPerEpoch, probeSize, engine);
    }

    public TrainingConfig withBatchesPerEpoch(int b) {
        return new TrainingConfig(eta, batchSize, b, epochs, lambda, epochMode, evalSplit, probesPerEpoch, probeSize, engine);
    }

    public TrainingConfig withEngine(Engine e) {
        return new TrainingConfig(eta, batchSize, batchesPerEpoch, epochs, lambda, epochMode, evalSplit, probesPerEpoch, probeSize, e);
    }

    public TrainingConfig withProbes(int perEpoch) {
        return new TrainingConfig(eta, batchSize, batchesPerEpoch, epochs, lambda, epochMode, evalSplit, perEpoch, probeSize, engine);
    }

    public TrainingConfig withEta(double e) {
        return new TrainingConfig(e, batchSize, batchesPerEpoch, epochs, lambda, epochMode, evalSplit, probesPerEpoch, probeSize, engine);
    }
}
