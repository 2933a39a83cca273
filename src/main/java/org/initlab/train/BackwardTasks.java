package org.initlab.train;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The order and the waits of {@link DenseSgdStep}'s backward pass on two threads. Its tasks are the column
 * blocks of "δ below layer l" (D_l: δ_{l−1} = (δ_l·W_lᵀ) ∘ f'(a_{l−1})) and "update layer l" (U_l), listed as
 * D_{L−1}, D_{L−2}, U_{L−1}, D_{L−3}, U_{L−2}, …, D_1, U_2, U_1, U_0, and claimed one at a time by whichever
 * thread is free: while one thread works on δ further down, the other updates the layer above. Each task's
 * inputs come from tasks before it in the list, so one thread alone runs them straight through and two never
 * wait for a task nobody has claimed.
 */
final class BackwardTasks {
    /** δ buffers in the ring: D_l overwrites δ_{l−1+RING}, which U_{l−1+RING} must have used. */
    static final int RING = 4;

    private final int layers;
    /** Column blocks of each D_l (index l; 0 for l = 0, which has no δ below). */
    private final int[] blocks;
    /** Encoded tasks: {@code l << 8 | block} for a block of D_l, {@code l << 8 | UPDATE} for U_l. */
    private final int[] order;

    private final AtomicIntegerArray blocksDone, updated;
    private volatile boolean failed;

    static final int UPDATE = 0xFF;

    /** Tasks for {@code layers} layers whose D_l is split into {@code blocks[l]} column blocks (at most 254). */
    BackwardTasks(int[] blocks) {
        this.layers = blocks.length;
        this.blocks = blocks.clone();
        int n = layers;
        for (int l = 1; l < layers; l++) n += blocks[l];
        order = new int[n];
        int i = 0;
        for (int l = layers - 1; l >= 1; l--) {
            for (int p = 0; p < blocks[l]; p++) order[i++] = l << 8 | p;
            if (l + 1 < layers) order[i++] = (l + 1) << 8 | UPDATE;
        }
        for (int l = Math.min(1, layers - 1); l >= 0; l--) order[i++] = l << 8 | UPDATE;
        blocksDone = new AtomicIntegerArray(layers);
        updated = new AtomicIntegerArray(layers);
    }

    int size() {
        return order.length;
    }

    int blocks(int l) {
        return blocks[l];
    }

    int task(int i) {
        return order[i];
    }

    /** Before a step's tasks are handed out (on the thread that hands them out). */
    void reset() {
        for (int l = 0; l < layers; l++) {
            blocksDone.set(l, 0);
            updated.set(l, 0);
        }
        failed = false;
    }

    /** Waits until task {@code t} may run. */
    void awaitInputs(int t) {
        int l = t >> 8;
        if ((t & 0xFF) == UPDATE) {
            if (l > 0) awaitBlocks(l); // W_l is read by D_l before it changes
        } else if (l - 1 + RING < layers) await(updated, l - 1 + RING, 1);
        if (l + 1 < layers) awaitBlocks(l + 1); // δ_l, whole
    }

    void done(int t) {
        int l = t >> 8;
        if ((t & 0xFF) == UPDATE) updated.set(l, 1);
        else blocksDone.incrementAndGet(l);
    }

    /** A task failed: the others stop waiting (and fail too) instead of waiting for it forever. */
    void fail() {
        failed = true;
    }

    private void awaitBlocks(int l) {
        await(blocksDone, l, blocks[l]);
    }

    private void await(AtomicIntegerArray done, int l, int value) {
        for (int spins = 0; done.get(l) != value; spins++) {
            if (failed) throw new IllegalStateException("another part of the step failed");
            if (spins < 10_000) Thread.onSpinWait();
            else Thread.yield();
        }
    }
}
