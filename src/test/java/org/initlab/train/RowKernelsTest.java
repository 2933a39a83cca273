package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Both row-kernel implementations (scalar and SIMD) against the plain loops their contracts state, in doubles. */
class RowKernelsTest {
    /** Made in each test, not once per class: a mutant of VectorApi.kernels() must meet a call. */
    private RowKernels[] KERNELS;

    @org.junit.jupiter.api.BeforeEach
    void kernels() {
        KERNELS = new RowKernels[] {new RowKernels.ScalarRowKernels(), VectorApi.kernels()};
        assertEquals(VectorRowKernels.class, KERNELS[1].getClass());
    }

    private static final SplittableRandom RNG = new SplittableRandom(1);

    private static float[] random(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (RNG.nextDouble() * 4 - 2);
        return a;
    }

    @Test
    void paddingIsTheNextMultipleOfSixteen() {
        assertEquals(16, RowKernels.PAD);
        assertEquals(16, RowKernels.padded(1));
        assertEquals(16, RowKernels.padded(16));
        assertEquals(32, RowKernels.padded(17));
        assertEquals(32, RowKernels.padded(30));
        assertEquals(784, RowKernels.padded(784));
        assertEquals(800, RowKernels.padded(785));
    }

    @Test
    void kernelNames() {
        assertEquals("scalar", KERNELS[0].name());
        assertEquals("vector-" + VectorRowKernels.species().vectorBitSize(), KERNELS[1].name());
        assertEquals(RowKernels.BEST.name(), VectorApi.kernelName());
        assertEquals(true, VectorApi.isAvailable(), "the tests run with --add-modules jdk.incubator.vector");
    }

    @Test
    void axpyAddsAScaledRowAtTheOffsets() {
        for (RowKernels k : KERNELS) {
            for (int len : new int[] {16, 48}) {
                float[] x = random(len + 16), y = random(len + 32), y0 = y.clone();
                k.axpy(-1.5f, x, 16, y, 16, len);
                for (int i = 0; i < y.length; i++) {
                    double want = i >= 16 && i < 16 + len ? y0[i] + -1.5 * x[i] : y0[i];
                    assertEquals(want, y[i], 1e-5, k.name() + " len " + len + " index " + i);
                }
            }
        }
    }

    @Test
    void sparseRowSumAddsTheSelectedWeightRows() {
        for (RowKernels k : KERNELS) {
            for (int len : new int[] {16, 32, 48, 80}) {
                for (int nnz : new int[] {0, 1, 2, 5, 6}) {
                    int rows = 9;
                    float[] w = random(rows * len);
                    int[] idx = new int[nnz + 2];
                    float[] val = new float[nnz + 2];
                    for (int j = 0; j < idx.length; j++) {
                        idx[j] = RNG.nextInt(rows) * len;
                        val[j] = (float) RNG.nextDouble();
                    }
                    float[] out = random(len + 16), out0 = out.clone();
                    // Entries [1, 1 + nnz) only: the first and last must be ignored.
                    k.sparseRowSum(w, idx, val, 1, 1 + nnz, out, 16, len);
                    for (int j = 0; j < out.length; j++) {
                        double want = out0[j];
                        if (j >= 16) for (int e = 1; e < 1 + nnz; e++) want += val[e] * w[idx[e] + j - 16];
                        assertEquals(want, out[j], 1e-5, k.name() + " len " + len + " nnz " + nnz + " index " + j);
                    }
                }
            }
        }
    }

