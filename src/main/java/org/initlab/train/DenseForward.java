package org.initlab.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.initlab.core.Activation;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;

/**
 * The arg-max of a tanh network's output over a whole image set, on the training step's own means: sgemm from
 * OpenBLAS on off-heap rows, then the lab's vector tanh ({@link DenseKernels}), {@value #CHUNK} images at a time
 * so a layer's activations stay in cache. ND4J's tanh costs about 9 ms per layer over 10,000 images, against
 * 2.5 ms for the layer's product; a 60-layer network's evaluation took 0.7 s that way, longer than 100 of its
 * training steps. Other activations keep ND4J's path ({@link Nd4jEvaluator}), and with it the reference's
 * exact numbers.
 */
final class DenseForward {
    /** Images per pass: 256 rows of 112 floats, two buffers of them, fit in L2 beside a layer's weights. */
    static final int CHUNK = 256;

    private static final DenseKernels K = DenseKernels.BEST;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private DenseForward() {}

    /** Whether {@link #predict} evaluates this network: tanh hidden layers (ND4J's tanh is the cost it avoids). */
    static boolean suits(NetworkSpec spec) {
        return spec.hidden() == Activation.TANH && spec.layers() > 1;
    }

    /**
     * The index of the largest output z (the first of equal ones) of each of the {@code n} images whose kept pixel
     * columns {@code columns} are the rows of {@code x} ({@code n × columns.length}, row-major, off the heap).
     */
    static int[] predict(Mlp net, FloatPointer x, int n, int[] columns) {
        Blas.ensureLoaded();
        NetworkSpec spec = net.spec();
        int layers = spec.layers(), k0 = columns.length;
        int[] sizes = spec.sizes();
        int widest = 0;
        for (int l = 1; l <= layers; l++) widest = Math.max(widest, DenseKernels.padded(sizes[l]));
        FloatPointer[] w = new FloatPointer[layers];
        FloatPointer[] buf = new FloatPointer[2];
        int[] out = new int[n];
        try {
            // The first layer's weight rows of the kept columns only: the others multiply pixels that are all 0.
            float[] w0 = net.weights(0);
            int n1 = sizes[1];
            float[] kept = new float[k0 * n1];
            for (int c = 0; c < k0; c++) System.arraycopy(w0, columns[c] * n1, kept, c * n1, n1);
            w[0] = Blas.allocate((long) k0 * n1);
            w[0].put(kept);
            for (int l = 1; l < layers; l++) {
                w[l] = Blas.allocate((long) sizes[l] * sizes[l + 1]);
                w[l].put(net.weights(l));
            }
            float[][] bias = new float[layers][];
            for (int l = 0; l < layers; l++) bias[l] = Arrays.copyOf(net.biases(l), DenseKernels.padded(sizes[l + 1]));
            for (int i = 0; i < 2; i++) buf[i] = Blas.allocate((long) CHUNK * widest);
            ByteBuffer[] bytes = {
                buf[0].asByteBuffer().order(ORDER), buf[1].asByteBuffer().order(ORDER)
            };
            int classes = sizes[layers], last = DenseKernels.padded(classes);
            for (int r0 = 0; r0 < n; r0 += CHUNK) {
                int rows = Math.min(CHUNK, n - r0);
                for (int l = 0; l < layers; l++) {
                    int st = DenseKernels.padded(sizes[l + 1]);
                    FloatPointer in = l == 0 ? x : buf[(l - 1) % 2];
                    long inOff = l == 0 ? (long) r0 * k0 : 0;
                    int lda = l == 0 ? k0 : DenseKernels.padded(sizes[l]);
                    int k = l == 0 ? k0 : sizes[l];
                    Blas.gemm(
                            false,
                            false,
                            rows,
                            sizes[l + 1],
                            k,
                            1f,
                            in,
                            inOff,
                            lda,
                            w[l],
                            0,
                            sizes[l + 1],
                            0f,
                            buf[l % 2],
                            0,
                            st);
                    if (l < layers - 1) K.activate(Activation.TANH, bytes[l % 2], st, bias[l], 0, rows);
                }
                ByteBuffer z = bytes[(layers - 1) % 2];
                float[] b = bias[layers - 1];
                for (int r = 0; r < rows; r++) {
                    int best = 0;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int o = 0; o < classes; o++) {
                        float v = z.getFloat((r * last + o) * 4) + b[o];
                        if (v > max) {
                            max = v;
                            best = o;
                        }
                    }
                    out[r0 + r] = best;
                }
            }
            return out;
        } finally {
            for (FloatPointer p : w) if (p != null) p.close();
            for (FloatPointer p : buf) if (p != null) p.close();
        }
    }
}
