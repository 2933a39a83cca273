package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.TestData;
import org.junit.jupiter.api.Test;

/** A short training on a subset of the batches: the story of the reference, in miniature. */
class ShortTrainingTest {
    @Test
    void lecunLearnsFastAndAheadOfStandard() throws InterruptedException {
        NetworkSpec spec = NetworkSpec.reference(784, 30, 10);
        TrainingConfig config = TrainingConfig.reference().withEpochs(2).withBatchesPerEpoch(1000);
        List<ProbePoint> probes = new CopyOnWriteArrayList<>();
        List<EpochResult> epochs = new CopyOnWriteArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void probe(ProbePoint p) {
                probes.add(p);
            }

            @Override
            public void epochEnded(EpochResult e) {
                epochs.add(e);
            }
        };
        List<RunResult> results = new Comparison(
                        spec,
                        config,
                        List.of(InitScheme.of(InitCatalog.byId("standard")), InitScheme.of(InitCatalog.byId("lecun"))),
                        List.of(1L),
                        2)
                .run(TestData.mnist(), listener, new RunControl());
        RunResult standard = results.get(0), lecun = results.get(1);
        assertEquals(RunStatus.COMPLETED, lecun.status());
        assertEquals(2, lecun.epochs().size());
        // 20,000 examples seen: lecun is above 90%, and ahead of standard after each epoch.
        assertTrue(
                lecun.epochs().get(1).accuracyPercent() > 90,
                "lecun after 2×1000 batches: " + lecun.epochs().get(1).accuracyPercent());
        for (int e = 0; e < 2; e++) {
            assertTrue(
                    lecun.epochs().get(e).correct() > standard.epochs().get(e).correct(), "epoch " + e);
        }
        // At least 9 within-epoch probe points per epoch per run (the 10th is the epoch's end).
        assertEquals(2 * 2 * 9, probes.size());
        assertEquals(4, epochs.size());
        assertTrue(probes.stream().allMatch(p -> p.total() == 1000 && p.meanCost() > 0));
        assertEquals(30, epochs.get(0).hiddenZ().get(0).length / 1000, "hidden z over the 1,000 probe images");
    }
}
