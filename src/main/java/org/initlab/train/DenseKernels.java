package org.initlab.train;

import java.nio.ByteBuffer;
import org.initlab.core.Activation;

/**
 * The element-wise work between the matrix products, on off-heap matrices of rows padded to {@link #PAD}
 * floats ({@code stride} floats a row, byte buffers in native order). {@link #BEST} uses the vector API
 * when the JVM has it, plain loops otherwise. Every operation is per element or sums in a fixed order, so
 * how the rows or columns are split between threads never changes a bit.
 */
abstract class DenseKernels {
    /** Row padding in floats: one AVX-512 register. */
    static final int PAD = 16;

    static final DenseKernels BEST = VectorApi.isAvailable() ? new VectorDenseKernels() : new ScalarDenseKernels();

    static int padded(int n) {
        return (n + PAD - 1) / PAD * PAD;
    }

    /** z ← f(z + bias) in place, rows {@code [r0, r1)}, whole padded rows ({@code bias} is {@code stride} long, 0 past the units). */
    final void activate(Activation f, ByteBuffer z, int stride, float[] bias, int r0, int r1) {
        activate(f, z, stride, bias, r0, r1, 0, stride);
    }

    /** z ← f(z + bias) in place, rows {@code [r0, r1)}, columns {@code [c0, c1)} (multiples of {@link #PAD}). */
    abstract void activate(Activation f, ByteBuffer z, int stride, float[] bias, int r0, int r1, int c0, int c1);

    /**
     * d ← d · f'(a), f' from the activation a = f(z) (σ: a(1 − a); tanh: 1 − a²; ReLU: 1 where a &gt; 0), in the
     * first {@code units} columns, and 0 in the padding after them; rows {@code [0, rows)}, columns {@code [c0, c1)}
     * (multiples of {@link #PAD}).
     */
    abstract void timesSlope(Activation f, ByteBuffer d, ByteBuffer a, int stride, int units, int rows, int c0, int c1);

    /**
     * {@link #timesSlope} over whole rows {@code [0, rows)}, and {@link #absRowSums} of the result in the same pass
     * (the same sums, in the same order).
     */
    abstract void timesSlopeSummed(
            Activation f, ByteBuffer d, ByteBuffer a, int stride, int units, int rows, double[] rowAbs);

    /** {@code rowAbs[r]} ← Σ_j |d[r][j]| over the whole padded row r, rows {@code [0, rows)}, summed in a fixed order. */
    abstract void absRowSums(ByteBuffer d, int stride, int rows, double[] rowAbs);

    /** {@code b[j] += scale · Σ_r d[r][j]} for r in [0, rows) in order, columns {@code [c0, c1)} (multiples of {@link #PAD}). */
    abstract void addColumnSums(float scale, ByteBuffer d, int stride, int rows, float[] b, int c0, int c1);

    abstract String name();
}
