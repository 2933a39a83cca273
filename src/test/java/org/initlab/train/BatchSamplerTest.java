package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The mini-batch order against an independent model: a Fisher–Yates shuffle of the current order, written
 * out here, driven by a second random stream with the same seed. Every index the sampler hands out is checked.
 */
class BatchSamplerTest {
    /** Fisher–Yates in place, from the last position down, as Knuth gives it. */
    private static void shuffle(int[] order, SplittableRandom rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    @Test
    void nextWalksThePermutationAndReshufflesWhenItRunsOut() {
        int n = 7, m = 3;
        BatchSampler sampler = new BatchSampler(n, m, new SplittableRandom(42));
        SplittableRandom model = new SplittableRandom(42);
        int[] order = identity(n);
        shuffle(order, model);
        // The stream the sampler must give: pass after pass, each a reshuffle of the previous one.
        int passes = 6;
        int[] expected = new int[n * passes];
        for (int p = 0; p < passes; p++) {
            if (p > 0) shuffle(order, model);
            System.arraycopy(order, 0, expected, p * n, n);
        }
        int[] batch = new int[m];
        for (int b = 0; b < expected.length / m; b++) {
            assertEquals(m, sampler.next(batch), "next always fills a whole batch");
            int[] want = java.util.Arrays.copyOfRange(expected, b * m, b * m + m);
            assertArrayEquals(
                    want,
                    batch,
                    "batch " + b
                            + " (a batch straddling a pass takes the old order's rest, then the new order's start)");
        }
    }

    @Test
    void consecutivePassesAreDifferentPermutations() {
        // The planted fault "replay the same order when a pass runs out" shows here too, without the model:
        // 10 examples, 20 passes; a reshuffle repeats the previous permutation with probability 1/10! each time.
        int n = 10;
        BatchSampler sampler = new BatchSampler(n, n, new SplittableRandom(5));
        int[] previous = new int[n], current = new int[n];
        sampler.next(previous);
        assertArrayEquals(
                identity(n), java.util.Arrays.stream(previous.clone()).sorted().toArray(), "a pass is a permutation");
        for (int p = 1; p < 20; p++) {
            sampler.next(current);
            assertArrayEquals(
                    identity(n),
                    java.util.Arrays.stream(current.clone()).sorted().toArray(),
                    "pass " + p + " is a permutation");
            assertEquals(
                    false,
                    java.util.Arrays.equals(previous, current),
                    "pass " + p + " reshuffled, not replayed: " + java.util.Arrays.toString(current));
            System.arraycopy(current, 0, previous, 0, n);
        }
    }

    @Test
    void passModeGivesOneShuffledPassWithAShortLastBatch() {
        int n = 11, m = 4;
        BatchSampler sampler = new BatchSampler(n, m, new SplittableRandom(9));
        SplittableRandom model = new SplittableRandom(9);
        int[] order = identity(n);
        shuffle(order, model);
        assertEquals(3, sampler.batchesPerPass(), "⌈11/4⌉");
        for (int pass = 0; pass < 3; pass++) {
            sampler.startPass();
            if (pass > 0) shuffle(order, model); // a fresh sampler's first pass uses the permutation it was built with
            int[] batch = new int[m];
            int[] sizes = {4, 4, 3};
            for (int b = 0; b < 3; b++) {
                java.util.Arrays.fill(batch, -1);
                assertEquals(sizes[b], sampler.nextInPass(batch), "pass " + pass + " batch " + b);
                for (int i = 0; i < sizes[b]; i++)
                    assertEquals(order[b * m + i], batch[i], "pass " + pass + " batch " + b + " slot " + i);
                for (int i = sizes[b]; i < m; i++)
                    assertEquals(-1, batch[i], "slots after a short batch are left alone");
            }
            assertEquals(0, sampler.nextInPass(batch), "the pass is done");
        }
    }

    @Test
    void startPassOnAFreshSamplerDoesNotDrawAgain() {
        BatchSampler a = new BatchSampler(6, 6, new SplittableRandom(3));
        BatchSampler b = new BatchSampler(6, 6, new SplittableRandom(3));
        a.startPass();
        int[] x = new int[6], y = new int[6];
        a.nextInPass(x);
        b.next(y);
        assertArrayEquals(y, x);
    }

    @Test
    void batchesPerPassRoundsUp() {
        assertEquals(1, new BatchSampler(1, 1, new SplittableRandom(1)).batchesPerPass());
        assertEquals(1, new BatchSampler(10, 10, new SplittableRandom(1)).batchesPerPass());
        assertEquals(2, new BatchSampler(11, 10, new SplittableRandom(1)).batchesPerPass());
        assertEquals(1, new BatchSampler(3, 10, new SplittableRandom(1)).batchesPerPass());
        assertEquals(5500, new BatchSampler(55_000, 10, new SplittableRandom(1)).batchesPerPass());
    }

    @Test
    void refusesEmptyDataAndEmptyBatches() {
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(0, 10, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(10, 0, new SplittableRandom(1)));
        new BatchSampler(1, 1, new SplittableRandom(1)); // the smallest legal sampler
    }
}
