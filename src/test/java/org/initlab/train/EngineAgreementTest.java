package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.LabeledImages;
import org.initlab.data.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both SGD engines against Nielsen's {@code update_mini_batch} written out here in doubles, plain loops, no
 * shared code: forward pass, output error, backpropagation, weight decay (1 − ηλ/n), update, the batch's
 * summed cost and the per-layer mean |δ|. Small random networks, so it takes milliseconds, not the
 * 5,000-batch epochs of {@link EngineDifferentialTest}.
 */
class EngineAgreementTest {
    /** Nielsen's network2 in doubles: w[l][i*nOut+o], b[l][o]. */
    static final class Reference {
        final int[] sizes;
        final Activation hidden;
        final OutputLayer output;
        final Loss loss;
        final double[][] w, b;
        double[] meanAbsDeltaSum;
        int examples;

        Reference(Mlp net) {
            NetworkSpec spec = net.spec();
            sizes = spec.sizes();
            hidden = spec.hidden();
            output = spec.output();
            loss = spec.loss();
            int layers = sizes.length - 1;
            w = new double[layers][];
            b = new double[layers][];
            for (int l = 0; l < layers; l++) {
                w[l] = new double[net.weights(l).length];
                for (int i = 0; i < w[l].length; i++) w[l][i] = net.weights(l)[i];
                b[l] = new double[net.biases(l).length];
                for (int i = 0; i < b[l].length; i++) b[l][i] = net.biases(l)[i];
            }
            meanAbsDeltaSum = new double[layers];
        }

        static double f(Activation act, double z) {
            return switch (act) {
                case SIGMOID -> 1 / (1 + Math.exp(-z));
                case TANH -> Math.tanh(z);
                case RELU -> Math.max(0, z);
            };
        }

        static double fPrime(Activation act, double z) {
            return switch (act) {
                case SIGMOID -> Math.exp(-z) / ((1 + Math.exp(-z)) * (1 + Math.exp(-z)));
                case TANH -> 1 / (Math.cosh(z) * Math.cosh(z));
                case RELU -> z > 0 ? 1 : 0;
            };
        }

