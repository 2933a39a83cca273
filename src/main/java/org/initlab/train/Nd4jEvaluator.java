package org.initlab.train;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.data.LabeledImages;
import org.initlab.platform.Nd4jRuntime;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Accuracy of a network on a whole image set in one bulk computation: one gemm per layer over all
 * images at once (10,000 × 668 · 668 × 30 for the reference), then an arg-max. Pixel columns that are 0
 * in every image of the set (116 of MNIST's 784 test columns) are dropped from the image matrix once,
 * and the matching weight rows are skipped: they multiply exact zeros. The output activation is skipped
 * because sigmoid and softmax are monotonic and do not change the arg-max. Thread-safe: the image matrix
 * is read-only; each call's temporaries are closed at once so native memory does not wait for the GC.
 */
public final class Nd4jEvaluator {
    private final INDArray x;
    private final int[] labels;
    /** The pixel columns kept in {@code x}: those non-zero in at least one image. */
    private final int[] columns;

    /** All images of {@code images}, or the rows listed in {@code rows} when it is not null. */
    public Nd4jEvaluator(LabeledImages images, int[] rows) {
        Nd4jRuntime.ensureLoaded();
        int n = rows == null ? images.count() : rows.length;
        int p = images.pixelsPerImage();
        boolean[] used = new boolean[p];
        for (int r = 0; r < n; r++) {
            int i = rows == null ? r : rows[r];
            for (int j = 0; j < p; j++) if (images.pixel(i, j) != 0f) used[j] = true;
        }
        int k = 0;
        for (boolean u : used) if (u) k++;
        columns = new int[Math.max(1, k)];
        for (int j = 0, c = 0; j < p; j++) if (used[j]) columns[c++] = j;
        float[] data = new float[n * columns.length];
        labels = new int[n];
        for (int r = 0; r < n; r++) {
            int i = rows == null ? r : rows[r];
            for (int c = 0; c < columns.length; c++) data[r * columns.length + c] = images.pixel(i, columns[c]);
            labels[r] = images.label(i);
        }
        x = Nd4j.create(data, new long[] {n, columns.length}, 'c');
    }

    /** {@code count} rows spread evenly over the set: a fixed, seed-independent probe sample. */
    public static int[] evenlySpaced(int setSize, int count) {
        int n = Math.min(setSize, count);
        int[] rows = new int[n];
        for (int r = 0; r < n; r++) rows[r] = (int) ((long) r * setSize / n);
        return rows;
    }

    public int size() {
        return labels.length;
    }

    /** Number of images whose arg-max output equals the label; tanh networks through {@link DenseForward}, 3.6× faster. */
    public int correct(Mlp net) {
        if (DenseForward.suits(net.spec())) {
            int[] predicted = DenseForward.predict(
                    net, new org.bytedeco.javacpp.FloatPointer(x.data().addressPointer()), labels.length, columns);
            int correct = 0;
            for (int i = 0; i < labels.length; i++) if (predicted[i] == labels[i]) correct++;
            return correct;
        }
        INDArray out = forward(net, null);
        INDArray argMax = Nd4j.argMax(out, 1);
        // Read in place: a copy (asLong) was 80 kB of garbage per evaluation, and a collection while
        // training is a pause the window feels.
        java.nio.LongBuffer predicted = argMax.data().asNioLong();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) if (predicted.get(i) == labels[i]) correct++;
        out.close();
        argMax.close();
        return correct;
    }

    /** The weighted inputs z of every hidden layer over the whole set, layer by layer (row-major, image × unit). */
    public List<float[]> hiddenWeightedInputs(Mlp net) {
        List<float[]> zs = new ArrayList<>();
        forward(net, zs);
        return zs;
    }

    /** Accuracy and the probe's gradient statistic: what {@link #measure} returns. */
    public record Measured(int correct, Gradients gradients) {}

    /**
     * The accuracy ({@link #correct}'s, from the same arg-max of the output z) and the {@link Gradients} of the
     * cost over this set: one forward pass, kept per layer, and one backward pass, in bulk. When {@code hiddenZ}
     * is not null the hidden layers' z are added to it, bit for bit those of {@link #hiddenWeightedInputs}.
     * Thread-safe; the temporaries are closed before it returns.
     */
    public Measured measure(Mlp net, List<float[]> hiddenZ) {
        NetworkSpec spec = net.spec();
        int layers = spec.layers(), n = labels.length, k = spec.outputs();
        INDArray[] w = new INDArray[layers];
        INDArray[] act = new INDArray[layers + 1];
        act[0] = x;
        int correct = 0;
        try {
            for (int l = 0; l < layers; l++) {
                w[l] = weights(net, l);
                INDArray z = layerZ(act[l], w[l], net.biases(l), spec.size(l + 1));
                if (l == layers - 1) {
                    INDArray argMax = Nd4j.argMax(z, 1);
                    java.nio.LongBuffer predicted = argMax.data().asNioLong();
                    for (int i = 0; i < n; i++) if (predicted.get(i) == labels[i]) correct++;
                    argMax.close();
                    act[l + 1] = spec.output() == OutputLayer.SOFTMAX
                            ? Transforms.softmax(z, false)
                            : Transforms.sigmoid(z, false);
                } else {
                    if (hiddenZ != null) {
                        INDArray rowMajor = z.dup('c');
                        hiddenZ.add(rowMajor.data().asFloat());
                        rowMajor.close();
                    }
                    act[l + 1] = activate(spec.hidden(), z);
                }
            }
            float[] y = new float[n * k];
            // A label with no output unit of its own targets all zeros, as the SGD steps do.
            for (int i = 0; i < n; i++) if (labels[i] < k) y[i * k + labels[i]] = 1f;
            INDArray out = act[layers];
            INDArray yArr = Nd4j.create(y, new long[] {n, k}, 'c');
            INDArray delta = out.sub(yArr);
            yArr.close();
            // As the SGD steps: quadratic δ = (a − y)·a(1 − a); cross-entropy δ = a − y.
            if (spec.loss() == Loss.QUADRATIC) {
                INDArray d = out.rsub(1.0).muli(out);
                delta.muli(d);
                d.close();
            }
            double[] dz = new double[layers], dw = new double[layers];
            for (int l = layers - 1; l >= 0; l--) {
                dz[l] = delta.ameanNumber().doubleValue();
                INDArray gradW = act[l].transpose().mmul(delta);
                // Layer 0's dropped pixel columns are 0 in every image: their gradient is exactly 0, counted in the
                // mean.
                dw[l] = gradW.norm1Number().doubleValue() / n / ((double) spec.size(l) * spec.size(l + 1));
                gradW.close();
                if (l > 0) {
                    INDArray back = delta.mmul(w[l].transpose());
                    INDArray f = derivative(spec.hidden(), act[l]);
                    back.muli(f);
                    f.close();
                    delta.close();
                    delta = back;
                }
            }
            delta.close();
            return new Measured(correct, new Gradients(dz, dw));
        } finally {
            for (INDArray a : w) if (a != null && !a.wasClosed()) a.close();
            for (int l = 1; l < act.length; l++) if (act[l] != null && !act[l].wasClosed()) act[l].close();
        }
    }

    private INDArray weights(Mlp net, int l) {
        NetworkSpec spec = net.spec();
        INDArray w = Nd4j.create(net.weights(l), new long[] {spec.size(l), spec.size(l + 1)}, 'c');
        if (l > 0) return w;
        INDArray kept = Nd4j.pullRows(w, 1, columns); // the rows of the kept pixel columns, gathered natively
        w.close();
        return kept;
    }

    /** z = a·W + b, as {@link #forward} computes it (the same gemm, so the same bits). */
    private static INDArray layerZ(INDArray a, INDArray w, float[] bias, int nOut) {
        INDArray b = Nd4j.create(bias, new long[] {1, nOut}, 'c');
        INDArray z = Nd4j.gemm(
                        a,
                        w,
                        Nd4j.createUninitialized(
                                org.nd4j.linalg.api.buffer.DataType.FLOAT, new long[] {a.rows(), nOut}, 'f'),
                        false,
                        false,
                        1.0,
                        0.0)
                .addiRowVector(b);
        b.close();
        return z;
    }

    /** The hidden activation, in place: z becomes a. */
    private static INDArray activate(Activation f, INDArray z) {
        return switch (f) {
            case SIGMOID -> Transforms.sigmoid(z, false);
            case TANH -> Transforms.tanh(z, false);
            case RELU -> Transforms.relu(z, false);
        };
    }

    /** f'(z) from the activation a = f(z). */
    private static INDArray derivative(Activation f, INDArray a) {
        return switch (f) {
            case SIGMOID -> a.rsub(1.0).muli(a);
            case TANH -> a.mul(a).rsubi(1.0);
            case RELU -> a.gt(0).castTo(a.dataType());
        };
    }

    private INDArray forward(Mlp net, List<float[]> hiddenZ) {
        NetworkSpec spec = net.spec();
        INDArray a = x;
        for (int l = 0; l < spec.layers(); l++) {
            int nOut = spec.size(l + 1);
            INDArray w = Nd4j.create(net.weights(l), new long[] {spec.size(l), nOut}, 'c');
            if (l == 0) {
                INDArray all = w;
                w = Nd4j.pullRows(all, 1, columns); // the rows of the kept pixel columns, gathered natively
                all.close();
            }
            INDArray b = Nd4j.create(net.biases(l), new long[] {1, nOut}, 'c');
            // Into a column-major result: OpenBLAS is ~20% faster for this tall, narrow product than with a row-major
            // one.
            INDArray z = Nd4j.gemm(
                            a,
                            w,
                            Nd4j.createUninitialized(
                                    org.nd4j.linalg.api.buffer.DataType.FLOAT, new long[] {a.rows(), nOut}, 'f'),
                            false,
                            false,
                            1.0,
                            0.0)
                    .addiRowVector(b);
            w.close();
            b.close();
            if (a != x) a.close();
            if (l == spec.layers() - 1) return z;
            if (hiddenZ != null) {
                INDArray rowMajor = z.dup('c'); // z is column-major; callers get image × unit rows
                hiddenZ.add(rowMajor.data().asFloat());
                rowMajor.close();
            }
            // In place: z becomes the activation.
            a = switch (spec.hidden()) {
                case SIGMOID -> Transforms.sigmoid(z, false);
                case TANH -> Transforms.tanh(z, false);
                case RELU -> Transforms.relu(z, false);
            };
        }
        throw new IllegalStateException("network without layers");
    }
}
