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
import org.initlab.train.EngineAgreementTest.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dense engine (OpenBLAS products, element-wise kernels) against the textbook step of
 * {@link EngineAgreementTest} written out in doubles, on deep and wide shapes and every activation, output
 * and loss; and its bits on 1, 2 and 8 threads.
 */
class DenseEngineAgreementTest {
    record Case(
            String name,
            int[] sizes,
            Activation hidden,
            OutputLayer output,
            Loss loss,
            double eta,
            double lambda,
            String scheme,
            int batch) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case[] cases() {
        return new Case[] {
            new Case(
                    "deep tanh softmax",
                    new int[] {20, 24, 24, 24, 24, 24, 24, 24, 24, 5},
                    Activation.TANH,
                    OutputLayer.SOFTMAX,
                    Loss.CROSS_ENTROPY,
                    0.5,
                    0,
                    "lecun",
                    6),
            new Case(
                    "deep sigmoid quadratic, λ = 5",
                    new int[] {20, 40, 33, 17, 40, 3},
                    Activation.SIGMOID,
                    OutputLayer.SIGMOID,
                    Loss.QUADRATIC,
                    2.0,
                    5.0,
                    "xavier",
                    4),
            new Case(
                    "wide relu softmax",
                    new int[] {20, 300, 257, 10},
                    Activation.RELU,
                    OutputLayer.SOFTMAX,
                    Loss.CROSS_ENTROPY,
                    0.05,
                    0,
                    "he",
                    8),
            new Case(
                    "wide tanh sigmoid cross-entropy, λ = 1",
                    new int[] {20, 200, 130, 4},
                    Activation.TANH,
                    OutputLayer.SIGMOID,
                    Loss.CROSS_ENTROPY,
                    0.1,
                    1.0,
                    "lecun",
                    5),
            new Case(
                    "deep relu, 16 outputs",
                    new int[] {20, 32, 32, 32, 32, 16},
                    Activation.RELU,
                    OutputLayer.SOFTMAX,
                    Loss.CROSS_ENTROPY,
                    0.1,
                    0,
                    "he",
                    4),
            new Case(
                    "deep sigmoid softmax",
                    new int[] {20, 50, 50, 50, 50, 50, 50, 7},
                    Activation.SIGMOID,
                    OutputLayer.SOFTMAX,
                    Loss.CROSS_ENTROPY,
                    1.0,
                    0,
                    "xavier",
                    7),
            new Case(
                    "no hidden layer",
                    new int[] {20, 5},
                    Activation.SIGMOID,
                    OutputLayer.SIGMOID,
                    Loss.QUADRATIC,
                    1.0,
                    2.0,
                    "lecun",
                    4),
        };
    }

    static final int COUNT = 30;

    @ParameterizedTest
    @MethodSource("cases")
    void denseEngineMatchesTheTextbookStep(Case c) {
        NetworkSpec spec = new NetworkSpec(c.sizes, c.hidden, c.output, c.loss);
        int classes = c.sizes[c.sizes.length - 1];
        LabeledImages images = TestData.randomImages(40, 20, classes, 77 + classes);
        TrainingSet data = new TrainingSet(images, COUNT, images, EvalSplit.TEST);
        int m = c.batch;
        TrainingConfig config =
                new TrainingConfig(c.eta, m, 10, 1, c.lambda, EpochMode.BATCHES, EvalSplit.TEST, 0, 10, Engine.JAVA);
        Mlp net = InitScheme.of(InitCatalog.byId(c.scheme)).initialize(spec, new SplittableRandom(11));
        Reference ref = new Reference(net);
        SgdStep step = new DenseSgdStep(net.copy(), data, config, 1);
        BatchSampler sampler = new BatchSampler(COUNT, m, new SplittableRandom(12));
        int[] batch = new int[m];
        for (int s = 0; s < 5; s++) {
            int count = s == 4 ? m - 1 : m; // a short last batch: the mean is over the examples given
            sampler.next(batch);
            double want = ref.step(images, batch, count, c.eta, c.lambda, COUNT);
            double got = step.step(batch, count);
            assertEquals(want, got, 1e-4 * Math.abs(want) + 1e-5, c + ": summed cost of step " + s);
        }
        double[] meanAbsDelta = step.takeMeanAbsDelta();
        assertEquals(c.sizes.length - 1, meanAbsDelta.length);
        for (int l = 0; l < meanAbsDelta.length; l++) {
            double want = ref.meanAbsDeltaSum[l] / ref.examples;
            assertEquals(want, meanAbsDelta[l], 1e-4 * want + 1e-7, c + ": mean |δ| of layer " + l);
        }
        for (double d : step.takeMeanAbsDelta())
            assertTrue(Double.isNaN(d), "nothing since the last take: NaN, got " + d);
        Mlp after = step.network();
        double moved = 0;
        for (int l = 0; l < c.sizes.length - 1; l++) {
            float[] w = after.weights(l), bias = after.biases(l);
            for (int i = 0; i < w.length; i++) {
                assertEquals(
                        ref.w[l][i], w[i], 2e-5 + 2e-4 * Math.abs(ref.w[l][i]), c + ": weight " + i + " of layer " + l);
                moved = Math.max(moved, Math.abs(w[i] - net.weights(l)[i]));
            }
            for (int i = 0; i < bias.length; i++)
                assertEquals(
                        ref.b[l][i],
                        bias[i],
                        2e-5 + 2e-4 * Math.abs(ref.b[l][i]),
                        c + ": bias " + i + " of layer " + l);
        }
        assertTrue(moved > 1e-3, "the steps moved the weights: " + moved);
    }

