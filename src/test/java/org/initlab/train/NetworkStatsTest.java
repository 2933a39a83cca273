package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.initlab.core.init.WeightInit;
import org.initlab.data.TestData;
import org.initlab.math.SigmoidMath;
import org.junit.jupiter.api.Test;

/** The per-epoch statistics a saved run keeps: the symmetry statistic, the fixed z bins, the saturated share. */
class NetworkStatsTest {
    /**
     * Zero weights and zero biases: every hidden unit stays identical (0 throughout). Zero weights with the
     * default N(0,1) biases: identical at initialization, but the biases break the symmetry in the first epoch.
     */
    @Test
    void hiddenWeightRowsStayIdenticalUnderZerosAndDifferOtherwise() throws InterruptedException {
        TrainingConfig config = TrainingConfig.reference()
                .withEpochs(2)
                .withBatchesPerEpoch(200)
                .withProbes(0);
        WeightInit zerosInit = InitCatalog.byId("zeros");
        List<RunResult> results = new Comparison(
                        NetworkSpec.reference(784, 30, 10),
                        config,
                        List.of(
                                new InitScheme(zerosInit, BiasInit.ZEROS),
                                InitScheme.of(zerosInit),
                                InitScheme.of(InitCatalog.byId("lecun"))),
                        List.of(1L),
                        2)
                .run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        RunResult zeros = results.get(0), zeroWeights = results.get(1), lecun = results.get(2);
        assertEquals(0.0, zeros.initial().hiddenRowSpread(), "zeros: every unit's weights equal at initialization");
        assertEquals(2, zeros.epochs().size());
        for (EpochResult e : zeros.epochs())
            assertEquals(0.0, e.stats().hiddenRowSpread(), "zeros: the symmetry never breaks, epoch " + e.epoch());
        // The zero-initialized weights did move: the statistic is not 0 because nothing trained.
        assertTrue(zeros.epochs().get(1).stats().gradients().meanAbsDw()[0] > 0);
        assertEquals(0.0, zeroWeights.initial().hiddenRowSpread());
        assertTrue(zeroWeights.epochs().get(0).stats().hiddenRowSpread() > 0, "N(0,1) biases break the symmetry");
        assertTrue(lecun.initial().hiddenRowSpread() > 0);
        for (EpochResult e : lecun.epochs()) assertTrue(e.stats().hiddenRowSpread() > 0, "lecun epoch " + e.epoch());
        assertEquals(new TrainRange(5000, 55000), zeros.trainRange());
    }

    @Test
    void theSpreadIsTheLargestDifferenceBetweenTwoUnitsRows() {
        Mlp net = new Mlp(NetworkSpec.reference(3, 2, 2));
        float[] w = net.weights(0); // [input][unit]
        w[0] = 1f;
        w[1] = 1f; // input 0: both units 1
        w[2] = -0.5f;
        w[3] = 0.25f; // input 1: differ by 0.75
        w[4] = 2f;
        w[5] = 2.5f; // input 2: differ by 0.5
        assertEquals(0.75, NetworkStats.hiddenRowSpread(net), 1e-7);
        assertTrue(
                Double.isNaN(NetworkStats.hiddenRowSpread(new Mlp(
                        new NetworkSpec(new int[] {3, 2}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC)))),
                "no hidden layer");
    }

    @Test
    void histogramBinsAreFixed() {
        ZHistogram h = ZHistogram.of(
                new float[] {-31f, -30f, -29.26f, 0f, 0.74f, 0.76f, 29.99f, 30f, Float.NaN, Float.POSITIVE_INFINITY});
        assertEquals(ZHistogram.BINS, h.counts().length);
        assertEquals(0.75, h.binWidth(), 0);
        assertEquals(1, h.underflow());
        assertEquals(2, h.overflow(), "30 and +∞");
        assertEquals(2, h.counts()[0], "-30 and -29.26 in [-30, -29.25)");
        assertEquals(2, h.counts()[40], "0 and 0.74 in [0, 0.75)");
        assertEquals(1, h.counts()[41]);
        assertEquals(1, h.counts()[79]);
        assertEquals(9, h.total(), "NaN is not counted");
        float[] z = {-5f, -4f, 0f, 4.7f};
        NetworkStats s = NetworkStats.of(new Mlp(NetworkSpec.reference(2, 2, 2)), List.of(z), Gradients.EMPTY);
        assertArrayEquals(new double[] {SigmoidMath.saturatedFraction(z, 0.01)}, s.saturatedShare());
        assertEquals(0.5, s.saturatedShare()[0], "|z| > 4.6: -5 and 4.7");
    }
}
