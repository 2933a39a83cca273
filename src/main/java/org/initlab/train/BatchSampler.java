package org.initlab.train;

import java.util.SplittableRandom;

/**
 * The mini-batch order. In {@link EpochMode#BATCHES} it is TensorFlow's {@code next_batch}: walk a
 * shuffled permutation, reshuffle when it runs out (a batch straddling the end takes the rest of the old
 * permutation and the start of the new). In {@link EpochMode#PASS} each epoch is one shuffled pass.
 * Deterministic for a given random stream.
 */
public final class BatchSampler {
    private final int[] order;
    private final int batchSize;
    private final SplittableRandom rng;
    private int position;

    public BatchSampler(int examples, int batchSize, SplittableRandom rng) {
        this(0, examples, batchSize, rng);
    }

    /**
     * Batches of the example indices {@code first .. first + examples - 1}: the same shuffles as
     * {@code BatchSampler(examples, …)} with every index moved by {@code first}.
     */
    public BatchSampler(int first, int examples, int batchSize, SplittableRandom rng) {
        if (examples < 1) throw new IllegalArgumentException("no training examples");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
        this.order = new int[examples];
        for (int i = 0; i < examples; i++) order[i] = first + i;
        this.batchSize = batchSize;
        this.rng = rng;
        shuffle();
    }

    /** Fills {@code batch} with the next mini-batch's example indices; returns how many (always batchSize). */
    public int next(int[] batch) {
        for (int i = 0; i < batchSize; i++) {
            if (position == order.length) shuffle();
            batch[i] = order[position++];
        }
        return batchSize;
    }

    /** Starts a new pass: a fresh permutation from the beginning. */
    public void startPass() {
        if (position != 0) shuffle();
    }

    /** Fills the next batch of the current pass; returns fewer than batchSize at the end, 0 when done. */
    public int nextInPass(int[] batch) {
        int n = Math.min(batchSize, order.length - position);
        System.arraycopy(order, position, batch, 0, n);
        position += n;
        return n;
    }

    public int batchesPerPass() {
        return (order.length + batchSize - 1) / batchSize;
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        position = 0;
    }
}
