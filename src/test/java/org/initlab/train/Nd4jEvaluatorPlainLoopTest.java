package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bulk evaluator against a forward pass in plain double loops over every pixel (none dropped). */
class Nd4jEvaluatorPlainLoopTest {
    /** z of every layer for image i, in doubles. */
    private static double[][] forward(Mlp net, LabeledImages im, int img) {
        NetworkSpec spec = net.spec();
        double[] a = new double[spec.inputs()];
        for (int j = 0; j < a.length; j++) a[j] = (im.pixels()[img * a.length + j] & 0xFF) / 255.0;
        double[][] zs = new double[spec.layers()][];
        for (int l = 0; l < spec.layers(); l++) {
            int nIn = spec.size(l), nOut = spec.size(l + 1);
            double[] z = new double[nOut];
            for (int o = 0; o < nOut; o++) {
                double s = net.biases(l)[o];
                for (int i = 0; i < nIn; i++) s += a[i] * net.weights(l)[i * nOut + o];
                z[o] = s;
            }
            zs[l] = z;
            a = new double[nOut];
            for (int o = 0; o < nOut; o++) {
                a[o] = switch (spec.hidden()) {
                    case SIGMOID -> 1 / (1 + Math.exp(-z[o]));
                    case TANH -> Math.tanh(z[o]);
                    case RELU -> Math.max(0, z[o]);
                };
            }
        }
        return zs;
    }

    @Test
    void evenlySpacedRows() {
        assertArrayEquals(new int[] {0, 2, 5, 7}, Nd4jEvaluator.evenlySpaced(10, 4));
        assertArrayEquals(new int[] {0, 1, 2}, Nd4jEvaluator.evenlySpaced(3, 5), "never more rows than the set has");
        assertArrayEquals(new int[] {0, 2_500, 5_000, 7_500}, Nd4jEvaluator.evenlySpaced(10_000, 4));
        assertEquals(9_990, Nd4jEvaluator.evenlySpaced(10_000, 1000)[999]);
        int[] big = Nd4jEvaluator.evenlySpaced(3_000_000, 2000);
        assertEquals(2_998_500, big[1999], "r·n computed in long: 1999 · 3,000,000 overflows an int");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void accuracyAndHiddenZMatchThePlainLoop(Activation act) {
        NetworkSpec spec = new NetworkSpec(new int[] {12, 9, 5, 4}, act, OutputLayer.SIGMOID, Loss.QUADRATIC);
        LabeledImages im = TestData.randomImages(30, 12, 4, 3);
        // Column 7 non-zero only in image 1, which the row subset leaves out: that subset drops the column.
        byte[] px = im.pixels();
        for (int i = 0; i < 30; i++) px[i * 12 + 7] = i == 1 ? (byte) 200 : 0;
        Mlp net = InitScheme.of(InitCatalog.byId("standard")).initialize(spec, new SplittableRandom(act.ordinal()));
        for (int[] rows : new int[][] {null, {0, 2, 3, 5, 8, 13, 21, 29}}) {
            Nd4jEvaluator ev = new Nd4jEvaluator(im, rows);
            int n = rows == null ? 30 : rows.length;
            assertEquals(n, ev.size());
            int correct = 0;
            List<float[]> hz = ev.hiddenWeightedInputs(net);
            assertEquals(2, hz.size(), "one array per hidden layer");
            for (int r = 0; r < n; r++) {
                int img = rows == null ? r : rows[r];
                double[][] zs = forward(net, im, img);
                for (int l = 0; l < 2; l++) {
                    int units = spec.size(l + 1);
                    assertEquals(n * units, hz.get(l).length);
                    for (int u = 0; u < units; u++) {
                        assertEquals(
                                zs[l][u],
                                hz.get(l)[r * units + u],
                                1e-4 * (1 + Math.abs(zs[l][u])),
                                act + " z of layer " + l + " image " + img + " unit " + u);
                    }
                }
                double[] out = zs[2];
                int best = 0;
                for (int o = 1; o < out.length; o++) if (out[o] > out[best]) best = o;
                if (best == im.label(img)) correct++;
            }
            assertEquals(correct, ev.correct(net), act + " correct of " + n);
        }
    }

    @Test
    void allZeroImagesGiveTheBiases() {
        LabeledImages blank = new LabeledImages(3, 5, new byte[15], new byte[] {0, 1, 1}, 2);
        NetworkSpec spec =
                new NetworkSpec(new int[] {5, 3, 2}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
        Mlp net = new Mlp(spec);
        net.biases(0)[0] = 0.5f;
        net.biases(0)[2] = -1f;
        net.biases(1)[1] = 2f; // class 1 wins for every image
        Nd4jEvaluator ev = new Nd4jEvaluator(blank, null);
        assertArrayEquals(
                new float[] {0.5f, 0, -1f, 0.5f, 0, -1f, 0.5f, 0, -1f},
                ev.hiddenWeightedInputs(net).get(0),
                0f);
        assertEquals(2, ev.correct(net));
    }
}
