package org.initlab.train;

import java.nio.ByteBuffer;
import org.initlab.core.Activation;

/** {@link DenseKernels} in plain loops, for a JVM without the vector API. */
final class ScalarDenseKernels extends DenseKernels {
    @Override
    void activate(Activation f, ByteBuffer z, int stride, float[] bias, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            for (int j = 0; j < stride; j++) {
                int at = (r * stride + j) * 4;
                z.putFloat(at, f.apply(z.getFloat(at) + bias[j]));
            }
        }
    }

    @Override
    void timesSlope(Activation f, ByteBuffer d, ByteBuffer a, int stride, int units, int r0, int r1, double[] rowAbs) {
        for (int r = r0; r < r1; r++) {
            double sum = 0;
            for (int j = 0; j < stride; j++) {
                int at = (r * stride + j) * 4;
                float x = a.getFloat(at);
                float v = j < units ? d.getFloat(at) * f.derivative(x, x) : 0f;
                d.putFloat(at, v);
                sum += Math.abs(v);
            }
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
