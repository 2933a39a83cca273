package org.initlab.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.core.Activation;

/**
 * {@link DenseKernels} in SIMD registers, read and written straight from the off-heap rows. Only IEEE
 * operations (add, multiply, divide, fused multiply-add, compare and select) and the lab's own exp, so
 * the compiled and the interpreted code give the same bits.
 */
final class VectorDenseKernels extends DenseKernels {
    private static final VectorSpecies<Float> S = VectorRowKernels.species();
    private static final int L = S.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector TWO = FloatVector.broadcast(S, 2f);

    @Override
    void activate(Activation f, ByteBuffer z, int stride, float[] bias, int r0, int r1, int c0, int c1) {
        for (int r = r0; r < r1; r++) {
            int row = r * stride * 4;
            for (int j = c0; j < c1; j += L) {
                int at = row + j * 4;
                FloatVector x = FloatVector.fromByteBuffer(S, z, at, ORDER).add(FloatVector.fromArray(S, bias, j));
                apply(f, x).intoByteBuffer(z, at, ORDER);
            }
        }
    }

    private static FloatVector apply(Activation f, FloatVector x) {
        return switch (f) {
            case SIGMOID -> ONE.div(VectorRowKernels.exp(x.neg()).add(ONE));
            case TANH -> tanh(x);
            case RELU -> ZERO.blend(x, x.compare(VectorOperators.GT, 0f));
        };
    }

    /**
     * tanh in float, as Cephes' tanhf: for |x| &lt; 0.625 the odd polynomial x + x³·P(x²) (no cancellation near
     * 0), beyond it 1 − 2/(e^{2|x|} + 1) with x's sign; within a few ulp.
     */
    static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector z = x.mul(x);
        FloatVector p = FloatVector.broadcast(S, -5.70498872745e-3f);
        p = p.fma(z, FloatVector.broadcast(S, 2.06390887954e-2f));
        p = p.fma(z, FloatVector.broadcast(S, -5.37397155531e-2f));
        p = p.fma(z, FloatVector.broadcast(S, 1.33314422036e-1f));
        p = p.fma(z, FloatVector.broadcast(S, -3.33332819422e-1f));
        FloatVector small = p.mul(z).fma(x, x);
        FloatVector big = ONE.sub(TWO.div(VectorRowKernels.exp(ax.add(ax)).add(ONE)));
        big = big.blend(big.neg(), x.compare(VectorOperators.LT, 0f));
        return big.blend(small, ax.compare(VectorOperators.LT, 0.625f));
    }

    @Override
    void timesSlope(Activation f, ByteBuffer d, ByteBuffer a, int stride, int units, int rows, int c0, int c1) {
        int end = Math.min(units, c1);
        for (int r = 0; r < rows; r++) {
            int row = r * stride * 4;
            // The padding after the units: 0, whatever the product left there (a scalar store; a lane mask is slower).
            for (int j = Math.max(units, c0); j < c1; j++) d.putFloat(row + j * 4, 0f);
            for (int at = row + c0 * 4, to = row + DenseKernels.padded(end) * 4; at < to; at += L * 4)
                slope(f, FloatVector.fromByteBuffer(S, d, at, ORDER), FloatVector.fromByteBuffer(S, a, at, ORDER))
                        .intoByteBuffer(d, at, ORDER);
        }
    }

    @Override
    void timesSlopeSummed(Activation f, ByteBuffer d, ByteBuffer a, int stride, int units, int rows, double[] rowAbs) {
        float[] lanes = new float[L];
        for (int r = 0; r < rows; r++) {
            int row = r * stride * 4;
            for (int j = units; j < stride; j++) d.putFloat(row + j * 4, 0f);
            FloatVector acc = ZERO;
            for (int at = row, end = row + stride * 4; at < end; at += L * 4) {
                FloatVector v = slope(
                        f, FloatVector.fromByteBuffer(S, d, at, ORDER), FloatVector.fromByteBuffer(S, a, at, ORDER));
                v.intoByteBuffer(d, at, ORDER);
                acc = acc.add(v.abs());
            }
            rowAbs[r] = laneSum(acc, lanes);
        }
    }

    /** δ·f'(z) with f' from the activation a = f(z). */
    private static FloatVector slope(Activation f, FloatVector dv, FloatVector av) {
        return switch (f) {
            case SIGMOID -> dv.mul(av.mul(ONE.sub(av)));
            case TANH -> dv.mul(ONE.sub(av.mul(av)));
            case RELU -> ZERO.blend(dv, av.compare(VectorOperators.GT, 0f));
        };
    }

    /** The lanes summed in order, not by reduceLanes (whose order may differ compiled and interpreted). */
    private static double laneSum(FloatVector acc, float[] lanes) {
        acc.intoArray(lanes, 0);
        double sum = 0;
        for (float x : lanes) sum += x;
        return sum;
    }

    @Override
    void absRowSums(ByteBuffer d, int stride, int rows, double[] rowAbs) {
        float[] lanes = new float[L];
        for (int r = 0; r < rows; r++) {
            FloatVector acc = ZERO;
            for (int at = r * stride * 4, end = at + stride * 4; at < end; at += L * 4)
                acc = acc.add(FloatVector.fromByteBuffer(S, d, at, ORDER).abs());
            rowAbs[r] = laneSum(acc, lanes);
        }
    }

    @Override
    void addColumnSums(float scale, ByteBuffer d, int stride, int rows, float[] b, int c0, int c1) {
        FloatVector s = FloatVector.broadcast(S, scale);
        for (int j = c0; j < c1; j += L) {
            FloatVector acc = ZERO;
            for (int r = 0; r < rows; r++) acc = acc.add(FloatVector.fromByteBuffer(S, d, (r * stride + j) * 4, ORDER));
            acc.fma(s, FloatVector.fromArray(S, b, j)).intoArray(b, j);
        }
    }

    @Override
    String name() {
        return "vector-" + S.vectorBitSize();
    }
}
