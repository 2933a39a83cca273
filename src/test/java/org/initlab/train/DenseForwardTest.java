package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.LabeledImages;
import org.initlab.data.TestData;
import org.junit.jupiter.api.Test;

/** The tanh evaluator's arg-max against a plain double loop, over several chunks of images and a deep network. */
class DenseForwardTest {
    @Test
    void predictionsMatchThePlainLoopOverChunks() {
        int n = 2 * DenseForward.CHUNK + 37, pixels = 40;
        LabeledImages im = TestData.randomImages(n, pixels, 10, 5);
        byte[] px = im.pixels();
        for (int i = 0; i < n; i++) px[i * pixels + 3] = 0; // a column of zeros: the evaluator drops it
        int[] hidden = {50, 37, 37, 37, 37, 37, 37, 37};
        NetworkSpec spec = new NetworkSpec(
                NetworkSpec.layerSizes(pixels, hidden, 10), Activation.TANH, OutputLayer.SOFTMAX, Loss.CROSS_ENTROPY);
        assertTrue(DenseForward.suits(spec));
        assertFalse(DenseForward.suits(
                new NetworkSpec(new int[] {pixels, 30, 10}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC)));
        Mlp net = new InitScheme(InitCatalog.byId("xavier"), BiasInit.normal(0.3))
                .initialize(spec, new SplittableRandom(9));
        Nd4jEvaluator ev = new Nd4jEvaluator(im, null);
        int correct = 0, checked = 0;
        for (int img = 0; img < n; img++) {
            double[] a = new double[pixels];
            for (int j = 0; j < pixels; j++) a[j] = (px[img * pixels + j] & 0xFF) / 255.0;
            for (int l = 0; l < spec.layers(); l++) {
                int nIn = spec.size(l), nOut = spec.size(l + 1);
                double[] z = new double[nOut];
                for (int o = 0; o < nOut; o++) {
                    double s = net.biases(l)[o];
                    for (int i = 0; i < nIn; i++) s += a[i] * net.weights(l)[i * nOut + o];
                    z[o] = l < spec.layers() - 1 ? Math.tanh(s) : s;
                }
                a = z;
            }
            int best = 0, second = -1;
            for (int o = 1; o < 10; o++) if (a[o] > a[best]) best = o;
            for (int o = 0; o < 10; o++) if (o != best && (second < 0 || a[o] > a[second])) second = o;
            assertTrue(a[best] - a[second] > 1e-4, "no near-tie in this seed's images: image " + img);
            if (best == im.label(img)) correct++;
            checked++;
        }
        assertEquals(n, checked);
        assertTrue(correct > 0 && correct < n, "a count that says something: " + correct);
        assertEquals(correct, ev.correct(net), "images the plain loop classifies right");
    }
}
