package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One product unsplit gives the bits of the same product in {@link DenseSgdStep}'s two blocks, for the step's three
 * kinds (forward A·W, backward δ·Wᵀ split along the columns of the result; the update β·W + α·Aᵀ·δ split along its
 * rows): what lets one thread run each product whole and still match two threads bit for bit.
 */
class BlasSplitTest {
    private static FloatPointer random(long n, SplittableRandom rng) {
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) v[i] = (float) (rng.nextGaussian() * 0.3);
        FloatPointer p = Blas.allocate(n);
        p.put(v);
        return p;
    }

    private static float[] read(FloatPointer p, long n) {
        float[] v = new float[(int) n];
        p.get(v);
        return v;
    }

    @ParameterizedTest
    @CsvSource({"128, 300, 300", "64, 1024, 1024", "64, 1024, 784", "128, 300, 784", "100, 333, 257", "128, 1000, 40"})
    void aProductInTwoBlocksHasTheBitsOfTheWholeProduct(int m, int n, int k) {
        Blas.ensureLoaded();
        SplittableRandom rng = new SplittableRandom(m * 31L + n * 7L + k);
        // Forward and backward: C (m × n) = A (m × k) · B, B as k × n or transposed (n × k), split along n.
        for (boolean transB : new boolean[] {false, true}) {
            FloatPointer a = random((long) m * k, rng), b = random((long) k * n, rng);
            FloatPointer whole = Blas.allocate((long) m * n), split = Blas.allocate((long) m * n);
            int ldb = transB ? k : n;
            Blas.gemm(false, transB, m, n, k, 1f, a, 0, k, b, 0, ldb, 0f, whole, 0, n);
            for (int p = 0; p < 2; p++) {
                int c0 = DenseSgdStep.blockStart(n, 2, p), c1 = DenseSgdStep.blockStart(n, 2, p + 1);
                long bOff = transB ? (long) c0 * k : c0;
                Blas.gemm(false, transB, m, c1 - c0, k, 1f, a, 0, k, b, bOff, ldb, 0f, split, c0, n);
            }
            assertArrayEquals(
                    read(whole, (long) m * n), read(split, (long) m * n), "transB " + transB + ": the same bits");
        }
        // The update: W (k × n) ← β·W + α·Aᵀ·δ with A m × k and δ m × n, split along W's rows.
        FloatPointer a = random((long) m * k, rng), d = random((long) m * n, rng);
        float[] w0 = read(random((long) k * n, rng), (long) k * n);
        FloatPointer whole = Blas.allocate((long) k * n), split = Blas.allocate((long) k * n);
        whole.put(w0);
        split.put(w0);
        Blas.gemm(true, false, k, n, m, -0.01f, a, 0, k, d, 0, n, 0.9999f, whole, 0, n);
        for (int p = 0; p < 2; p++) {
            int r0 = DenseSgdStep.blockStart(k, 2, p), r1 = DenseSgdStep.blockStart(k, 2, p + 1);
            Blas.gemm(true, false, r1 - r0, n, m, -0.01f, a, r0, k, d, 0, n, 0.9999f, split, (long) r0 * n, n);
        }
        assertArrayEquals(read(whole, (long) k * n), read(split, (long) k * n), "the update: the same bits");
    }

    /**
     * The forward product A·W split along the batch's rows (each thread takes its examples through every layer) has
     * the bits of the whole product, for every kind of layer the lab builds, small ones included. (Not so δ·Wᵀ: in
     * row blocks, 128 × 10 × 300 and 10 × 30 × 784 come out a few ulp apart, so the backward pass is never split by
     * rows.)
     */
    @ParameterizedTest
    @CsvSource({
        "128, 300, 300", "128, 300, 784", "128, 10, 300", "64, 100, 100", "64, 100, 784", "64, 10, 100",
        "64, 1024, 1024", "64, 1024, 784", "64, 10, 1024", "100, 333, 257", "10, 30, 784", "256, 4096, 4096",
        "32, 5, 3", "64, 100, 10", "128, 300, 10", "17, 30, 784", "10, 10, 30"
    })
    void theForwardProductInRowBlocksHasTheBitsOfTheWholeProduct(int m, int n, int k) {
        Blas.ensureLoaded();
        SplittableRandom rng = new SplittableRandom(m * 17L + n * 5L + k);
        FloatPointer a = random((long) m * k, rng), b = random((long) k * n, rng);
        FloatPointer whole = Blas.allocate((long) m * n), split = Blas.allocate((long) m * n);
        Blas.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, whole, 0, n);
        for (int p = 0; p < 2; p++) {
            int r0 = m * p / 2, r1 = m * (p + 1) / 2;
            Blas.gemm(false, false, r1 - r0, n, k, 1f, a, (long) r0 * k, k, b, 0, n, 0f, split, (long) r0 * n, n);
        }
        assertArrayEquals(read(whole, (long) m * n), read(split, (long) m * n), "the same bits");
    }
}
