package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.TestData;
import org.initlab.math.Seeds;
import org.junit.jupiter.api.Test;

/** Beyond the reference: the zero-init trap, deep ReLU variance under He vs N(0,1), seed bands, depth. */
class BreadthTest {
    @Test
    void zeroInitHiddenUnitsStayIdenticalAfterTraining() throws InterruptedException {
        NetworkSpec spec = NetworkSpec.reference(784, 30, 10);
        TrainingConfig config = TrainingConfig.reference().withEpochs(1).withBatchesPerEpoch(500);
        InitScheme zeros = new InitScheme(InitCatalog.byId("zeros"), BiasInit.ZEROS);
        RunKey key = new RunKey(0, zeros, 1);
        TrainingSet data = TrainingSet.of(TestData.mnist(), EvalSplit.TEST);
        SgdStep step = Engine.JAVA.create(TrainingRun.initialNetwork(spec, key), data, config);
        BatchSampler sampler = new BatchSampler(data.first(), data.count(), 10, Seeds.rng(1, Seeds.BATCHES));
        int[] batch = new int[10];
        for (int i = 0; i < 500; i++) {
            sampler.next(batch);
            step.step(batch, 10);
        }
        Mlp net = step.network();
        float[] w = net.weights(0), b = net.biases(0);
        double spread = 0, size = 0;
        for (int i = 0; i < 784; i++) {
            for (int h = 1; h < 30; h++) spread = Math.max(spread, Math.abs(w[i * 30 + h] - w[i * 30]));
            size = Math.max(size, Math.abs(w[i * 30]));
        }
        for (int h = 1; h < 30; h++) spread = Math.max(spread, Math.abs(b[h] - b[0]));
        assertTrue(size > 1e-3, "the weights did move: " + size);
        assertEquals(0.0, spread, "all 30 hidden units are the same unit");
    }

    /** Variance of the activations of each hidden layer of a 10-layer ReLU net over 1,000 test images. */
    private static double[] activationVariance(String scheme) {
        int[] sizes = new int[12];
        sizes[0] = 784;
        for (int l = 1; l <= 10; l++) sizes[l] = 100;
        sizes[11] = 10;
        NetworkSpec spec = new NetworkSpec(sizes, Activation.RELU, OutputLayer.SOFTMAX, Loss.CROSS_ENTROPY);
        Mlp net = TrainingRun.initialNetwork(
                spec, new RunKey(0, new InitScheme(InitCatalog.byId(scheme), BiasInit.ZEROS), 5));
        List<float[]> zs = new Nd4jEvaluator(TestData.mnist().test(), Nd4jEvaluator.evenlySpaced(10_000, 1000))
                .hiddenWeightedInputs(net);
        double[] var = new double[zs.size()];
        for (int l = 0; l < zs.size(); l++) {
            double sum = 0, sq = 0;
            for (float z : zs.get(l)) {
                double a = Math.max(0, z);
                sum += a;
                sq += a * a;
            }
            int n = zs.get(l).length;
            var[l] = sq / n - (sum / n) * (sum / n);
        }
        return var;
    }

    @Test
    void heKeepsReluActivationVarianceAcrossTenLayersWhileStandardExplodes() {
        double[] he = activationVariance("he"), standard = activationVariance("standard");
        assertEquals(10, he.length);
        double min = Double.MAX_VALUE, max = 0;
        for (double v : he) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(
                max / min < 2,
                "He: max/min variance over 10 layers " + max / min + " " + java.util.Arrays.toString(he));
        assertTrue(
                standard[9] / standard[0] > 1e12,
                "N(0,1): variance grows ~50× per layer: " + java.util.Arrays.toString(standard));
    }

    @Test
    void seedBandsOnKnownNumbers() {
        SeedBands bands = SeedBands.of(List.of(List.of(90.0, 94.0), List.of(92.0, 95.0), List.of(94.0)));
        SeedBands.Band e0 = bands.epochs().get(0), e1 = bands.epochs().get(1);
        assertEquals(92.0, e0.mean(), 1e-12);
        assertEquals(2.0, e0.sd(), 1e-12, "sample sd of 90, 92, 94");
        assertEquals(90.0, e0.min());
        assertEquals(94.0, e0.max());
        assertEquals(3, e0.runs());
        assertEquals(2, e1.runs(), "the third run stopped after epoch 0");
        assertEquals(94.5, e1.mean(), 1e-12);
        assertEquals(Math.sqrt(0.5), e1.sd(), 1e-12);
        assertEquals(0.0, SeedBands.summary(List.of(3.0)).sd());
    }

    @Test
    void deepNetworksTrainWithEveryActivationAndReportEachLayersGradient() throws InterruptedException {
        for (Activation act : Activation.values()) {
            NetworkSpec spec =
                    new NetworkSpec(new int[] {784, 40, 40, 40, 10}, act, OutputLayer.SOFTMAX, Loss.CROSS_ENTROPY);
            TrainingConfig config = TrainingConfig.reference()
                    .withEpochs(1)
                    .withBatchesPerEpoch(1000)
                    .withEta(act == Activation.RELU ? 0.05 : act == Activation.TANH ? 0.3 : 2.0);
            String scheme = act == Activation.RELU ? "he" : "xavier";
            RunResult r = new Comparison(
                            spec,
                            config,
                            List.of(new InitScheme(InitCatalog.byId(scheme), BiasInit.ZEROS)),
                            List.of(2L),
                            1)
                    .run(TestData.mnist(), TrainingListener.NONE, new RunControl())
                    .get(0);
            assertEquals(RunStatus.COMPLETED, r.status(), act + ": " + r.message());
            // Deep sigmoid nets learn slowest (vanishing gradient): 79% after 10,000 examples here, ReLU and tanh above
            // 85%.
            double floor = act == Activation.SIGMOID ? 75 : 85;
            assertTrue(
                    r.epochs().get(0).accuracyPercent() > floor,
                    act + " learned: " + r.epochs().get(0).accuracyPercent());
            EpochResult e = r.epochs().get(0);
            assertEquals(3, e.hiddenZ().size(), "one z sample per hidden layer");
            assertEquals(4, e.meanAbsDelta().length, "one gradient magnitude per layer");
            for (double d : e.meanAbsDelta())
                assertTrue(d > 0 && Double.isFinite(d), act + " " + java.util.Arrays.toString(e.meanAbsDelta()));
        }
    }

    @Test
    void sigmoidDepthShowsTheVanishingGradient() throws InterruptedException {
        NetworkSpec spec = new NetworkSpec(
                new int[] {784, 30, 30, 30, 30, 10}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
        TrainingConfig config = TrainingConfig.reference().withEpochs(1).withBatchesPerEpoch(200);
        RunResult r = new Comparison(spec, config, List.of(InitScheme.of(InitCatalog.byId("standard"))), List.of(1L), 1)
                .run(TestData.mnist(), TrainingListener.NONE, new RunControl())
                .get(0);
        double[] d = r.epochs().get(0).meanAbsDelta();
        // Nielsen ch. 5: each sigmoid layer closer to the input learns slower (σ' ≤ 1/4 per layer).
        assertTrue(d[0] < d[3], java.util.Arrays.toString(d));
    }
}
