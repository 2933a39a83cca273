package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The step's parameter change, divided by −η, must equal the gradient of the mean batch cost computed by
 * central finite differences on an independent double-precision forward pass, for every loss ×
 * activation × output and for both engines.
 */
class GradientCheckTest {
    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Engine engine : Engine.values()) {
            for (Activation act : Activation.values()) {
                b.add(Arguments.of(engine, act, OutputLayer.SIGMOID, Loss.QUADRATIC));
                b.add(Arguments.of(engine, act, OutputLayer.SIGMOID, Loss.CROSS_ENTROPY));
                b.add(Arguments.of(engine, act, OutputLayer.SOFTMAX, Loss.CROSS_ENTROPY));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("cases")
    void stepFollowsTheFiniteDifferenceGradient(Engine engine, Activation act, OutputLayer out, Loss loss) {
        NetworkSpec spec = new NetworkSpec(new int[] {7, 6, 5, 4}, act, out, loss);
        LabeledImages images = TestData.randomImages(8, 7, 4, 11);
        TrainingSet data = new TrainingSet(images, 8, images, EvalSplit.TEST);
        TrainingConfig config = TrainingConfig.reference().withEta(1.0);
        config = new TrainingConfig(1.0, 4, 1, 1, 0, EpochMode.BATCHES, EvalSplit.TEST, 0, 1, engine);
        Mlp before = InitScheme.of(InitCatalog.byId("xavier")).initialize(spec, new SplittableRandom(5));
        int[] batch = {0, 3, 5, 6};
        SgdStep step = engine.create(before.copy(), data, config);
        step.step(batch, batch.length);
        Mlp after = step.network();
        double maxGrad = 0, maxErr = 0;
        for (int l = 0; l < spec.layers(); l++) {
            for (int kind = 0; kind < 2; kind++) {
                float[] p0 = kind == 0 ? before.weights(l) : before.biases(l);
                float[] p1 = kind == 0 ? after.weights(l) : after.biases(l);
                for (int i = 0; i < p0.length; i++) {
                    double stepGrad = (p0[i] - p1[i]) / config.eta();
                    double numeric = numericGradient(before, l, kind == 0, i, images, batch);
                    maxGrad = Math.max(maxGrad, Math.abs(numeric));
                    maxErr = Math.max(maxErr, Math.abs(stepGrad - numeric));
                }
            }
        }
        assertTrue(maxGrad > 1e-3, "the check is not vacuous: max |gradient| " + maxGrad);
        assertTrue(
                maxErr <= 2e-3 * maxGrad + 2e-5, "max |step − numeric| " + maxErr + " for max |gradient| " + maxGrad);
    }

    private static double numericGradient(
            Mlp net, int layer, boolean weight, int index, LabeledImages images, int[] batch) {
        double h = 1e-3;
        double[][][] p = toDouble(net);
        p[layer][weight ? 0 : 1][index] += h;
        double plus = meanCost(net.spec(), p, images, batch);
        p[layer][weight ? 0 : 1][index] -= 2 * h;
        double minus = meanCost(net.spec(), p, images, batch);
        return (plus - minus) / (2 * h);
    }

    private static double[][][] toDouble(Mlp net) {
        double[][][] p = new double[net.spec().layers()][2][];
        for (int l = 0; l < p.length; l++) {
            float[] w = net.weights(l), b = net.biases(l);
            p[l][0] = new double[w.length];
            p[l][1] = new double[b.length];
            for (int i = 0; i < w.length; i++) p[l][0][i] = w[i];
            for (int i = 0; i < b.length; i++) p[l][1][i] = b[i];
        }
        return p;
    }

    /** Independent forward pass in double precision; the mean cost over the batch. */
    static double meanCost(NetworkSpec spec, double[][][] p, LabeledImages images, int[] batch) {
        double total = 0;
        for (int s : batch) {
            double[] a = new double[spec.inputs()];
            for (int j = 0; j < a.length; j++) a[j] = images.pixel(s, j);
            for (int l = 0; l < spec.layers(); l++) {
                int nIn = spec.size(l), nOut = spec.size(l + 1);
                double[] z = new double[nOut];
                for (int o = 0; o < nOut; o++) {
                    z[o] = p[l][1][o];
                    for (int i = 0; i < nIn; i++) z[o] += a[i] * p[l][0][i * nOut + o];
                }
                boolean last = l == spec.layers() - 1;
                a = new double[nOut];
                if (last && spec.output() == OutputLayer.SOFTMAX) {
                    double sum = 0;
                    for (double v : z) sum += Math.exp(v);
                    for (int o = 0; o < nOut; o++) a[o] = Math.exp(z[o]) / sum;
                } else {
                    Activation f = last ? Activation.SIGMOID : spec.hidden();
                    for (int o = 0; o < nOut; o++) {
                        a[o] = switch (f) {
                            case SIGMOID -> 1 / (1 + Math.exp(-z[o]));
                            case TANH -> Math.tanh(z[o]);
                            case RELU -> Math.max(0, z[o]);
                        };
                    }
                }
            }
            int y = images.label(s);
            for (int o = 0; o < a.length; o++) {
                double t = o == y ? 1 : 0;
                if (spec.loss() == Loss.QUADRATIC) total += 0.5 * (t - a[o]) * (t - a[o]);
                else if (spec.output() == OutputLayer.SOFTMAX) total -= t * Math.log(a[o]);
                else total -= t * Math.log(a[o]) + (1 - t) * Math.log(1 - a[o]);
            }
        }
        return total / batch.length;
    }
}
