package org.initlab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.CustomNormalInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.core.init.OrthogonalInit;
import org.initlab.core.init.UniformInit;
import org.initlab.core.init.WeightInit;
import org.junit.jupiter.api.Test;

/** Activations, losses, the network's shape and parameters, and the schemes' draws, against hand-worked numbers. */
class CoreModelTest {
    @Test
    void activationsAndTheirDerivatives() {
        assertEquals(1 / (1 + Math.exp(-1.5)), Activation.SIGMOID.apply(1.5f), 1e-7);
        assertEquals(0.3f * 0.7f, Activation.SIGMOID.derivative(123f, 0.3f), 1e-7, "from a");
        assertEquals(Math.tanh(-0.8), Activation.TANH.apply(-0.8f), 1e-7);
        assertEquals(1 - 0.36f, Activation.TANH.derivative(9f, 0.6f), 1e-7);
        assertEquals(2.5f, Activation.RELU.apply(2.5f));
        assertEquals(0f, Activation.RELU.apply(-2.5f));
        assertEquals(0f, Activation.RELU.apply(0f));
        assertEquals(1f, Activation.RELU.derivative(0.1f, 0f));
        assertEquals(0f, Activation.RELU.derivative(0f, 0f), "0 at 0");
        assertEquals(0f, Activation.RELU.derivative(-1f, 0f));
        assertEquals(Activation.TANH, Activation.parse(" TanH "));
        assertEquals("relu", Activation.RELU.id());
        assertThrows(IllegalArgumentException.class, () -> Activation.parse("gelu"));
        assertEquals(OutputLayer.SOFTMAX, OutputLayer.parse("Softmax "));
        assertEquals("sigmoid", OutputLayer.SIGMOID.id());
        assertThrows(IllegalArgumentException.class, () -> OutputLayer.parse("linear"));
    }

    @Test
    void lossesPerExample() {
        float[] a = {9, 0.2f, 0.7f, 0.1f, 9}; // the example is a[1..4)
        double q = 0.5 * (0.2 * 0.2 + 0.3 * 0.3 + 0.1 * 0.1);
        assertEquals(q, Loss.QUADRATIC.cost(a, 1, 3, 1, OutputLayer.SIGMOID), 1e-7);
        double ce = -Math.log(1 - 0.2) - Math.log(0.7) - Math.log(1 - 0.1);
        assertEquals(ce, Loss.CROSS_ENTROPY.cost(a, 1, 3, 1, OutputLayer.SIGMOID), 1e-6);
        assertEquals(-Math.log(0.7), Loss.CROSS_ENTROPY.cost(a, 1, 3, 1, OutputLayer.SOFTMAX), 1e-6);
        // Clamped, never infinite: a = 0 for the label, a = 1 elsewhere.
        float[] sat = {0f, 1f};
        assertEquals(-Math.log(1e-30), Loss.CROSS_ENTROPY.cost(sat, 0, 1, 0, OutputLayer.SOFTMAX), 1e-9);
        assertEquals(
                -Math.log(1e-30) - Math.log1p(-(1 - 1e-7)),
                Loss.CROSS_ENTROPY.cost(sat, 0, 2, 0, OutputLayer.SIGMOID),
                1e-6);
        assertEquals(Loss.CROSS_ENTROPY, Loss.parse("CE"));
        assertEquals(Loss.CROSS_ENTROPY, Loss.parse("crossentropy"));
        assertEquals(Loss.CROSS_ENTROPY, Loss.parse(" Cross-Entropy"));
        assertEquals(Loss.QUADRATIC, Loss.parse("quadratic"));
        assertEquals("cross-entropy", Loss.CROSS_ENTROPY.id());
        assertThrows(IllegalArgumentException.class, () -> Loss.parse("mse"));
    }

