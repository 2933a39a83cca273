package org.initlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.report.RunJson;
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.Gradients;
import org.initlab.train.NetworkStats;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.TrainingConfig;
import org.initlab.train.ZHistogram;
import org.initlab.ui.base.BackgroundRunner;
import org.junit.jupiter.api.Test;

/**
 * An opened file's mean lines and bands: each scheme's computed once for the whole replay (it was once per event,
 * so a 7,000-run file took a minute on the FX thread), with the values of its seeds.
 */
class RunResultsBandsTest {
    @Test
    void aReplayComputesEachSchemesBandsOnceWithEverySeedsValues() {
        List<InitScheme> schemes =
                List.of(InitScheme.of(InitCatalog.byId("standard")), InitScheme.of(InitCatalog.byId("lecun")));
        Comparison c = new Comparison(
                NetworkSpec.reference(784, 30, 10),
                TrainingConfig.reference().withEpochs(3),
                schemes,
                List.of(1L, 2L, 3L, 4L),
                1);
        List<RunResult> results = new ArrayList<>();
        for (RunKey key : c.runKeys()) {
            List<EpochResult> epochs = new ArrayList<>();
            for (int e = 0; e < 3; e++) {
                // Accuracy (10 s + e + 100 i)/100 % for seed s of scheme i; saturated share (s + e)/100.
                int correct = 10 * (int) key.seed() + e + 100 * schemes.indexOf(key.scheme());
                epochs.add(new EpochResult(
                        key, e, correct, 10_000, 0.1, 1, 1, List.of(), new double[0], stats((key.seed() + e) / 100.0)));
            }
            results.add(
                    new RunResult(key, RunStatus.COMPLETED, epochs, "", 1, null, stats(key.seed() / 100.0), List.of()));
        }
        LabViewModel vm = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        vm.openSavedRun(new RunJson.SavedRun(c, results, "test"));
        RunResults r = vm.results();
        assertEquals(4, r.bandComputations, "2 schemes × (accuracy, saturation), once each");
        var lecun = r.accuracyLines().get(1);
        // Seeds 1–4 of lecun after epoch 2: (10 s + 2 + 100)/100 % → mean 1.27, min 1.12, max 1.42.
        assertEquals(1.27, lecun.points().get(2).y(), 1e-12);
        assertEquals(1.12, lecun.band().get(2)[1], 1e-12);
        assertEquals(1.42, lecun.band().get(2)[2], 1e-12);
        assertEquals(3, lecun.points().get(2).x(), 0, "x = epochs trained");
        var saturation = r.saturationLines().get(0);
        assertEquals(4, saturation.points().size(), "initialization and 3 epochs");
        assertEquals(
                100 * (2.5 + 2) / 100.0,
                saturation.points().get(3).y(),
                1e-12,
                "mean of seeds 1–4 after epoch 2: (s + 2)/100 in %");
        assertEquals(100 * 4 / 100.0, saturation.band().get(0)[2], 1e-12, "max at initialization: seed 4");
    }

    private static NetworkStats stats(double saturated) {
        return new NetworkStats(
                Gradients.EMPTY,
                List.of(new ZHistogram(-30, 30, new int[80], 0, 0)),
                new double[] {saturated},
                Double.NaN);
    }
}
