package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One product unsplit gives the bits of the same product in {@link DenseSgdStep}'s two column blocks, for the two
 * kinds the step splits (forward A·W and backward δ·Wᵀ): what lets one thread run each product whole and still
 * match two threads bit for bit. (The update always runs whole, on one thread or the other.)
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
    }
}