    @Test
    void networkSpecShapeAndLimits() {
        NetworkSpec r = NetworkSpec.reference(784, 30, 10);
        assertEquals(2, r.layers());
        assertEquals(784, r.inputs());
        assertEquals(10, r.outputs());
        assertEquals(30, r.size(1));
        assertArrayEquals(new int[] {784, 30, 10}, r.sizes());
        r.sizes()[0] = 1;
        assertEquals(784, r.inputs(), "sizes() is a copy");
        int[] mine = {3, 4};
        NetworkSpec s = new NetworkSpec(mine, Activation.TANH, OutputLayer.SIGMOID, Loss.QUADRATIC);
        mine[0] = 99;
        assertEquals(3, s.inputs(), "the constructor copies");
        assertEquals(784L * 30 + 30 + 30 * 10 + 10, NetworkSpec.parameterCount(r.sizes()));
        assertEquals("784-30-10 sigmoid/sigmoid quadratic", r.toString());
        assertEquals("784-30-10", NetworkSpec.describe(r.sizes()));
        assertArrayEquals(new int[] {5, 7, 8, 2}, NetworkSpec.layerSizes(5, new int[] {7, 8}, 2));
        assertArrayEquals(new int[] {5, 2}, NetworkSpec.layerSizes(5, new int[0], 2));
        assertEquals(12, NetworkSpec.megabytesPerRun(1_000_000));
        assertEquals(r, NetworkSpec.reference(784, 30, 10));
        assertEquals(r.hashCode(), NetworkSpec.reference(784, 30, 10).hashCode());
        assertNotEquals(r, NetworkSpec.reference(784, 31, 10));
        assertNotEquals(r, r.withLoss(Loss.CROSS_ENTROPY));
        assertNotEquals(r, new NetworkSpec(r.sizes(), Activation.TANH, OutputLayer.SIGMOID, Loss.QUADRATIC));
        assertNotEquals(
                r.hashCode(),
                new NetworkSpec(r.sizes(), Activation.TANH, OutputLayer.SIGMOID, Loss.QUADRATIC).hashCode());
        NetworkSpec soft = new NetworkSpec(r.sizes(), Activation.SIGMOID, OutputLayer.SOFTMAX, Loss.CROSS_ENTROPY);
        assertNotEquals(soft, new NetworkSpec(r.sizes(), Activation.SIGMOID, OutputLayer.SIGMOID, Loss.CROSS_ENTROPY));
        assertEquals(
                OutputLayer.SIGMOID, soft.withLoss(Loss.QUADRATIC).output(), "quadratic goes back to a sigmoid output");
        assertEquals(OutputLayer.SOFTMAX, soft.withLoss(Loss.CROSS_ENTROPY).output());
        assertNotEquals(r, "784-30-10");
        assertThrows(
                IllegalArgumentException.class,
                () -> new NetworkSpec(new int[] {784}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC));
        assertThrows(
                IllegalArgumentException.class,
                () -> new NetworkSpec(new int[] {784, 0, 10}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC));
        assertThrows(
                IllegalArgumentException.class,
                () -> new NetworkSpec(new int[] {4, 2}, Activation.SIGMOID, OutputLayer.SOFTMAX, Loss.QUADRATIC));
        new NetworkSpec(new int[] {1, 1}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
        // The limit is inclusive: {49,999,997, 1, 1} has 49,999,997 + 1 + 1 + 1 = 50,000,000 parameters.
        int[] atLimit = {(int) (NetworkSpec.MAX_PARAMETERS - 3), 1, 1}; // exactly 50,000,000
        assertEquals(NetworkSpec.MAX_PARAMETERS, NetworkSpec.parameterCount(atLimit));
        new NetworkSpec(atLimit, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
        int[] over = {(int) (NetworkSpec.MAX_PARAMETERS - 2), 1, 1};
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new NetworkSpec(over, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC));
        assertEquals(
                "network 49999998-1-1 has 50,000,001 parameters (about 600 MB of memory per run); the limit is 50,000,000 parameters",
                e.getMessage());
    }

    @Test
    void mlpCopyMaxAbsAndInitializationOrder() {
        NetworkSpec spec =
                new NetworkSpec(new int[] {3, 2, 2}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
        Mlp net = InitScheme.of(InitCatalog.byId("standard")).initialize(spec, new SplittableRandom(4));
        // Layer by layer: the weights, then that layer's biases, from one stream.
        SplittableRandom rng = new SplittableRandom(4);
        for (int l = 0; l < 2; l++) {
            for (int i = 0; i < spec.size(l) * spec.size(l + 1); i++)
                assertEquals((float) rng.nextGaussian(), net.weights(l)[i], "w " + l + "/" + i);
            for (int i = 0; i < spec.size(l + 1); i++)
                assertEquals((float) rng.nextGaussian(), net.biases(l)[i], "b " + l + "/" + i);
        }
        assertEquals(spec, net.spec());
        Mlp c = net.copy();
        assertArrayEquals(net.weights(1), c.weights(1));
        assertArrayEquals(net.biases(0), c.biases(0));
        c.weights(1)[0] = 1000;
        c.biases(0)[0] = 1000;
        assertNotEquals(1000f, net.weights(1)[0], "a copy, not a view");
        assertNotEquals(1000f, net.biases(0)[0]);
        Mlp z = new Mlp(spec);
        assertEquals(6, z.weights(0).length);
        assertEquals(2, z.biases(1).length);
        assertEquals(0, z.maxAbsParameter());
        z.weights(0)[5] = -4;
        z.biases(1)[1] = 3;
        assertEquals(4, z.maxAbsParameter());
        z.biases(0)[0] = -7;
        assertEquals(7, z.maxAbsParameter(), "biases count");
        z.weights(1)[3] = Float.NaN;
        assertEquals(Double.POSITIVE_INFINITY, z.maxAbsParameter());
        Mlp y = new Mlp(spec);
        y.biases(1)[0] = Float.NEGATIVE_INFINITY;
        assertEquals(Double.POSITIVE_INFINITY, y.maxAbsParameter());
    }

    @Test
    void schemesDrawExactlyTheirFormula() {
        int fanIn = 6, fanOut = 4;
        for (WeightInit w : InitCatalog.all()) {
            // Orthogonal and LSUV are not i.i.d. draws: OrthogonalAndLsuvTest checks them.
            if (w instanceof OrthogonalInit || w.id().equals("lsuv")) continue;
            float[] got = new float[fanIn * fanOut];
            w.fill(got, fanIn, fanOut, new SplittableRandom(8));
            SplittableRandom rng = new SplittableRandom(8);
            for (int i = 0; i < got.length; i++) {
                float want;
                if (w instanceof UniformInit u) want = (float) ((2 * rng.nextDouble() - 1) * u.limit(fanIn, fanOut));
                else if (w.id().equals("zeros")) want = 0f;
                else want = (float) (rng.nextGaussian() * w.std(fanIn, fanOut));
                assertEquals(want, got[i], w.id() + " weight " + i);
            }
            assertEquals(w.id() + " — " + w.formula(), w.label());
            assertEquals(w.id(), w.toString());
        }
        assertEquals(Math.sqrt(3.0 / 6), ((UniformInit) InitCatalog.byId("lecun-uniform")).limit(6, 4), 1e-15);
        assertEquals(Math.sqrt(6.0 / 6), ((UniformInit) InitCatalog.byId("he-uniform")).limit(6, 4), 1e-15);
        assertEquals(Math.sqrt(6.0 / 10), ((UniformInit) InitCatalog.byId("xavier-uniform")).limit(6, 4), 1e-15);
        assertEquals(
                Math.sqrt(6.0 / 10) / Math.sqrt(3),
                InitCatalog.byId("xavier-uniform").std(6, 4),
                1e-15);
        assertEquals(
                List.of(
                        "standard",
                        "lecun",
                        "lecun-uniform",
                        "xavier",
                        "xavier-uniform",
                        "he",
                        "he-uniform",
                        "uniform",
                        "zeros",
                        "orthogonal",
                        "orthogonal-relu",
                        "lsuv"),
                InitCatalog.ids());
        assertEquals(InitCatalog.ids().size(), InitCatalog.all().size());
        for (WeightInit w : InitCatalog.all()) {
            assertTrue(!w.displayName().isBlank() && !w.formula().isBlank(), w.id());
            assertEquals(w, InitCatalog.byId(" " + w.id().toUpperCase(java.util.Locale.ROOT) + " "));
        }
        assertEquals("Standard normal", InitCatalog.byId("standard").displayName());
        assertEquals("N(0, 1/√n_in)", InitCatalog.byId("lecun").formula());
        assertEquals("U(±√(6/(n_in+n_out)))", InitCatalog.byId("xavier-uniform").formula());
    }

    @Test
    void customNormal() {
        CustomNormalInit c = (CustomNormalInit) InitCatalog.byId("Custom:2");
        assertEquals(2.0, c.sigma());
        assertEquals("custom:2", c.id());
        assertEquals("Custom normal σ = 2", c.displayName());
        assertEquals("N(0, 2)", c.formula());
        assertEquals(2.0, c.std(5, 5));
        assertEquals("custom:0.25", new CustomNormalInit(0.25).id());
        assertEquals("custom:1000000", new CustomNormalInit(1e6).id());
        new CustomNormalInit(0);
        new CustomNormalInit(1e6);
        assertThrows(IllegalArgumentException.class, () -> new CustomNormalInit(1.000001e6));
        assertThrows(IllegalArgumentException.class, () -> new CustomNormalInit(-0.001));
        assertThrows(IllegalArgumentException.class, () -> new CustomNormalInit(Double.POSITIVE_INFINITY));
    }

    @Test
    void biasRulesAndSchemes() {
        BiasInit n = BiasInit.parse(" normal:0.5 ");
        assertEquals(BiasInit.normal(0.5), n);
        assertEquals(0.5, n.std());
        assertEquals("normal:0.5", n.id());
        assertEquals("b ~ N(0, 0.5)", n.formula());
        assertEquals("normal", BiasInit.STANDARD_NORMAL.id());
        assertEquals("b ~ N(0, 1)", BiasInit.STANDARD_NORMAL.formula());
        assertEquals(BiasInit.STANDARD_NORMAL, BiasInit.parse("Normal"));
        assertEquals(BiasInit.ZEROS, BiasInit.parse("zero"));
        assertEquals("zeros", BiasInit.ZEROS.id());
        assertEquals("b = 0", BiasInit.ZEROS.formula());
        assertEquals(0, BiasInit.ZEROS.std());
        BiasInit k = BiasInit.parse("constant:0.1");
        assertEquals(BiasInit.constant(0.1), k);
        assertEquals("constant:0.1", k.id());
        assertEquals("b = 0.1", k.formula());
        assertEquals(0, k.std());
        float[] b = {5, 5, 5};
        k.fill(b, new SplittableRandom(1));
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f}, b);
        BiasInit.ZEROS.fill(b, new SplittableRandom(1));
        assertArrayEquals(new float[3], b);
        n.fill(b, new SplittableRandom(2));
        SplittableRandom rng = new SplittableRandom(2);
        for (float v : b) assertEquals((float) (rng.nextGaussian() * 0.5), v);
        assertThrows(IllegalArgumentException.class, () -> BiasInit.parse("normal:x"));
        assertThrows(IllegalArgumentException.class, () -> BiasInit.parse("constant:"));
        assertThrows(IllegalArgumentException.class, () -> BiasInit.normal(-1));
        assertThrows(IllegalArgumentException.class, () -> BiasInit.constant(Double.NaN));
        BiasInit.normal(0);
        BiasInit.constant(-3);
        InitScheme plain = InitScheme.of(InitCatalog.byId("he"));
        assertEquals("he", plain.id());
        assertEquals(BiasInit.STANDARD_NORMAL, plain.biases());
        assertEquals("he+b=zeros", new InitScheme(InitCatalog.byId("he"), BiasInit.ZEROS).id());
        assertEquals("He / Kaiming normal  N(0, √(2/n_in))", plain.label());
        assertThrows(NullPointerException.class, () -> new InitScheme(null, BiasInit.ZEROS));
        assertThrows(NullPointerException.class, () -> new InitScheme(InitCatalog.byId("he"), null));
    }
}
