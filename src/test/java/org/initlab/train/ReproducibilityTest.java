package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.TestData;
import org.initlab.math.Seeds;
import org.junit.jupiter.api.Test;

class ReproducibilityTest {
    private static final NetworkSpec SPEC = NetworkSpec.reference(784, 30, 10);
    private static final TrainingConfig SMALL =
            TrainingConfig.reference().withEpochs(2).withBatchesPerEpoch(300);
    private static final List<InitScheme> SCHEMES =
            List.of(InitScheme.of(InitCatalog.byId("standard")), InitScheme.of(InitCatalog.byId("lecun")));

    private static List<RunResult> run(long seed) throws InterruptedException {
        return new Comparison(SPEC, SMALL, SCHEMES, List.of(seed), 2)
                .run(TestData.mnist(), TrainingListener.NONE, new RunControl());
    }

    @Test
    void sameSeedGivesIdenticalResults() throws InterruptedException {
        List<RunResult> first = run(7), second = run(7);
        for (int r = 0; r < first.size(); r++) {
            for (int e = 0; e < 2; e++) {
                EpochResult x = first.get(r).epochs().get(e),
                        y = second.get(r).epochs().get(e);
                assertEquals(x.correct(), y.correct());
                assertEquals(
                        Double.doubleToLongBits(x.meanCost()),
                        Double.doubleToLongBits(y.meanCost()),
                        "bit-identical cost");
            }
        }
        assertNotEquals(
                first.get(0).epochs().get(1).meanCost(),
                run(8).get(0).epochs().get(1).meanCost(),
                "another seed differs");
    }

    @Test
    void schemesShareTheBatchOrderButNotTheirWeights() {
        long seed = 11;
        RunKey a = new RunKey(0, SCHEMES.get(0), seed), b = new RunKey(1, SCHEMES.get(1), seed);
        // The batch stream depends only on the master seed, so every scheme in a comparison sees the same batches.
        BatchSampler sa = new BatchSampler(55_000, 10, Seeds.rng(a.seed(), Seeds.BATCHES));
        BatchSampler sb = new BatchSampler(55_000, 10, Seeds.rng(b.seed(), Seeds.BATCHES));
        int[] x = new int[10], y = new int[10];
        for (int i = 0; i < 6000; i++) {
            sa.next(x);
            sb.next(y);
            assertArrayEquals(x, y);
        }
        // The weight streams are independent: standard's weights are not lecun's rescaled.
        Mlp na = TrainingRun.initialNetwork(SPEC, a), nb = TrainingRun.initialNetwork(SPEC, b);
        double ratio0 = na.weights(0)[0] / nb.weights(0)[0], ratio1 = na.weights(0)[1] / nb.weights(0)[1];
        assertNotEquals(ratio0, ratio1, 1e-3);
        assertNotEquals(Seeds.derive(seed, Seeds.init("standard")), Seeds.derive(seed, Seeds.init("lecun")));
    }

    @Test
    void batchesWalkShuffledPassesLikeNextBatch() {
        BatchSampler s = new BatchSampler(25, 10, Seeds.rng(1, Seeds.BATCHES));
        int[] batch = new int[10];
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            s.next(batch);
            for (int v : batch) seen.add(v);
        }
        s.next(batch); // 5 from the first permutation, 5 from the next
        for (int i = 0; i < 5; i++) seen.add(batch[i]);
        Collections.sort(seen);
        for (int i = 0; i < 25; i++) assertEquals(i, seen.get(i), "the first 25 draws are a permutation");
        s.startPass();
        int total = 0, n;
        while ((n = s.nextInPass(batch)) > 0) total += n;
        assertEquals(25, total);
        assertEquals(3, s.batchesPerPass());
        assertFalse(seen.isEmpty());
        assertTrue(Seeds.derive(1, "a") != Seeds.derive(2, "a"));
    }
}
