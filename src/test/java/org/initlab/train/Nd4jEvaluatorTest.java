package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.LabeledImages;
import org.initlab.data.TestData;
import org.junit.jupiter.api.Test;

/**
 * The bulk evaluator against a plain loop over real MNIST images: it drops the pixel columns that are 0 in
 * every image and gathers the matching weight rows, so a wrong row would show in every z.
 */
class Nd4jEvaluatorTest {
    private static final LabeledImages IMAGES = TestData.mnist().test().slice(0, 300);

    @Test
    void hiddenWeightedInputsEqualAPlainLoopOverAllPixels() {
        Mlp net = InitScheme.of(InitCatalog.byId("lecun"))
                .initialize(NetworkSpec.reference(784, 30, 10), new SplittableRandom(3));
        float[] z = new Nd4jEvaluator(IMAGES, null).hiddenWeightedInputs(net).get(0);
        double[] expected = hiddenZ(net, IMAGES);
        assertEquals(expected.length, z.length);
        for (int i = 0; i < z.length; i++)
            assertEquals(expected[i], z[i], 1e-4, "image " + i / 30 + ", unit " + i % 30);
    }

    @Test
    void correctCountsTheImagesWhoseLargestOutputIsTheLabel() {
        for (String scheme : List.of("standard", "lecun", "xavier")) {
            for (int seed = 1; seed <= 3; seed++) {
                Mlp net = InitScheme.of(InitCatalog.byId(scheme))
                        .initialize(NetworkSpec.reference(784, 30, 10), new SplittableRandom(seed));
                assertEquals(
                        plainCorrect(net, IMAGES),
                        new Nd4jEvaluator(IMAGES, null).correct(net),
                        scheme + " seed " + seed);
            }
        }
    }

    @Test
    void aTrainedNetworkScoresTheSameAsThePlainLoop() {
        Mlp net = InitScheme.of(InitCatalog.byId("lecun"))
                .initialize(NetworkSpec.reference(784, 30, 10), new SplittableRandom(8));
        // Make the network good at the first 300 images: a count near 30 (chance) would hide a wrong arg-max.
        TrainingSet data = new TrainingSet(IMAGES, IMAGES.count(), IMAGES, EvalSplit.TEST);
        SgdStep step = Engine.JAVA.create(net, data, TrainingConfig.reference());
        int[] batch = new int[10];
        for (int epoch = 0; epoch < 20; epoch++) {
            for (int from = 0; from < IMAGES.count(); from += 10) {
                for (int k = 0; k < 10; k++) batch[k] = from + k;
                step.step(batch, 10);
            }
        }
        net = step.network();
        int correct = new Nd4jEvaluator(IMAGES, null).correct(net);
        assertTrue(correct > 200, "trained on these images: " + correct);
        assertEquals(plainCorrect(net, IMAGES), correct);
    }

    private static double[] hiddenZ(Mlp net, LabeledImages images) {
        int p = images.pixelsPerImage(), h = net.spec().size(1);
        double[] z = new double[images.count() * h];
        for (int i = 0; i < images.count(); i++) {
            for (int u = 0; u < h; u++) {
                double s = net.biases(0)[u];
                for (int j = 0; j < p; j++) s += images.pixel(i, j) * net.weights(0)[j * h + u];
                z[i * h + u] = s;
            }
        }
        return z;
    }

    private static int plainCorrect(Mlp net, LabeledImages images) {
        int h = net.spec().size(1), o = net.spec().size(2);
        double[] z = hiddenZ(net, images);
        int correct = 0;
        for (int i = 0; i < images.count(); i++) {
            int best = 0;
            double bestZ = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < o; k++) {
                double s = net.biases(1)[k];
                for (int u = 0; u < h; u++) s += 1 / (1 + Math.exp(-z[i * h + u])) * net.weights(1)[u * o + k];
                if (s > bestZ) {
                    bestZ = s;
                    best = k;
                }
            }
            if (best == images.label(i)) correct++;
        }
        return correct;
    }
}