        /** One step on {@code batch}; returns the summed cost before it. */
        double step(LabeledImages images, int[] batch, int m, double eta, double lambda, int n) {
            int layers = sizes.length - 1;
            double[][] gw = new double[layers][], gb = new double[layers][];
            for (int l = 0; l < layers; l++) {
                gw[l] = new double[w[l].length];
                gb[l] = new double[b[l].length];
            }
            double cost = 0;
            for (int e = 0; e < m; e++) {
                int img = batch[e], label = images.label(img);
                double[][] a = new double[layers + 1][], z = new double[layers][];
                a[0] = new double[sizes[0]];
                for (int j = 0; j < sizes[0]; j++) a[0][j] = (images.pixels()[img * sizes[0] + j] & 0xFF) / 255.0;
                for (int l = 0; l < layers; l++) {
                    int nIn = sizes[l], nOut = sizes[l + 1];
                    z[l] = new double[nOut];
                    a[l + 1] = new double[nOut];
                    for (int o = 0; o < nOut; o++) {
                        double s = b[l][o];
                        for (int i = 0; i < nIn; i++) s += a[l][i] * w[l][i * nOut + o];
                        z[l][o] = s;
                    }
                    if (l < layers - 1) {
                        for (int o = 0; o < nOut; o++) a[l + 1][o] = f(hidden, z[l][o]);
                    } else if (output == OutputLayer.SIGMOID) {
                        for (int o = 0; o < nOut; o++) a[l + 1][o] = f(Activation.SIGMOID, z[l][o]);
                    } else {
                        double sum = 0;
                        for (int o = 0; o < nOut; o++) sum += Math.exp(z[l][o]);
                        for (int o = 0; o < nOut; o++) a[l + 1][o] = Math.exp(z[l][o]) / sum;
                    }
                }
                double[] out = a[layers];
                int k = out.length;
                if (loss == Loss.QUADRATIC) {
                    for (int o = 0; o < k; o++) cost += 0.5 * Math.pow(out[o] - (o == label ? 1 : 0), 2);
                } else if (output == OutputLayer.SOFTMAX) {
                    cost += -Math.log(out[label]);
                } else {
                    for (int o = 0; o < k; o++) cost += o == label ? -Math.log(out[o]) : -Math.log(1 - out[o]);
                }
                double[][] delta = new double[layers][];
                delta[layers - 1] = new double[k];
                for (int o = 0; o < k; o++) {
                    double diff = out[o] - (o == label ? 1 : 0);
                    delta[layers - 1][o] =
                            loss == Loss.QUADRATIC ? diff * fPrime(Activation.SIGMOID, z[layers - 1][o]) : diff;
                }
                for (int l = layers - 2; l >= 0; l--) {
                    int nOut = sizes[l + 1], nNext = sizes[l + 2];
                    delta[l] = new double[nOut];
                    for (int i = 0; i < nOut; i++) {
                        double s = 0;
                        for (int o = 0; o < nNext; o++) s += w[l + 1][i * nNext + o] * delta[l + 1][o];
                        delta[l][i] = s * fPrime(hidden, z[l][i]);
                    }
                }
                for (int l = 0; l < layers; l++) {
                    int nIn = sizes[l], nOut = sizes[l + 1];
                    double abs = 0;
                    for (int o = 0; o < nOut; o++) {
                        gb[l][o] += delta[l][o];
                        abs += Math.abs(delta[l][o]);
                        for (int i = 0; i < nIn; i++) gw[l][i * nOut + o] += a[l][i] * delta[l][o];
                    }
                    meanAbsDeltaSum[l] += abs / nOut;
                }
            }
            examples += m;
            double decay = 1 - eta * lambda / n;
            for (int l = 0; l < layers; l++) {
                for (int i = 0; i < w[l].length; i++) w[l][i] = decay * w[l][i] - eta / m * gw[l][i];
                for (int i = 0; i < b[l].length; i++) b[l][i] = b[l][i] - eta / m * gb[l][i];
            }
            return cost;
        }
    }

    record Case(
            String name,
            int[] sizes,
            Activation hidden,
            OutputLayer output,
            Loss loss,
            double eta,
            double lambda,
            String scheme) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case[] cases() {
        return new Case[] {
            new Case(
                    "reference-shape sigmoid/quadratic",
                    new int[] {20, 17, 5},
                    Activation.SIGMOID,
                    OutputLayer.SIGMOID,
                    Loss.QUADRATIC,
                    3.0,
                    0,
                    "lecun"),
            new Case(
                    "deep sigmoid, λ = 5",
                    new int[] {20, 40, 7, 3},
                    Activation.SIGMOID,
                    OutputLayer.SIGMOID,
                    Loss.QUADRATIC,
                    2.0,
                    5.0,
                    "xavier"),
            new Case(
                    "tanh cross-entropy",
                    new int[] {20, 33, 9, 4},
                    Activation.TANH,
                    OutputLayer.SIGMOID,
                    Loss.CROSS_ENTROPY,
                    0.5,
                    1.0,
                    "lecun"),
            new Case(
                    "relu softmax",
                    new int[] {20, 16, 12, 6},
                    Activation.RELU,
                    OutputLayer.SOFTMAX,
                    Loss.CROSS_ENTROPY,
                    0.3,
                    0,
                    "he"),
            new Case(
                    "16 softmax outputs (a whole padded row)",
                    new int[] {20, 16, 16},
                    Activation.SIGMOID,
                    OutputLayer.SOFTMAX,
                    Loss.CROSS_ENTROPY,
                    0.5,
                    0,
                    "lecun"),
            new Case(
                    "16 sigmoid outputs",
                    new int[] {20, 32, 16},
                    Activation.TANH,
                    OutputLayer.SIGMOID,
                    Loss.QUADRATIC,
                    1.0,
                    0,
                    "lecun"),
            new Case(
                    "no hidden layer",
                    new int[] {20, 5},
                    Activation.SIGMOID,
                    OutputLayer.SIGMOID,
                    Loss.QUADRATIC,
                    1.0,
                    2.0,
                    "lecun"),
        };
    }

