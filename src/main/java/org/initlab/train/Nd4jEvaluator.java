package org.initlab.train;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.data.LabeledImages;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Accuracy of a network on a whole image set in one bulk computation: one gemm per layer over all
 * images at once (10,000 × 784 · 784 × 30 for the reference), then an arg-max. The output activation is
 * skipped because sigmoid and softmax are monotonic and do not change the arg-max. Thread-safe: the
 * image matrix is read-only.
 */
public final class Nd4jEvaluator {
    private final INDArray x;
    private final int[] labels;

    /** All images of {@code images}, or the rows listed in {@code rows} when it is not null. */
    public Nd4jEvaluator(LabeledImages images, int[] rows) {
        Nd4jRuntime.ensureLoaded();
        int n = rows == null ? images.count() : rows.length;
        int p = images.pixelsPerImage();
        float[] data = new float[n * p];
        labels = new int[n];
        for (int r = 0; r < n; r++) {
            int i = rows == null ? r : rows[r];
            for (int j = 0; j < p; j++) data[r * p + j] = images.pixel(i, j);
            labels[r] = images.label(i);
        }
        x = Nd4j.create(data, new long[] {n, p}, 'c');
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

    /** Number of images whose arg-max output equals the label. */
    public int correct(Mlp net) {
        INDArray out = forward(net, null);
        long[] predicted = Nd4j.argMax(out, 1).data().asLong();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) if (predicted[i] == labels[i]) correct++;
        return correct;
    }

    /** The weighted inputs z of every hidden layer over the whole set, layer by layer (row-major, image × unit). */
    public List<float[]> hiddenWeightedInputs(Mlp net) {
        List<float[]> zs = new ArrayList<>();
        forward(net, zs);
        return zs;
    }

    private INDArray forward(Mlp net, List<float[]> hiddenZ) {
        NetworkSpec spec = net.spec();
        INDArray a = x;
        for (int l = 0; l < spec.layers(); l++) {
            INDArray w = Nd4j.create(net.weights(l), new long[] {spec.size(l), spec.size(l + 1)}, 'c');
            INDArray b = Nd4j.create(net.biases(l), new long[] {1, spec.size(l + 1)}, 'c');
            INDArray z = a.mmul(w).addiRowVector(b);
            if (l == spec.layers() - 1) return z;
            if (hiddenZ != null) hiddenZ.add(z.data().asFloat());
            a = switch (spec.hidden()) {
                case SIGMOID -> Transforms.sigmoid(z, false);
                case TANH -> Transforms.tanh(z, false);
                case RELU -> Transforms.relu(z, false);
            };
        }
        throw new IllegalStateException("network without layers");
    }
}
