package org.initlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.report.RunJson;
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.NetworkStats;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.StepPoint;
import org.initlab.train.TrainingConfig;
import org.initlab.ui.base.BackgroundRunner;
import org.junit.jupiter.api.Test;

/** The learning curves per chosen step: a line per run, a mean line with its min–max band per scheme over seeds. */
class StepCurvesTest {
    private static final List<Integer> STEPS = List.of(100, 300, 1000);

    private static Comparison comparison(int seeds, List<Integer> evalSteps, int batchesPerEpoch) {
        List<Long> s = new ArrayList<>();
        for (long i = 1; i <= seeds; i++) s.add(i);
        return new Comparison(
                NetworkSpec.reference(784, 30, 10),
                TrainingConfig.reference()
                        .withEpochs(1)
                        .withBatchesPerEpoch(batchesPerEpoch)
                        .withEvalSteps(evalSteps),
                List.of(InitScheme.of(InitCatalog.byId("orthogonal")), InitScheme.of(InitCatalog.byId("lecun"))),
                s,
                1);
    }

    /** Seed s of scheme i after the k-th step: (1000 i + 100 s + 10 k) correct of 10,000. */
    private static StepPoint point(RunKey key, int schemeIndex, int k) {
        int correct = 1000 * schemeIndex + 100 * (int) key.seed() + 10 * k;
        return new StepPoint(key, STEPS.get(k), 64L * STEPS.get(k), 0.5, correct, 10_000, correct, 10_000);
    }

    @Test
    void liveStepPointsMakeAMeanLineWithItsBandPerSchemeAndOneLinePerRunOnDemand() {
        LabViewModel vm = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        Comparison c = comparison(3, STEPS, 1000);
        RunResults r = vm.results();
        r.show(c, 90);
        r.createRows();
        StepCurves curves = r.stepCurves();
        assertTrue(curves.chosenProperty().get());
        assertEquals(1000, curves.lastStepProperty().get());
        assertEquals(2, curves.lines().size(), "one mean line per scheme with 3 seeds");
        // As the training threads send them: through the mailbox, drained once per pulse.
        for (RunKey key : c.runKeys()) {
            int i = c.schemes().indexOf(key.scheme());
            for (int k = 0; k < 3; k++) vm.mailbox().stepEvaluated(point(key, i, k));
        }
        vm.applyEventsForOnePulse();
        var lecun = curves.lines().get(1);
        assertEquals(3, lecun.points().size());
        // lecun (i = 1) after step 300 (k = 1): (1000 + 100 s + 10)/100 % for s = 1..3 → mean 12.1, min 11.1, max 13.1.
        assertEquals(300, lecun.points().get(1).x(), 0);
        assertEquals(12.1, lecun.points().get(1).y(), 1e-9);
        assertEquals(11.1, lecun.band().get(1)[1], 1e-9);
        assertEquals(13.1, lecun.band().get(1)[2], 1e-9);
        assertEquals(2.2, curves.accuracyAt("orthogonal", -1).getAsDouble(), 1e-9, "(200 + 20)/100 after step 1000");
        assertEquals(12.0, curves.accuracyAt("lecun", 0).getAsDouble(), 1e-9);
        r.showSeedsProperty().set(true);
        assertEquals(2 + 6, curves.lines().size(), "the means and every run's own line");
        assertEquals(1000, curves.lines().get(2 + 5).points().get(2).x(), 0);
    }

    @Test
    void anOpenedRunShowsItsSavedStepPointsAndStepsPastTheEndAreNotDrawn() {
        Comparison c = comparison(1, List.of(100, 300, 1000, 5000), 1000);
        List<RunResult> results = new ArrayList<>();
        for (RunKey key : c.runKeys()) {
            int i = c.schemes().indexOf(key.scheme());
            List<StepPoint> steps = new ArrayList<>();
            for (int k = 0; k < 3; k++) steps.add(point(key, i, k));
            List<EpochResult> epochs = List.of(
                    new EpochResult(key, 0, 5000, 10_000, 0.1, 1, 1, List.of(), new double[0], NetworkStats.EMPTY));
            results.add(
                    new RunResult(key, RunStatus.COMPLETED, epochs, "", 1, null, NetworkStats.EMPTY, List.of(), steps));
        }
        LabViewModel vm = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        vm.openSavedRun(new RunJson.SavedRun(c, results, "test"));
        StepCurves curves = vm.results().stepCurves();
        assertEquals(List.of(100, 300, 1000), curves.steps(), "step 5000 is past the run's 1,000");
        assertEquals(1000, curves.lastStepProperty().get());
        assertEquals(2, curves.lines().size(), "one seed: a line per run");
        var orthogonal = curves.lines().get(0);
        assertEquals(
                List.of(1.0, 1.1, 1.2),
                orthogonal.points().stream().map(p -> p.y()).toList());
        assertTrue(
                orthogonal.points().get(2).label().contains("1000"),
                orthogonal.points().get(2).label());
        assertEquals(11.2, curves.accuracyAt("lecun", 2).getAsDouble(), 1e-9);
    }

    @Test
    void stepsChosenAfterThePlanWasShownAreTheRunsSteps() {
        LabViewModel vm = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        RunResults r = vm.results();
        r.show(comparison(1, List.of(), 1000), 90);
        r.createRows(); // the planned rows, before the steps are chosen
        assertFalse(r.stepCurves().chosenProperty().get());
        Comparison withSteps = comparison(1, STEPS, 1000);
        r.show(withSteps, 90); // Run with the same rows, now measuring at steps
        assertEquals(STEPS, r.stepCurves().steps());
        assertEquals(2, r.stepCurves().lines().size());
        RunKey first = withSteps.runKeys().get(0);
        vm.mailbox().stepEvaluated(point(first, 0, 0));
        vm.applyPendingEvents();
        assertEquals(1.0, r.stepCurves().accuracyAt("orthogonal", 0).getAsDouble(), 1e-9);
    }

    @Test
    void withoutChosenStepsThereIsNoStepChart() {
        LabViewModel vm = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        vm.results().show(comparison(1, List.of(), 1000), 90);
        vm.results().createRows();
        assertFalse(vm.results().stepCurves().chosenProperty().get());
        assertTrue(vm.results().stepCurves().accuracyAt("lecun", 0).isEmpty());
    }
}
