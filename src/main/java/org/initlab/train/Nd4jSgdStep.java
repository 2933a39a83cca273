package org.initlab.train;

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
 * The reference implementation of the SGD step, written as the textbook matrix equations in ND4J ops:
 * Z = A·W + b, δ_L = ∇_a C ∘ σ'(Z_L), δ_l = (δ_{l+1}·Wᵀ) ∘ f'(Z_l), W ← W − (η/m)·Aᵀ·δ.
 * Slow at batch 10 (per-op overhead), exact by construction; the Java hot path is tested against it.
 */
final class Nd4jSgdStep implements SgdStep {
    private final Mlp net;
    private final NetworkSpec spec;
    private final int layers;
    private final INDArray[] w;
    private final INDArray[] b;
    private final LabeledImages images;
    private final double eta;
    private final double decay;
    private final float[] xBuffer;
    private final float[] yBuffer;
    private boolean synced = true;
    private final DeltaMeter deltaMeter;

    Nd4jSgdStep(Mlp network, TrainingSet data, TrainingConfig config) {
        Nd4jRuntime.ensureLoaded();
        this.net = network;
        this.spec = network.spec();
        if (spec.inputs() != data.inputs())
            throw new IllegalArgumentException(
                    "network has " + spec.inputs() + " inputs, images have " + data.inputs() + " pixels");
        this.layers = spec.layers();
        this.w = new INDArray[layers];
        this.b = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            w[l] = Nd4j.create(network.weights(l).clone(), new long[] {spec.size(l), spec.size(l + 1)}, 'c');
            b[l] = Nd4j.create(network.biases(l).clone(), new long[] {1, spec.size(l + 1)}, 'c');
        }
        this.images = data.images();
        this.eta = config.eta();
        this.decay = 1.0 - config.eta() * config.lambda() / data.count();
        this.xBuffer = new float[config.batchSize() * spec.inputs()];
        this.yBuffer = new float[config.batchSize() * spec.outputs()];
        this.deltaMeter = new DeltaMeter(layers);
    }

    @Override
    public double step(int[] batch, int count) {
        int p = spec.inputs(), k = spec.outputs();
        java.util.Arrays.fill(yBuffer, 0f);
        for (int s = 0; s < count; s++) {
            for (int j = 0; j < p; j++) xBuffer[s * p + j] = images.pixel(batch[s], j);
            yBuffer[s * k + images.label(batch[s])] = 1f;
        }
        INDArray x = Nd4j.create(java.util.Arrays.copyOf(xBuffer, count * p), new long[] {count, p}, 'c');
        INDArray y = Nd4j.create(java.util.Arrays.copyOf(yBuffer, count * k), new long[] {count, k}, 'c');

        INDArray[] zs = new INDArray[layers];
        INDArray[] as = new INDArray[layers + 1];
        as[0] = x;
        for (int l = 0; l < layers; l++) {
            zs[l] = as[l].mmul(w[l]).addiRowVector(b[l]);
            as[l + 1] = activate(zs[l], l == layers - 1);
        }
        INDArray out = as[layers];
        double cost = cost(out, batch, count);

        INDArray delta = out.sub(y);
        if (spec.loss() == Loss.QUADRATIC) delta.muli(out.rsub(1.0).muli(out));
        INDArray[] deltas = new INDArray[layers];
        deltas[layers - 1] = delta;
        for (int l = layers - 1; l >= 1; l--) {
            deltas[l - 1] = deltas[l].mmul(w[l].transpose()).muli(derivative(zs[l - 1], as[l]));
        }
        for (int l = 0; l < layers; l++)
            deltaMeter.add(l, deltas[l].ameanNumber().doubleValue() * count);
        deltaMeter.countExamples(count);
        double scale = eta / count;
        for (int l = 0; l < layers; l++) {
            INDArray gradW = as[l].transpose().mmul(deltas[l]);
            INDArray gradB = deltas[l].sum(true, 0);
            if (decay != 1.0) w[l].muli(decay);
            w[l].subi(gradW.muli(scale));
            b[l].subi(gradB.muli(scale));
            gradW.close();
            gradB.close();
        }
        // Free the step's native buffers now rather than when the GC gets round to them (resident memory).
        for (INDArray a : as) if (!a.wasClosed()) a.close();
        for (INDArray d : deltas) if (!d.wasClosed()) d.close();
        for (INDArray z : zs) if (!z.wasClosed()) z.close();
        if (!y.wasClosed()) y.close();
        synced = false;
        return cost;
    }

    private INDArray activate(INDArray z, boolean outputLayer) {
        if (outputLayer) {
            return spec.output() == OutputLayer.SOFTMAX ? Transforms.softmax(z, true) : Transforms.sigmoid(z, true);
        }
        return switch (spec.hidden()) {
            case SIGMOID -> Transforms.sigmoid(z, true);
            case TANH -> Transforms.tanh(z, true);
            case RELU -> Transforms.relu(z, true);
        };
    }

    private INDArray derivative(INDArray z, INDArray a) {
        Activation f = spec.hidden();
        return switch (f) {
            case SIGMOID -> a.rsub(1.0).muli(a);
            case TANH -> a.mul(a).rsubi(1.0);
            case RELU -> z.gt(0).castTo(z.dataType());
        };
    }

    private double cost(INDArray out, int[] batch, int count) {
        float[] a = out.data().asFloat();
        int k = spec.outputs();
        double sum = 0;
        for (int s = 0; s < count; s++) sum += spec.loss().cost(a, s * k, k, images.label(batch[s]), spec.output());
        return sum;
    }

    @Override
    public double[] takeMeanAbsDelta() {
        return deltaMeter.take();
    }

    @Override
    public Mlp network() {
        if (!synced) {
            for (int l = 0; l < layers; l++) {
                System.arraycopy(w[l].data().asFloat(), 0, net.weights(l), 0, net.weights(l).length);
                System.arraycopy(b[l].data().asFloat(), 0, net.biases(l), 0, net.biases(l).length);
            }
            synced = true;
        }
        return net;
    }
}
