package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.Dataset;
import org.initlab.data.TestData;
import org.initlab.math.Seeds;
import org.junit.jupiter.api.Test;

/** Lockstep training gives every network the bits it gets trained alone with the same seed. */
class LockstepGroupTest {
    @Test
    void everyNetworkOfAGroupOf1To8EndsBitForBitAsTrainedAlone() {
        Dataset mnist = TestData.mnist();
        TrainingSet data = TrainingSet.of(mnist, EvalSplit.TEST);
        String[] schemes = {
            "standard", "lecun", "xavier", "he", "lecun-uniform", "xavier-uniform", "he-uniform", "uniform"
        };
        // Different weights, η and depths after the first layer; λ on one of them.
        List<NetworkSpec> specs = new ArrayList<>();
        List<TrainingConfig> configs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int[] sizes = i % 3 == 2 ? new int[] {784, 30, 20, 10} : new int[] {784, 30, 10};
            specs.add(new NetworkSpec(
                    sizes,
                    i == 5 ? Activation.TANH : Activation.SIGMOID,
                    OutputLayer.SIGMOID,
                    i == 4 ? Loss.CROSS_ENTROPY : Loss.QUADRATIC));
            TrainingConfig c = TrainingConfig.reference().withEta(i == 1 ? 0.5 : 3.0);
            if (i == 6)
                c = new TrainingConfig(
                        c.eta(),
                        c.batchSize(),
                        c.batchesPerEpoch(),
                        c.epochs(),
                        5.0,
                        c.epochMode(),
                        c.evalSplit(),
                        0,
                        1000,
                        c.engine());
            configs.add(c);
        }
        for (int groupSize : new int[] {1, 2, 3, 4, 8}) {
            List<Mlp> alone = new ArrayList<>(), grouped = new ArrayList<>();
            for (int i = 0; i < groupSize; i++) {
                RunKey key = new RunKey(i, InitScheme.of(InitCatalog.byId(schemes[i])), 7);
                alone.add(TrainingRun.initialNetwork(specs.get(i), key));
                grouped.add(TrainingRun.initialNetwork(specs.get(i), key));
            }
            int steps = 300;
            double[][] aloneCost = new double[groupSize][steps];
            for (int i = 0; i < groupSize; i++) {
                SgdStep step = new JavaSgdStep(alone.get(i), data, configs.get(i));
                BatchSampler sampler = new BatchSampler(data.count(), 10, Seeds.rng(7, Seeds.BATCHES));
                int[] batch = new int[10];
                for (int t = 0; t < steps; t++) aloneCost[i][t] = step.step(batch, sampler.next(batch));
                step.network();
            }
            LockstepGroup group = new LockstepGroup(grouped, data, configs.subList(0, groupSize));
            BatchSampler sampler = new BatchSampler(data.count(), 10, Seeds.rng(7, Seeds.BATCHES));
            int[] batch = new int[10];
            for (int t = 0; t < steps; t++) {
                double[] cost = group.step(batch, sampler.next(batch));
                for (int i = 0; i < groupSize; i++)
                    assertEquals(aloneCost[i][t], cost[i], 0.0, "cost, network " + i + " step " + t);
            }
            for (int i = 0; i < groupSize; i++) {
                Mlp g = group.network(i), a = alone.get(i);
                for (int l = 0; l < a.spec().layers(); l++) {
                    assertArrayEquals(
                            bits(a.weights(l)),
                            bits(g.weights(l)),
                            "group " + groupSize + " network " + i + " layer " + l);
                    assertArrayEquals(bits(a.biases(l)), bits(g.biases(l)));
                }
            }
        }
    }

    private static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) b[i] = Float.floatToRawIntBits(v[i]);
        return b;
    }
}
