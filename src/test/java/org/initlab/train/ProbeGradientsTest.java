package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.LabeledImages;
import org.initlab.data.TestData;
import org.junit.jupiter.api.Test;

/**
 * The probe's gradient statistic (mean |∂C/∂z| and |∂C/∂w| per layer, {@link Nd4jEvaluator#measure}) against an
 * independent backward pass in plain double-precision Java, on tiny networks drawn from the same seed; and the
 * same seed gives the same numbers in a run.
 */
class ProbeGradientsTest {
    private static final LabeledImages IMAGES = TestData.randomImages(40, 12, 4, 5);

    @Test
    void theBulkBackwardPassEqualsAPlainOne() {
        for (NetworkSpec spec : List.of(
                new NetworkSpec(new int[] {12, 5, 4}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC),
                new NetworkSpec(new int[] {12, 6, 5, 4}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.CROSS_ENTROPY),
                new NetworkSpec(new int[] {12, 5, 4}, Activation.TANH, OutputLayer.SOFTMAX, Loss.CROSS_ENTROPY),
                new NetworkSpec(new int[] {12, 7, 4}, Activation.RELU, OutputLayer.SIGMOID, Loss.QUADRATIC))) {
            for (String scheme : List.of("standard", "lecun")) {
                Mlp net = TrainingRun.initialNetwork(spec, new RunKey(0, InitScheme.of(InitCatalog.byId(scheme)), 7));
                List<float[]> z = new ArrayList<>();
                Nd4jEvaluator.Measured m = new Nd4jEvaluator(IMAGES, null).measure(net, z);
                double[][] expected = plainGradients(net, IMAGES);
                String what = scheme + " " + java.util.Arrays.toString(spec.sizes()) + " " + spec.hidden() + " "
                        + spec.loss();
                assertEquals(spec.layers(), m.gradients().layers(), what);
                for (int l = 0; l < spec.layers(); l++) {
                    assertEquals(
                            expected[0][l],
                            m.gradients().meanAbsDz()[l],
                            1e-5 * expected[0][l] + 1e-9,
                            what + " |dC/dz| layer " + l);
                    assertEquals(
                            expected[1][l],
                            m.gradients().meanAbsDw()[l],
                            1e-5 * expected[1][l] + 1e-9,
                            what + " |dC/dw| layer " + l);
                    assertTrue(expected[0][l] > 0 && expected[1][l] > 0, what);
                }
                assertEquals(new Nd4jEvaluator(IMAGES, null).correct(net), m.correct(), what);
                List<float[]> plainZ = new Nd4jEvaluator(IMAGES, null).hiddenWeightedInputs(net);
                assertEquals(plainZ.size(), z.size());
                for (int l = 0; l < z.size(); l++)
                    assertArrayEquals(plainZ.get(l), z.get(l), "the same z, bit for bit");
            }
        }
    }

    /** Saturation is why: under N(0,1) the reference's hidden layer gets a smaller gradient than under N(0,1/√n_in). */
    @Test
    void saturatedHiddenUnitsGetASmallGradient() {
        LabeledImages probe = TestData.mnist().test().slice(0, 500);
        double[] hidden = new double[2];
        int i = 0;
        for (String scheme : List.of("standard", "lecun")) {
            Mlp net = TrainingRun.initialNetwork(
                    NetworkSpec.reference(784, 30, 10), new RunKey(0, InitScheme.of(InitCatalog.byId(scheme)), 1));
            hidden[i++] = new Nd4jEvaluator(probe, null)
                    .measure(net, null)
                    .gradients()
                    .meanAbsDz()[0];
        }
        assertTrue(hidden[0] < hidden[1], "standard " + hidden[0] + " < lecun " + hidden[1]);
    }

    @Test
    void theSameSeedGivesTheSameNumbers() throws InterruptedException {
        NetworkSpec spec = NetworkSpec.reference(784, 30, 10);
        TrainingConfig config = TrainingConfig.reference()
                .withEpochs(2)
                .withBatchesPerEpoch(100)
                .withProbes(4);
        Comparison c = new Comparison(
                spec,
                config,
                List.of(InitScheme.of(InitCatalog.byId("standard")), InitScheme.of(InitCatalog.byId("lecun"))),
                List.of(3L),
                2);
        List<RunResult> a = c.run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        List<RunResult> b = c.run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        for (int r = 0; r < 2; r++) {
            RunResult x = a.get(r), y = b.get(r);
            assertArrayEquals(
                    x.initial().gradients().meanAbsDz(), y.initial().gradients().meanAbsDz());
            assertArrayEquals(
                    x.initial().gradients().meanAbsDw(), y.initial().gradients().meanAbsDw());
            assertEquals(2 * 3, x.probes().size(), "3 probe points inside each of 2 epochs");
            for (int p = 0; p < x.probes().size(); p++) {
                ProbePoint px = x.probes().get(p), py = y.probes().get(p);
                assertArrayEquals(px.gradients().meanAbsDz(), py.gradients().meanAbsDz());
                assertArrayEquals(px.gradients().meanAbsDw(), py.gradients().meanAbsDw());
                assertEquals(
                        px.epochPosition() < TrainingRun.GRADIENT_PROBE_EPOCHS ? 2 : 0,
                        px.gradients().layers(),
                        "gradients through epoch 0 only");
            }
            for (int e = 0; e < 2; e++) {
                NetworkStats sx = x.epochs().get(e).stats(),
                        sy = y.epochs().get(e).stats();
                assertArrayEquals(sx.gradients().meanAbsDz(), sy.gradients().meanAbsDz());
                assertArrayEquals(sx.saturatedShare(), sy.saturatedShare());
                assertEquals(sx.zHistograms(), sy.zHistograms());
                assertEquals(sx.hiddenRowSpread(), sy.hiddenRowSpread());
                assertEquals(1000, sx.zHistograms().get(0).total() / 30, "1,000 probe images × 30 units");
            }
        }
    }

