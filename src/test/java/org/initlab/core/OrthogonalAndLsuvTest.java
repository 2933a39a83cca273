package org.initlab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.core.init.LsuvInit;
import org.initlab.core.init.OrthogonalInit;
import org.initlab.data.TestData;
import org.initlab.train.EvalSplit;
import org.initlab.train.RunKey;
import org.initlab.train.TrainingRun;
import org.initlab.train.TrainingSet;
import org.junit.jupiter.api.Test;

/** The orthogonal initializer is orthogonal; LSUV leaves every layer at unit variance within its tolerance. */
class OrthogonalAndLsuvTest {
    /** max |(WᵀW − I)| for W stored [rows][cols] row-major, or of WWᵀ when rows &lt; cols. */
    static double orthogonalityError(float[] w, int rows, int cols) {
        boolean columns = rows >= cols;
        int k = columns ? cols : rows, len = columns ? rows : cols;
        double worst = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double dot = 0;
                for (int i = 0; i < len; i++) {
                    double x = columns ? w[i * cols + a] : w[a * cols + i];
                    double y = columns ? w[i * cols + b] : w[b * cols + i];
                    dot += x * y;
                }
                worst = Math.max(worst, Math.abs(dot - (a == b ? 1 : 0)));
            }
        }
        return worst;
    }

    @Test
    void orthogonalWeightsHaveWTransposeWEqualToIdentity() {
        OrthogonalInit o = (OrthogonalInit) InitCatalog.byId("orthogonal");
        for (int[] shape : new int[][] {{784, 30}, {100, 100}, {30, 10}, {10, 30}}) {
            float[] w = new float[shape[0] * shape[1]];
            o.fill(w, shape[0], shape[1], new SplittableRandom(5));
            assertTrue(
                    orthogonalityError(w, shape[0], shape[1]) < 1e-5, "semi-orthogonal " + shape[0] + "×" + shape[1]);
        }
    }

    @Test
    void orthogonalIsReproducibleAndHasNoSignBias() {
        OrthogonalInit o = new OrthogonalInit();
        float[] a = new float[50 * 50], b = new float[50 * 50];
        o.fill(a, 50, 50, new SplittableRandom(9));
        o.fill(b, 50, 50, new SplittableRandom(9));
        assertArrayEquals(a, b);
        // With the sign correction the diagonal has mean 0 over draws (without it, Q's diagonal leans positive).
        double diag = 0;
        for (int s = 0; s < 40; s++) {
            o.fill(a, 50, 50, new SplittableRandom(100 + s));
            for (int i = 0; i < 50; i++) diag += a[i * 50 + i];
        }
        assertEquals(0, diag / (40 * 50), 3 * Math.sqrt(1.0 / 50 / (40 * 50)));
    }

    @Test
    void lsuvLeavesEveryLayersOutputVarianceWithinItsTolerance() {
        var data = TrainingSet.of(TestData.mnist(), EvalSplit.TEST);
        for (Activation act : Activation.values()) {
            NetworkSpec spec =
                    new NetworkSpec(new int[] {784, 100, 100, 100, 10}, act, OutputLayer.SIGMOID, Loss.QUADRATIC);
            RunKey key = new RunKey(0, new InitScheme(InitCatalog.byId("lsuv"), BiasInit.ZEROS), 3);
            Mlp net = TrainingRun.initialNetwork(spec, key, data);
            int[] rows = TrainingRun.lsuvBatch(key, data.count());
            float[] batch = new float[rows.length * 784];
            for (int r = 0; r < rows.length; r++)
                for (int p = 0; p < 784; p++) batch[r * 784 + p] = data.images().pixel(rows[r], p);
            // Scaling again finds every layer already within tolerance, with no try needed.
            LsuvInit.Report again = LsuvInit.scale(net.copy(), batch, rows.length);
            for (int l = 0; l < spec.layers(); l++) {
                assertTrue(
                        Math.abs(again.variances()[l] - 1) <= LsuvInit.TOLERANCE,
                        act + " layer " + (l + 1) + ": Var = " + again.variances()[l]);
                assertEquals(0, again.iterations()[l], act + " layer " + (l + 1));
            }
        }
    }

    @Test
    void lsuvBatchComesFromTheRunsSeed() {
        RunKey a = new RunKey(0, InitScheme.of(InitCatalog.byId("lsuv")), 1),
                b = new RunKey(3, InitScheme.of(InitCatalog.byId("lsuv")), 1);
        assertArrayEquals(TrainingRun.lsuvBatch(a, 55_000), TrainingRun.lsuvBatch(b, 55_000), "same seed, same batch");
        int[] other = TrainingRun.lsuvBatch(new RunKey(0, InitScheme.of(InitCatalog.byId("lsuv")), 2), 55_000);
        assertTrue(!java.util.Arrays.equals(other, TrainingRun.lsuvBatch(a, 55_000)));
        assertEquals(LsuvInit.BATCH, java.util.Arrays.stream(other).distinct().count());
    }
}
