package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.data.LabeledImages;
import org.initlab.data.TestData;
import org.junit.jupiter.api.Test;

/** Which step the Java engine builds: the row kernels for the reference and small networks, the dense products for deep and wide ones. */
class EngineSelectionTest {
    private static NetworkSpec spec(Activation act, int... hidden) {
        OutputLayer out = act == Activation.SIGMOID ? OutputLayer.SIGMOID : OutputLayer.SOFTMAX;
        return new NetworkSpec(
                NetworkSpec.layerSizes(784, hidden, 10),
                act,
                out,
                act == Activation.SIGMOID ? Loss.QUADRATIC : Loss.CROSS_ENTROPY);
    }

    private static int[] repeat(int depth, int width) {
        int[] h = new int[depth];
        Arrays.fill(h, width);
        return h;
    }

    @Test
    void theReferenceAndSmallNetworksStayOnTheRowKernels() {
        assertFalse(Engine.dense(NetworkSpec.reference(784, 30, 10), 10), "784-30-10, batch 10");
        assertFalse(
                Engine.dense(spec(Activation.SIGMOID, 100), 10),
                "784-100-10 sigmoid, batch 10 (measured: rows 35 µs, products 58 µs)");
        assertFalse(
                Engine.dense(spec(Activation.SIGMOID, 30, 30), 10),
                "784-30-30-10 sigmoid, batch 10 (rows 14 µs, products 33 µs)");
        assertFalse(
                Engine.dense(spec(Activation.SIGMOID, 30), 64),
                "784-30-10 sigmoid, batch 64 (rows 62 µs, products 193 µs)");
        assertFalse(
                Engine.dense(spec(Activation.RELU, 1000), 10),
                "784-1000-10 ReLU, batch 10 (rows 500 µs, products 935 µs)");
    }

    @Test
    void deepAndWideNetworksUseTheProducts() {
        assertTrue(Engine.dense(spec(Activation.TANH, repeat(20, 100)), 64), "deep20x100");
        assertTrue(Engine.dense(spec(Activation.TANH, repeat(50, 300)), 128), "deep50x300");
        assertTrue(Engine.dense(spec(Activation.RELU, repeat(3, 1024)), 64), "wide3x1024");
        assertTrue(
                Engine.dense(spec(Activation.TANH, 100, 100), 10),
                "784-100-100-10 tanh, batch 10 (rows 179 µs, products 77 µs)");
        assertTrue(
                Engine.dense(spec(Activation.TANH, 100, 100, 100), 32),
                "3×100 tanh, batch 32 (rows 787 µs, products 258 µs)");
        assertTrue(Engine.dense(spec(Activation.TANH, repeat(1000, 100)), 64), "1,000 layers");
    }

    @Test
    void theJavaEngineBuildsTheChosenStep() {
        LabeledImages images = TestData.randomImages(20, 784, 10, 3);
        TrainingSet data = new TrainingSet(images, 20, images, EvalSplit.TEST);
        TrainingConfig config =
                new TrainingConfig(0.1, 10, 1, 1, 0, EpochMode.BATCHES, EvalSplit.TEST, 0, 1, Engine.JAVA);
        SgdStep small = Engine.JAVA.create(new Mlp(NetworkSpec.reference(784, 30, 10)), data, config);
        assertEquals("JavaSgdStep", small.getClass().getSimpleName());
        SgdStep deep = Engine.JAVA.create(new Mlp(spec(Activation.TANH, repeat(4, 100))), data, config);
        assertEquals("DenseSgdStep", deep.getClass().getSimpleName());
        SgdStep nd4j = Engine.ND4J.create(
                new Mlp(spec(Activation.TANH, repeat(4, 100))), data, config.withEngine(Engine.ND4J));
        assertEquals("Nd4jSgdStep", nd4j.getClass().getSimpleName());
    }
}
