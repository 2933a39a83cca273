package org.initlab.train;

import java.nio.ByteBuffer;
import org.initlab.core.Activation;

/** {@link DenseKernels} in plain loops, for a JVM without the vector API. */
final class ScalarDenseKernels extends DenseKernels {
    @Override
    void activate(Activation f, ByteBuffer z, int stride, float[] bias, int r0, int r1, int c0, int c1) {
        for (int r = r0; r < r1; r++) {
            for (int j = c0; j < c1; j++) {
                int at = (r * stride + j) * 4;
                z.putFloat(at, f.apply(z.getFloat(at) + bias[j]));
            }
        }
    }

    @Override
    void timesSlope(Activation f, ByteBuffer d, ByteBuffer a, int stride, int units, int rows, int c0, int c1) {
        for (int r = 0; r < rows; r++) {
            for (int j = c0; j < c1; j++) {
                int at = (r * stride + j) * 4;
                float x = a.getFloat(at);
                d.putFloat(at, j < units ? d.getFloat(at) * f.derivative(x, x) : 0f);
            }
        }
    }

    @Override
    void timesSlopeSummed(Activation f, ByteBuffer d, ByteBuffer a, int stride, int units, int rows, double[] rowAbs) {
        timesSlope(f, d, a, stride, units, rows, 0, stride);
        absRowSums(d, stride, rows, rowAbs);
    }

    @Override
    void absRowSums(ByteBuffer d, int stride, int rows, double[] rowAbs) {
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < stride; j++) sum += Math.abs(d.getFloat((r * stride + j) * 4));
            rowAbs[r] = sum;
        }
    }

    @Override
    void addColumnSums(float scale, ByteBuffer d, int stride, int rows, float[] b, int c0, int c1) {
        for (int j = c0; j < c1; j++) {
            float s = 0;
            for (int r = 0; r < rows; r++) s += d.getFloat((r * stride + j) * 4);
            b[j] += scale * s;
        }
    }

    @Override
    String name() {
        return "scalar";
    }
}