    /** C = mean over images of C_x; δ per image; [0][l] = mean |δ_l|, [1][l] = mean over weights of |mean over images of a_{l-1}·δ_l|. */
    static double[][] plainGradients(Mlp net, LabeledImages images) {
        NetworkSpec spec = net.spec();
        int layers = spec.layers(), n = images.count();
        double[] dz = new double[layers];
        double[][] gradW = new double[layers][];
        for (int l = 0; l < layers; l++) gradW[l] = new double[spec.size(l) * spec.size(l + 1)];
        for (int img = 0; img < n; img++) {
            double[][] a = new double[layers + 1][];
            double[][] zs = new double[layers][];
            a[0] = new double[spec.inputs()];
            for (int p = 0; p < spec.inputs(); p++) a[0][p] = images.pixel(img, p);
            for (int l = 0; l < layers; l++) {
                int nIn = spec.size(l), nOut = spec.size(l + 1);
                float[] w = net.weights(l), b = net.biases(l);
                zs[l] = new double[nOut];
                a[l + 1] = new double[nOut];
                for (int o = 0; o < nOut; o++) {
                    double s = b[o];
                    for (int i = 0; i < nIn; i++) s += a[l][i] * w[i * nOut + o];
                    zs[l][o] = s;
                }
                if (l < layers - 1) {
                    for (int o = 0; o < nOut; o++)
                        a[l + 1][o] = switch (spec.hidden()) {
                            case SIGMOID -> 1 / (1 + Math.exp(-zs[l][o]));
                            case TANH -> Math.tanh(zs[l][o]);
                            case RELU -> Math.max(0, zs[l][o]);
                        };
                } else if (spec.output() == OutputLayer.SOFTMAX) {
                    double max = java.util.Arrays.stream(zs[l]).max().orElse(0), sum = 0;
                    for (int o = 0; o < nOut; o++) sum += Math.exp(zs[l][o] - max);
                    for (int o = 0; o < nOut; o++) a[l + 1][o] = Math.exp(zs[l][o] - max) / sum;
                } else {
                    for (int o = 0; o < nOut; o++) a[l + 1][o] = 1 / (1 + Math.exp(-zs[l][o]));
                }
            }
            int k = spec.outputs(), label = images.label(img);
            double[] delta = new double[k];
            for (int o = 0; o < k; o++) {
                double out = a[layers][o], diff = out - (o == label ? 1 : 0);
                delta[o] = spec.loss() == Loss.QUADRATIC ? diff * out * (1 - out) : diff;
            }
            for (int l = layers - 1; l >= 0; l--) {
                int nIn = spec.size(l), nOut = spec.size(l + 1);
                for (double d : delta) dz[l] += Math.abs(d) / nOut / n;
                for (int i = 0; i < nIn; i++)
                    for (int o = 0; o < nOut; o++) gradW[l][i * nOut + o] += a[l][i] * delta[o] / n;
                if (l == 0) break;
                float[] w = net.weights(l);
                double[] prev = new double[nIn];
                for (int i = 0; i < nIn; i++) {
                    double s = 0;
                    for (int o = 0; o < nOut; o++) s += w[i * nOut + o] * delta[o];
                    double ai = a[l][i];
                    double f = switch (spec.hidden()) {
                        case SIGMOID -> ai * (1 - ai);
                        case TANH -> 1 - ai * ai;
                        case RELU -> zs[l - 1][i] > 0 ? 1 : 0;
                    };
                    prev[i] = s * f;
                }
                delta = prev;
            }
        }
        double[] dw = new double[layers];
        for (int l = 0; l < layers; l++) {
            double s = 0;
            for (double g : gradW[l]) s += Math.abs(g);
            dw[l] = s / gradW[l].length;
        }
        return new double[][] {dz, dw};
    }
}