    @Test
    void sparseRowUpdateAddsTheScaledErrorToEachPixelsRow() {
        for (RowKernels k : KERNELS) {
            for (int len : new int[] {16, 32, 48, 80}) {
                int rows = 9, nnz = 5;
                float[] w = random(rows * len), w0 = w.clone(), d = random(len + 16);
                int[] pixel = {8, 0, 3, 4, 7, 2, 1}, idx = new int[pixel.length];
                for (int e = 0; e < pixel.length; e++) idx[e] = pixel[e] * len;
                float[] val = random(idx.length);
                // Entries [1, 1 + nnz) only: rows 8 and 1 must stay; rows 0, 3, 4, 7, 2 get −0.25·val·δ.
                k.sparseRowUpdate(-0.25f, d, 16, idx, val, 1, 1 + nnz, w, len);
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < len; j++) {
                        double want = w0[r * len + j];
                        for (int e = 1; e < 1 + nnz; e++) if (pixel[e] == r) want += -0.25 * val[e] * d[16 + j];
                        assertEquals(
                                want, w[r * len + j], 1e-5, k.name() + " len " + len + " row " + r + " index " + j);
                    }
                }
            }
        }
    }

    @Test
    void accumulateAddsTheNonZeroTermsInOrder() {
        for (RowKernels k : KERNELS) {
            for (int len : new int[] {16, 32, 48}) {
                int count = 4, xStride = len + 16;
                float[] coef = {9, 0.5f, 0, -2, 0, 1.5f, 0, 7, 0}; // from 1, stride 2: 0.5, -2, 1.5, 7
                float[] x = random(3 + count * xStride), y = random(len + 16), y0 = y.clone();
                k.accumulate(coef, 1, 2, count, x, 3, xStride, y, 16, len);
                for (int j = 0; j < y.length; j++) {
                    double want = y0[j];
                    if (j >= 16) for (int e = 0; e < count; e++) want += coef[1 + 2 * e] * x[3 + e * xStride + j - 16];
                    assertEquals(want, y[j], 1e-5, k.name() + " len " + len + " index " + j);
                }
                float[] one = {-0.5f}, b = random(len), b0 = b.clone();
                k.accumulate(one, 0, 0, count, x, 3, xStride, b, 0, len);
                for (int j = 0; j < len; j++) {
                    double want = b0[j];
                    for (int e = 0; e < count; e++) want += -0.5 * x[3 + e * xStride + j];
                    assertEquals(want, b[j], 1e-5, "stride 0: one coefficient for every row");
                }
            }
        }
    }

    @Test
    void accumulateSkipsZeroCoefficientsSoAnInfiniteRowAddsNothing() {
        for (RowKernels k : KERNELS) {
            float[] x = new float[32];
            java.util.Arrays.fill(x, 0, 16, Float.POSITIVE_INFINITY);
            float[] y = new float[16];
            k.accumulate(new float[] {0f, 1f}, 0, 1, 2, x, 0, 16, y, 0, 16);
            assertEquals(0f, y[3], 0f, k.name() + ": 0·∞ would be NaN; a zero activation contributes nothing");
        }
    }

    @Test
    void timesSigmoidSlopeMultipliesByATimesOneMinusA() {
        for (RowKernels k : KERNELS) {
            float[] d = random(48), a = random(48), d0 = d.clone();
            k.timesSigmoidSlope(d, a, 16, 32);
            for (int i = 0; i < 48; i++) {
                float want = i < 16 ? d0[i] : d0[i] * (a[i] * (1 - a[i]));
                assertEquals(want, d[i], 0f, k.name() + " index " + i + ": the scalar derivative's bits");
            }
        }
    }

    @Test
    void unpackGivesRowOffsetsAndEveryByteOverTwoHundredFiftyFive() {
        int[] entry = new int[300];
        for (int k = 0; k < entry.length; k++) entry[k] = (k * 7 + 3) << 8 | (k % 256);
        for (RowKernels k : KERNELS) {
            for (int from : new int[] {0, 5}) {
                int to = from + 281; // 17 vectors of 16 and a tail
                int[] idx = new int[400];
                float[] val = new float[400];
                assertEquals(2 + to - from, k.unpack(entry, from, to, 32, 12, idx, val, 2));
                for (int e = from; e < to; e++) {
                    assertEquals(12 + (e * 7 + 3) * 32, idx[2 + e - from], k.name() + " entry " + e);
                    assertEquals(
                            (e % 256) / 255f,
                            val[2 + e - from],
                            0f,
                            k.name() + " entry " + e + ": exactly the float of v/255");
                }
                assertEquals(0, idx[2 + to - from], "nothing past the end");
            }
        }
    }

    @Test
    void rowCombinationOverwritesWithTheCombination() {
        for (RowKernels k : KERNELS) {
            for (int len : new int[] {16, 32, 48, 64, 96}) {
                int count = 5;
                float[] coef = random(count + 3), w = random(count * len);
                float[] out = random(len + 16), out0 = out.clone();
                k.rowCombination(coef, 3, count, w, out, 16, len);
                for (int j = 0; j < out.length; j++) {
                    double want = out0[j];
                    if (j >= 16) {
                        want = 0;
                        for (int o = 0; o < count; o++) want += coef[3 + o] * w[o * len + j - 16];
                    }
                    assertEquals(want, out[j], 1e-5, k.name() + " len " + len + " index " + j);
                }
            }
        }
    }

    @Test
    void sigmoidAndExpAgreeWithMathExpToFloatRounding() {
        float[] z = new float[64 + 16];
        for (int i = 0; i < z.length; i++) z[i] = (float) ((i - 40) * 0.37);
        z[20] = -100f; // clamped: e^100 overflows a float
        z[21] = 100f;
        z[22] = 0f;
        for (RowKernels k : KERNELS) {
            float[] a = new float[z.length];
            a[0] = 7f;
            k.sigmoid(z, a, 16, 64);
            assertEquals(7f, a[0], "outside the row nothing is written");
            for (int i = 16; i < 80; i++) {
                double want = 1 / (1 + Math.exp(-(double) z[i]));
                assertEquals(want, a[i], 3e-7 * want + 1e-30, k.name() + " σ(" + z[i] + ")");
            }
        }
        int lanes = VectorRowKernels.species().length();
        for (double x = -87; x <= 88; x += 0.731) {
            float[] in = new float[lanes];
            java.util.Arrays.fill(in, (float) x);
            float[] out = new float[lanes];
            VectorRowKernels.exp(jdk.incubator.vector.FloatVector.fromArray(VectorRowKernels.species(), in, 0))
                    .intoArray(out, 0);
            double want = Math.exp((float) x);
            assertEquals(want, out[0], 3e-7 * want, "e^" + x);
        }
    }
}
