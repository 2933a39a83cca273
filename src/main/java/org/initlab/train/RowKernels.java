package org.initlab.train;

/**
 * The row operations the hot path spends its time in, on rows padded to a multiple of {@link #PAD}
 * floats. {@link #BEST} is the SIMD version (the JDK's incubating vector API) when the JVM was started
 * with {@code --add-modules jdk.incubator.vector}, and a plain loop otherwise; the SIMD version uses fused
 * multiply-adds and its own exp, so the two agree to float rounding. Each is deterministic: only
 * operations whose compiled and interpreted results are bit-identical are used (see {@link VectorRowKernels}).
 */
abstract class RowKernels {
    /** Row padding in floats: one AVX-512 register, two AVX2 registers. */
    static final int PAD = 16;

    static final RowKernels BEST = VectorApi.isAvailable() ? VectorApi.kernels() : new ScalarRowKernels();

    /** y[yOff + i] += c · x[xOff + i] for i in [0, len), len a multiple of {@link #PAD}. */
    abstract void axpy(float c, float[] x, int xOff, float[] y, int yOff, int len);

    /**
     * out[outOff + j] += Σ_{k ∈ [from, to)} val[k] · w[idx[k] + j] for j in [0, len): a sparse input times a
     * weight matrix, {@code idx[k]} being the offset of pixel k's weight row in {@code w}. Accumulates in
     * registers, not through memory, so the sum over the non-zero pixels is not one long chain of
     * store-to-load latencies.
     */
    abstract void sparseRowSum(float[] w, int[] idx, float[] val, int from, int to, float[] out, int outOff, int len);

    /**
     * out[outOff + j] = Σ_{o ∈ [0, count)} coef[coefOff + o] · w[o·len + j] for j in [0, len): a dense
     * vector times a matrix stored row by row (here: δ times the transposed weights in backpropagation).
     */
    abstract void rowCombination(float[] coef, int coefOff, int count, float[] w, float[] out, int outOff, int len);

    /**
     * y[yOff + j] ← y[yOff + j] + Σ_e coef[coefOff + e·coefStride] · x[xOff + e·xStride + j] for e in [0, count),
     * j in [0, len): one multiply-add per e, in e order, skipping zero coefficients (they add exactly nothing).
     * The row is accumulated in registers and stored once. With {@code coefStride} 0, one coefficient for all.
     * The forward pass after the first layer, the bias updates and the updates of every weight matrix but the
     * first are all this operation.
     */
    abstract void accumulate(
            float[] coef,
            int coefOff,
            int coefStride,
            int count,
            float[] x,
            int xOff,
            int xStride,
            float[] y,
            int yOff,
            int len);

    /**
     * w[idx[k] + j] ← w[idx[k] + j] + (minusScale·val[k]) · d[dOff + j] for k in [from, to), j in [0, len):
     * one example's term of the first layer's weight update, on the rows (at offsets idx[k]) of its non-zero pixels.
     * The example's δ is read once for all its rows.
     */
    abstract void sparseRowUpdate(
            float minusScale, float[] d, int dOff, int[] idx, float[] val, int from, int to, float[] w, int len);

    /** d[off + i] ← d[off + i] · (a[off + i] · (1 − a[off + i])) for i in [0, len): δ times the sigmoid's slope σ' = a(1 − a). */
    abstract void timesSigmoidSlope(float[] d, float[] a, int off, int len);

    /**
     * Unpacks entries {@code [from, to)} of {@link SparseImages}' store (a pixel index above its byte value)
     * to {@code idx[at..]} as {@code first + index·stride} and {@code val[at..]} as value/255; returns the
     * position after them.
     */
    abstract int unpack(int[] entry, int from, int to, int stride, int first, int[] idx, float[] val, int at);

    /** a[off + i] = σ(z[off + i]) = 1 / (1 + e^(−z)) for i in [0, len), len a multiple of {@link #PAD}. */
    abstract void sigmoid(float[] z, float[] a, int off, int len);

    abstract String name();

    static int padded(int n) {
        return (n + PAD - 1) / PAD * PAD;
    }

    static final class ScalarRowKernels extends RowKernels {
        @Override
        void axpy(float c, float[] x, int xOff, float[] y, int yOff, int len) {
            for (int i = 0; i < len; i++) y[yOff + i] += c * x[xOff + i];
        }

        @Override
        void accumulate(
                float[] coef,
                int coefOff,
                int coefStride,
                int count,
                float[] x,
                int xOff,
                int xStride,
                float[] y,
                int yOff,
                int len) {
            for (int e = 0; e < count; e++) {
                float c = coef[coefOff + e * coefStride];
                if (c != 0f) axpy(c, x, xOff + e * xStride, y, yOff, len);
            }
        }

        @Override
        void sparseRowUpdate(
                float minusScale, float[] d, int dOff, int[] idx, float[] val, int from, int to, float[] w, int len) {
            for (int k = from; k < to; k++) axpy(minusScale * val[k], d, dOff, w, idx[k], len);
        }

        @Override
        void timesSigmoidSlope(float[] d, float[] a, int off, int len) {
            for (int i = off; i < off + len; i++) d[i] *= a[i] * (1 - a[i]);
        }

        @Override
        int unpack(int[] entry, int from, int to, int stride, int first, int[] idx, float[] val, int at) {
            for (int k = from; k < to; k++, at++) {
                int c = entry[k];
                idx[at] = first + (c >>> 8) * stride;
                val[at] = (c & 0xFF) / 255f;
            }
            return at;
        }

        @Override
        void sparseRowSum(float[] w, int[] idx, float[] val, int from, int to, float[] out, int outOff, int len) {
            for (int k = from; k < to; k++) axpy(val[k], w, idx[k], out, outOff, len);
        }

        @Override
        void rowCombination(float[] coef, int coefOff, int count, float[] w, float[] out, int outOff, int len) {
            java.util.Arrays.fill(out, outOff, outOff + len, 0f);
            for (int o = 0; o < count; o++) axpy(coef[coefOff + o], w, o * len, out, outOff, len);
        }

        @Override
        void sigmoid(float[] z, float[] a, int off, int len) {
            for (int i = off; i < off + len; i++) a[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
        }

        @Override
        String name() {
            return "scalar";
        }
    }
}