    static final int COUNT = 30;

    private static void checkAgainstReference(Case c, Engine engine) {
        NetworkSpec spec = new NetworkSpec(c.sizes, c.hidden, c.output, c.loss);
        int classes = c.sizes[c.sizes.length - 1];
        LabeledImages images = TestData.randomImages(40, 20, classes, 77 + classes);
        // n = count = 30 of 40 images: the decay divides by the training split, not the whole image set.
        TrainingSet data = new TrainingSet(images, COUNT, images, EvalSplit.TEST);
        int m = 4;
        TrainingConfig config =
                new TrainingConfig(c.eta, m, 10, 1, c.lambda, EpochMode.BATCHES, EvalSplit.TEST, 0, 10, engine);
        Mlp net = InitScheme.of(InitCatalog.byId(c.scheme)).initialize(spec, new SplittableRandom(11));
        Reference ref = new Reference(net);
        SgdStep step = engine.create(net.copy(), data, config);
        BatchSampler sampler = new BatchSampler(COUNT, m, new SplittableRandom(12));
        int[] batch = new int[m];
        for (int s = 0; s < 5; s++) {
            int count = s == 4 ? 3 : m; // a short last batch: the mean is over the examples given, η/3
            sampler.next(batch);
            double want = ref.step(images, batch, count, c.eta, c.lambda, COUNT);
            double got = step.step(batch, count);
            assertEquals(want, got, 1e-4 * Math.abs(want) + 1e-5, c + " " + engine + ": summed cost of step " + s);
        }
        double[] meanAbsDelta = step.takeMeanAbsDelta();
        assertEquals(c.sizes.length - 1, meanAbsDelta.length);
        for (int l = 0; l < meanAbsDelta.length; l++) {
            double want = ref.meanAbsDeltaSum[l] / ref.examples;
            assertEquals(want, meanAbsDelta[l], 1e-4 * want + 1e-7, c + " " + engine + ": mean |δ| of layer " + l);
        }
        double[] again = step.takeMeanAbsDelta();
        for (double d : again) assertTrue(Double.isNaN(d), "nothing since the last take: NaN, got " + d);
        Mlp after = step.network();
        double moved = 0;
        for (int l = 0; l < c.sizes.length - 1; l++) {
            float[] w = after.weights(l), bias = after.biases(l);
            for (int i = 0; i < w.length; i++) {
                assertEquals(
                        ref.w[l][i],
                        w[i],
                        2e-5 + 2e-4 * Math.abs(ref.w[l][i]),
                        c + " " + engine + ": weight " + i + " of layer " + l);
                moved = Math.max(moved, Math.abs(w[i] - net.weights(l)[i]));
            }
            for (int i = 0; i < bias.length; i++)
                assertEquals(
                        ref.b[l][i],
                        bias[i],
                        2e-5 + 2e-4 * Math.abs(ref.b[l][i]),
                        c + " " + engine + ": bias " + i + " of layer " + l);
        }
        assertTrue(moved > 1e-3, "the steps moved the weights: " + moved);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void javaEngineMatchesTheTextbookStep(Case c) {
        checkAgainstReference(c, Engine.JAVA);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void nd4jEngineMatchesTheTextbookStep(Case c) {
        checkAgainstReference(c, Engine.ND4J);
    }

    /**
     * The weight decay alone: the same step with and without λ differs by exactly −(ηλ/n)·w₀ in every weight
     * (the gradient uses the weights from before the step), and not at all in the biases. Nielsen's factor
     * is 1 − ηλ/n; here ηλ/n = 1.5·4/30 = 0.2, so a halved λ (0.1) is off by half the difference.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void weightDecayIsOneMinusEtaLambdaOverN(Engine engine) {
        NetworkSpec spec =
                new NetworkSpec(new int[] {20, 17, 4}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
        LabeledImages images = TestData.randomImages(40, 20, 4, 5);
        TrainingSet data = new TrainingSet(images, COUNT, images, EvalSplit.TEST);
        double eta = 1.5, lambda = 4.0;
        Mlp start = InitScheme.of(InitCatalog.byId("standard")).initialize(spec, new SplittableRandom(3));
        TrainingConfig plain = new TrainingConfig(eta, 5, 10, 1, 0, EpochMode.BATCHES, EvalSplit.TEST, 0, 10, engine);
        TrainingConfig decayed =
                new TrainingConfig(eta, 5, 10, 1, lambda, EpochMode.BATCHES, EvalSplit.TEST, 0, 10, engine);
        SgdStep a = engine.create(start.copy(), data, plain), b = engine.create(start.copy(), data, decayed);
        int[] batch = {3, 17, 29, 8, 0};
        assertEquals(a.step(batch, 5), b.step(batch, 5), 0, "the cost is computed before the step");
        Mlp x = a.network(), y = b.network();
        double factor = eta * lambda / COUNT;
        for (int l = 0; l < spec.layers(); l++) {
            for (int i = 0; i < x.weights(l).length; i++) {
                double w0 = start.weights(l)[i];
                double want = -factor * w0;
                assertEquals(
                        want,
                        y.weights(l)[i] - x.weights(l)[i],
                        1e-5 + 1e-5 * Math.abs(w0),
                        engine + ": decay of weight " + i + " of layer " + l + " (w₀ = " + w0 + "): factor 1 − ηλ/n = "
                                + (1 - factor));
            }
            assertArrayEquals(x.biases(l), y.biases(l), 1e-6f, engine + ": biases are not decayed");
        }
    }

    /** Softmax of z ≈ 400 (e^400 overflows a float, e^800 a double): shifted by the max, the outputs are exact and finite. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void softmaxOfLargeOutputsStaysFinite(Engine engine) {
        NetworkSpec spec =
                new NetworkSpec(new int[] {20, 3}, Activation.SIGMOID, OutputLayer.SOFTMAX, Loss.CROSS_ENTROPY);
        LabeledImages images = TestData.randomImages(10, 20, 3, 8);
        Mlp net = new Mlp(spec); // zero weights: the output is the bias alone
        net.biases(0)[0] = 400f;
        SgdStep step = engine.create(
                net,
                new TrainingSet(images, 10, images, EvalSplit.TEST),
                new TrainingConfig(0.1, 10, 1, 1, 0, EpochMode.BATCHES, EvalSplit.TEST, 0, 1, engine));
        int[] batch = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        int wrong = 0;
        for (int i : batch) if (images.label(i) != 0) wrong++;
        // a = (1, e^−400, e^−400) → (1, 0, 0) in float: −ln 1 = 0 for label 0, −ln 1e-30 (the clamp) otherwise.
        assertEquals(wrong * -Math.log(1e-30), step.step(batch, 10), 1e-3, engine + ": summed cost");
        for (float w : step.network().weights(0)) assertTrue(Float.isFinite(w), engine + ": finite weights");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesImagesOfAnotherSize(Engine engine) {
        NetworkSpec spec = new NetworkSpec(new int[] {21, 3}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
        LabeledImages images = TestData.randomImages(10, 20, 3, 8);
        TrainingConfig config = new TrainingConfig(0.1, 10, 1, 1, 0, EpochMode.BATCHES, EvalSplit.TEST, 0, 1, engine);
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> engine.create(new Mlp(spec), new TrainingSet(images, 10, images, EvalSplit.TEST), config));
    }

    @org.junit.jupiter.api.Test
    void javaStepNamesItsKernelsAndShape() {
        NetworkSpec spec =
                new NetworkSpec(new int[] {20, 17, 5}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
        LabeledImages images = TestData.randomImages(10, 20, 5, 8);
        SgdStep step = Engine.JAVA.create(
                new Mlp(spec),
                new TrainingSet(images, 10, images, EvalSplit.TEST),
                new TrainingConfig(0.1, 10, 1, 1, 0, EpochMode.BATCHES, EvalSplit.TEST, 0, 1, Engine.JAVA));
        assertEquals("JavaSgdStep[" + VectorApi.kernelName() + ", [20, 17, 5]]", step.toString());
    }
}