    /**
     * Products large enough to be split into column blocks, deep enough that the backward pass's δ buffers go round
     * their ring, and a last batch smaller than the others: the same bits on 1, 2 and 8 threads.
     */
    @Test
    void sameBitsOnOneTwoAndEightThreads() {
        for (Activation act : Activation.values()) {
            NetworkSpec spec = new NetworkSpec(
                    new int[] {100, 300, 300, 300, 300, 300, 300, 10}, act, OutputLayer.SOFTMAX, Loss.CROSS_ENTROPY);
            LabeledImages images = TestData.randomImages(400, 100, 10, 5);
            TrainingSet data = new TrainingSet(images, 400, images, EvalSplit.TEST);
            TrainingConfig config =
                    new TrainingConfig(0.05, 128, 10, 1, 0.5, EpochMode.BATCHES, EvalSplit.TEST, 0, 10, Engine.JAVA);
            Mlp start = InitScheme.of(InitCatalog.byId("lecun")).initialize(spec, new SplittableRandom(4));
            Trained one = train(start, data, config, 1),
                    two = train(start, data, config, 2),
                    eight = train(start, data, config, 8);
            Trained auto = train(start, data, config, 0);
            for (Trained t : new Trained[] {two, eight, auto}) {
                assertArrayEquals(one.costs, t.costs, 0, act + ": costs");
                assertArrayEquals(one.meanAbsDelta, t.meanAbsDelta, 0, act + ": mean |δ|");
                for (int l = 0; l < spec.layers(); l++) {
                    assertArrayEquals(one.net.weights(l), t.net.weights(l), 0f, act + ": weights of layer " + l);
                    assertArrayEquals(one.net.biases(l), t.net.biases(l), 0f, act + ": biases of layer " + l);
                }
            }
            assertTrue(Math.abs(one.net.weights(2)[7] - start.weights(2)[7]) > 0, act + ": trained");
        }
    }

    /** Automatic threads switch between one and the free cores after 8 and 16 steps (the trial): the same bits as one thread throughout. */
    @Test
    void automaticThreadsAcrossTheirTrialKeepTheBits() {
        NetworkSpec spec = new NetworkSpec(
                new int[] {100, 300, 300, 10}, Activation.TANH, OutputLayer.SOFTMAX, Loss.CROSS_ENTROPY);
        LabeledImages images = TestData.randomImages(400, 100, 10, 6);
        TrainingSet data = new TrainingSet(images, 400, images, EvalSplit.TEST);
        TrainingConfig config =
                new TrainingConfig(0.05, 128, 10, 1, 0, EpochMode.BATCHES, EvalSplit.TEST, 0, 10, Engine.JAVA);
        Mlp start = InitScheme.of(InitCatalog.byId("lecun")).initialize(spec, new SplittableRandom(5));
        Trained one = train(start, data, config, 1, 20), auto = train(start, data, config, 0, 20);
        assertArrayEquals(one.costs, auto.costs, 0, "costs");
        for (int l = 0; l < spec.layers(); l++)
            assertArrayEquals(one.net.weights(l), auto.net.weights(l), 0f, "weights of layer " + l);
    }

    record Trained(double[] costs, double[] meanAbsDelta, Mlp net) {}

    private static Trained train(Mlp start, TrainingSet data, TrainingConfig config, int threads) {
        return train(start, data, config, threads, 6);
    }

    private static Trained train(Mlp start, TrainingSet data, TrainingConfig config, int threads, int steps) {
        SgdStep step = new DenseSgdStep(start.copy(), data, config, threads);
        BatchSampler sampler = new BatchSampler(data.count(), config.batchSize(), new SplittableRandom(9));
        int[] batch = new int[config.batchSize()];
        double[] costs = new double[steps];
        for (int s = 0; s < costs.length; s++)
            costs[s] = step.step(batch, s == costs.length - 1 ? sampler.next(batch) * 2 / 5 : sampler.next(batch));
        return new Trained(costs, step.takeMeanAbsDelta(), step.network());
    }

    @Test
    void refusesImagesOfAnotherSizeAndOversizedBatches() {
        NetworkSpec spec = new NetworkSpec(new int[] {21, 3}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
        LabeledImages images = TestData.randomImages(10, 20, 3, 8);
        TrainingConfig config =
                new TrainingConfig(0.1, 4, 1, 1, 0, EpochMode.BATCHES, EvalSplit.TEST, 0, 1, Engine.JAVA);
        TrainingSet data = new TrainingSet(images, 10, images, EvalSplit.TEST);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new DenseSgdStep(new Mlp(spec), data, config, 1));
        assertEquals("network has 21 inputs, images have 20 pixels", e.getMessage());
        NetworkSpec fits = new NetworkSpec(new int[] {20, 3}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
        DenseSgdStep step = new DenseSgdStep(new Mlp(fits), data, config, 1);
        e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> step.step(new int[5], 5));
        assertEquals("batch of 5 examples; this step takes 1 to 4", e.getMessage());
    }
}
