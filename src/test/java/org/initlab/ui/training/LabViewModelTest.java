package org.initlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.OutputLayer;
import org.initlab.data.DatasetChoice;
import org.initlab.data.TestData;
import org.initlab.train.Comparison;
import org.initlab.train.EpochMode;
import org.initlab.train.EpochResult;
import org.initlab.train.EvalSplit;
import org.initlab.train.NetworkStats;
import org.initlab.train.ProbePoint;
import org.initlab.train.RunControl;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.RunSummary;
import org.initlab.train.TrainingListener;
import org.initlab.ui.base.BackgroundRunner;
import org.junit.jupiter.api.Test;

/** The training view-model with its background work run synchronously: no FX thread, no window. */
class LabViewModelTest {
    private static LabViewModel loaded() {
        LabViewModel vm = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        vm.loadBundledData();
        assertNotNull(vm.datasetProperty().get(), vm.statusProperty().get());
        assertEquals(LabState.READY, vm.stateProperty().get());
        return vm;
    }

    /** Loaded, with a short run typed in (the rest at the reference). */
    private static LabViewModel loaded(int epochs, int batchesPerEpoch) {
        LabViewModel vm = loaded();
        vm.form().epochsField().textProperty().set(Integer.toString(epochs));
        vm.form().batchesPerEpochField().textProperty().set(Integer.toString(batchesPerEpoch));
        return vm;
    }

    @Test
    void defaultsAreTheReferenceAndRunIsEnabled() {
        LabViewModel vm = loaded();
        Comparison c = vm.currentComparison();
        assertEquals("784-30-10 sigmoid/sigmoid quadratic", c.spec().toString());
        assertEquals(3.0, c.config().eta());
        assertEquals(
                List.of("standard", "lecun"),
                c.schemes().stream().map(s -> s.id()).toList());
        assertFalse(vm.runDisabledProperty().get());
    }

    @Test
    void synchronousRunFillsSeriesAndSummaryWithTheCoresNumbers() throws InterruptedException {
        LabViewModel vm = loaded(2, 200);
        vm.form().seedField().textProperty().set("4");
        vm.form().targetField().textProperty().set("85"); // reached in these 2 short epochs by one scheme at least
        vm.run();
        assertEquals(
                LabState.FINISHED, vm.stateProperty().get(), vm.statusProperty().get());
        assertEquals(2, vm.results().accuracyLines().size());
        for (RunRow row : vm.results().rows()) {
            assertEquals(9 + 2, row.accuracy().points().size(), "9 probes in epoch 0, then one point per epoch");
            assertEquals(3, row.saturation().points().size(), "initialization + 2 epochs");
            assertEquals(RunStatus.COMPLETED, row.statusProperty().get());
            assertEquals(1.0, row.progressProperty().get());
        }
        List<RunResult> core =
                vm.currentComparison().run(vm.datasetProperty().get(), TrainingListener.NONE, new RunControl());
        for (int i = 0; i < core.size(); i++) {
            RunResult r = core.get(i);
            RunRow row = vm.results().rows().get(i);
            assertEquals("best: " + r.bestCorrect() + " / 10000", RowText.best(row.summary()));
            assertEquals(
                    String.format(
                            java.util.Locale.ROOT, "%.2f%%", r.epochs().get(1).accuracyPercent()),
                    RowText.last(row.summary()));
            assertEquals(
                    String.format(
                            java.util.Locale.ROOT, "%.2f%%", r.epochs().get(0).accuracyPercent()),
                    RowText.epoch0(row.summary()));
            java.util.OptionalInt first = RunSummary.of(r, 85).firstEpochReachingTarget();
            assertEquals(
                    first.isPresent() ? Integer.toString(first.getAsInt()) : "never",
                    RowText.firstReaching(row.summary()));
            // Seconds per epoch are timings of the window's own run (the core's rerun has others).
            RunResult shown = vm.lastRun().orElseThrow().results().get(i);
            assertEquals(
                    String.format(
                            java.util.Locale.ROOT,
                            "%.2f",
                            shown.epochs().stream()
                                    .mapToDouble(e -> e.trainSeconds())
                                    .average()
                                    .orElseThrow()),
                    RowText.secondsPerEpoch(row.summary()));
        }
        assertTrue(
                vm.results().rows().stream()
                        .anyMatch(r -> !RowText.firstReaching(r.summary()).equals("never")),
                "the target check is not vacuous");
        // Saturation under N(0,1) exceeds N(0,1/√n_in) at initialization: the lesson's point, on the real network.
        double standard0 =
                vm.results().rows().get(0).saturation().points().get(0).y();
        double lecun0 = vm.results().rows().get(1).saturation().points().get(0).y();
        assertTrue(standard0 > 20 && lecun0 < 5, "saturated % at init: standard " + standard0 + ", lecun " + lecun0);
    }

    /** The ∂C/∂z view plots the core's own probe-image gradients: at initialization, at epoch 0's probes, at each epoch's end. */
    @Test
    void theGradientViewShowsTheCoresGradientsForTheSameSeed() throws InterruptedException {
        LabViewModel vm = loaded(2, 200);
        vm.run();
        List<double[]> core = new java.util.ArrayList<>(); // {run index, x, mean |∂C/∂z| of the first hidden layer}
        TrainingListener collect = new TrainingListener() {
            @Override
            public void runStarted(RunKey run, List<float[]> z, NetworkStats initial) {
                synchronized (core) {
                    core.add(new double[] {run.index(), 0, initial.gradients().meanAbsDz()[0]});
                }
            }

            @Override
            public void probe(ProbePoint p) {
                if (p.gradients().isEmpty()) return;
                synchronized (core) {
                    core.add(new double[] {
                        p.run().index(), p.epochPosition(), p.gradients().meanAbsDz()[0]
                    });
                }
            }

            @Override
            public void epochEnded(EpochResult e) {
                synchronized (core) {
                    core.add(new double[] {
                        e.run().index(), e.epoch() + 1, e.stats().gradients().meanAbsDz()[0]
                    });
                }
            }
        };
        vm.currentComparison().run(vm.datasetProperty().get(), collect, new RunControl());
        for (RunRow row : vm.results().rows()) {
            List<double[]> mine = core.stream()
                    .filter(c -> c[0] == row.key().index())
                    .sorted(java.util.Comparator.comparingDouble(c -> c[1]))
                    .toList();
            assertEquals(1 + 9 + 2, mine.size(), "initialization, 9 probes in epoch 0, 2 epoch ends");
            assertEquals(mine.size(), row.gradient().points().size(), row.name());
            for (int i = 0; i < mine.size(); i++) {
                assertEquals(mine.get(i)[1], row.gradient().points().get(i).x(), 1e-12, row.name() + " point " + i);
                assertEquals(
                        Math.log10(mine.get(i)[2]),
                        row.gradient().points().get(i).y(),
                        1e-12,
                        row.name() + " point " + i);
            }
        }
        // The lesson's claim on the real network: at initialization N(0, 1)'s hidden gradient is the smaller.
        assertTrue(vm.results().rows().get(0).gradient().points().get(0).y()
                < vm.results().rows().get(1).gradient().points().get(0).y());
    }

    @Test
    void trainingStartsWhenTheWindowsFrameDelayEndsAndACancelBeforeThenStopsIt() {
        LabViewModel vm = loaded();
        java.util.List<Runnable> delayed = new java.util.ArrayList<>();
        java.util.List<Integer> frames = new java.util.ArrayList<>();
        vm.setFrameDelay((n, work) -> {
            frames.add(n);
            delayed.add(work);
        });
        vm.form().epochsField().textProperty().set("1");
        vm.form().batchesPerEpochField().textProperty().set("50");
        vm.run();
        assertEquals(List.of(LabViewModel.FRAMES_BEFORE_TRAINING), frames);
        assertEquals(LabState.RUNNING, vm.stateProperty().get(), "the window shows the run at once");
        assertTrue(
                vm.results().rows().stream().allMatch(r -> r.accuracy().points().isEmpty()),
                "nothing trained before the delay ends");
        delayed.remove(0).run();
        assertEquals(
                LabState.FINISHED, vm.stateProperty().get(), vm.statusProperty().get());
        assertTrue(vm.results().rows().stream().allMatch(r -> r.statusProperty().get() == RunStatus.COMPLETED));

        vm.run();
        vm.cancel();
        delayed.remove(0).run();
        assertEquals(
                LabState.CANCELLED,
                vm.stateProperty().get(),
                vm.statusProperty().get());
        assertTrue(
                vm.results().rows().stream().allMatch(r -> r.accuracy().points().isEmpty()),
                "a run cancelled before it started trains nothing");
    }

    /**
     * Pins object identity on purpose: sharing the reference's hidden-layer snapshot instead of copying it is a
     * documented memory contract (docs/performance.md, "Memory and garbage collection": fewer retained copies).
     */
    @Test
    void theReferenceLayersSnapshotIsSharedAndAWiderLayersIsCapped() {
        LabViewModel vm = loaded(1, 20);
        vm.form().hiddenField().textProperty().set("30, 40");
        vm.run();
        RunRow row = vm.results().rows().get(0);
        assertEquals(2, row.layerZ().size(), "initialization and one epoch");
        for (int i = 0; i < 2; i++) {
            assertEquals(30_000, row.hiddenZ().get(i).length, "1,000 probe images × 30 units");
            assertTrue(row.layerZ().get(i).get(0) == row.hiddenZ().get(i), "the first layer's snapshot is kept once");
            assertEquals(RunResults.LAYER_SAMPLE_CAP, row.layerZ().get(i).get(1).length, "40,000 values capped");
        }
    }

    /**
     * Pins exact pulse counts on purpose: one start or epoch end per pulse, then the summary and the unlocking
     * in pulses of their own, is a documented contract (docs/performance.md, "Pulses while training").
     */
    @Test
    void inTheWindowARunsEndWaitsForItsLastEventsAndTakesTwoPulsesOfItsOwn() {
        LabViewModel vm = loaded(2, 50);
        vm.drainEventsInPulses();
        vm.run(); // trains synchronously; its events wait in the mailbox for the window's pulses
        int pulses = 0;
        int allShownAt = -1;
        while (vm.results().summaryProperty().get().isEmpty()) {
            assertEquals(LabState.RUNNING, vm.stateProperty().get(), "still showing the run's events");
            vm.applyEventsForOnePulse();
            assertTrue(++pulses < 100, "the summary never came");
            boolean allShown = vm.results().rows().stream()
                    .allMatch(r -> r.epochs().size() == 2 && r.statusProperty().get() == RunStatus.COMPLETED);
            if (allShown && allShownAt < 0) allShownAt = pulses;
        }
        // 2 starts + 2 × 2 epoch ends, one per pulse; the runs' ends queued after the last of them in a 7th;
        // then the summary in a pulse of its own.
        assertEquals(7, allShownAt, "one start or epoch end per pulse");
        assertEquals(8, pulses, "the summary in the pulse after the last event");
        assertEquals(LabState.RUNNING, vm.stateProperty().get(), "the settings unlock a pulse after the summary");
        vm.applyEventsForOnePulse();
        assertEquals(LabState.FINISHED, vm.stateProperty().get());
        assertTrue(
                vm.statusProperty().get().startsWith("Finished after"),
                vm.statusProperty().get());
    }

    @Test
    void beforeARunTheRowsListThePlannedRunsAndRunTrainsThoseRows() {
        LabViewModel vm = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        assertTrue(vm.results().rows().isEmpty(), "no plan before a dataset is loaded (keeps the first paint light)");
        vm.loadBundledData();
        assertEquals(
                List.of("standard  N(0, 1)", "lecun  N(0, 1/√n_in)"),
                vm.results().rows().stream().map(RunRow::name).toList());
        assertTrue(
                vm.results().rows().stream().allMatch(r -> r.plannedProperty().get()));
        assertEquals(2, vm.results().accuracyLines().size(), "the legend shows the planned schemes");
        assertFalse(vm.hasResults());

        vm.form().schemes().get(2).selectedProperty().set(true);
        assertEquals(3, vm.results().rows().size(), "the plan follows the ticked schemes");
        vm.form().seedsPerSchemeField().textProperty().set("2");
        assertEquals(6, vm.results().rows().size(), "3 schemes × 2 seeds");
        assertEquals(3, vm.results().accuracyLines().size(), "one mean line per scheme");
        vm.form().seedsPerSchemeField().textProperty().set("1");
        vm.form().schemes().get(2).selectedProperty().set(false);
        vm.form().schemes().forEach(c -> c.selectedProperty().set(false));
        assertTrue(vm.results().rows().isEmpty(), "nothing ticked: no plan, and Run says why");
        vm.form().schemes().get(0).selectedProperty().set(true);
        vm.form().schemes().get(1).selectedProperty().set(true);

        List<RunRow> planned = List.copyOf(vm.results().rows());
        vm.form().epochsField().textProperty().set("1");
        assertEquals(1, vm.results().plannedEpochsProperty().get(), "the charts' x range follows the planned epochs");
        vm.form().batchesPerEpochField().textProperty().set("100");
        vm.run();
        assertEquals(
                LabState.FINISHED, vm.stateProperty().get(), vm.statusProperty().get());
        for (int i = 0; i < 2; i++) {
            assertTrue(planned.get(i) == vm.results().rows().get(i), "the planned row itself carries the run");
            assertFalse(vm.results().rows().get(i).plannedProperty().get());
            assertEquals(
                    RunStatus.COMPLETED,
                    vm.results().rows().get(i).statusProperty().get());
        }
        vm.form().schemes().get(2).selectedProperty().set(true);
        assertEquals(planned, vm.results().rows(), "results stay when the settings change after a run");
        vm.form().schemes().get(2).selectedProperty().set(false);
        vm.form().seedsPerSchemeField().textProperty().set("2");
        vm.run(); // after results, no plan to reuse: new rows, shown as one mean line per scheme
        assertEquals(4, vm.results().rows().size());
        assertEquals(2, vm.results().accuracyLines().size(), "one mean line per scheme, not one line per run");
        vm.reset();
        assertEquals(2, vm.results().rows().size());
        assertTrue(
                vm.results().rows().stream().allMatch(r -> r.plannedProperty().get()),
                "after a reset the plan is shown again");
        assertEquals(30, vm.results().plannedEpochsProperty().get());
    }

    @Test
    void invalidInputDisablesRunAndSaysWhy() {
        LabViewModel vm = loaded();
        vm.form().hiddenField().textProperty().set("abc");
        assertTrue(vm.runDisabledProperty().get());
        assertTrue(
                vm.form().validationMessageProperty().get().contains("Hidden layer sizes: 'abc' is not a whole number"),
                vm.form().validationMessageProperty().get());
        vm.form().etaField().textProperty().set("-1");
        assertTrue(vm.form().validationMessageProperty().get().contains("Learning rate η: -1 is out of range"));
        vm.form().hiddenField().textProperty().set("30");
        vm.form().etaField().textProperty().set("3.0");
        assertFalse(vm.runDisabledProperty().get());
        vm.form().schemes().forEach(s -> s.selectedProperty().set(false));
        assertTrue(vm.runDisabledProperty().get());
        assertTrue(vm.form().validationMessageProperty().get().contains("choose at least one scheme"));
    }

    @Test
    void severalSeedsShowAMeanLineAndBandPerScheme() {
        LabViewModel vm = loaded(2, 100);
        vm.form().seedsPerSchemeField().textProperty().set("3");
        vm.run();
        assertEquals(LabState.FINISHED, vm.stateProperty().get());
        assertEquals(6, vm.results().rows().size(), "2 schemes × 3 seeds");
        assertEquals(2, vm.results().accuracyLines().size(), "one mean line per scheme");
        for (var mean : vm.results().accuracyLines()) {
            assertEquals(2, mean.points().size());
            List<double[]> band = mean.band();
            assertEquals(2, band.size());
            for (int e = 0; e < 2; e++) {
                double y = mean.points().get(e).y();
                assertTrue(band.get(e)[1] <= y && y <= band.get(e)[2], "the mean lies inside its min–max band");
                assertTrue(band.get(e)[2] > band.get(e)[1], "three seeds differ");
            }
        }
        // The mean is the mean of the three runs' accuracies.
        double sum = 0;
        for (int r = 0; r < 6; r += 2)
            sum += vm.results().rows().get(r).epochs().get(1).correct() / 100.0;
        assertEquals(
                sum / 3, vm.results().accuracyLines().get(0).points().get(1).y(), 1e-9);
        vm.results().showSeedsProperty().set(true);
        assertEquals(2 + 6, vm.results().accuracyLines().size(), "and every seed on demand");
        assertTrue(
                vm.results().summaryProperty().get().contains("mean"),
                vm.results().summaryProperty().get());
    }

    @Test
    void deepReluNetworkFromTheSidePanelSettings() {
        LabViewModel vm = loaded();
        vm.form().hiddenField().textProperty().set("64,64,64");
        vm.form().activationProperty().set(Activation.RELU);
        vm.form().lossProperty().set(Loss.CROSS_ENTROPY);
        vm.form().outputProperty().set(OutputLayer.SOFTMAX);
        vm.form().etaField().textProperty().set("0.05");
        vm.form().biasRuleProperty().set("zeros");
        assertEquals(
                "784-64-64-64-10 relu/softmax cross-entropy",
                vm.currentComparison().spec().toString());
        vm.form().lossProperty().set(Loss.QUADRATIC);
        assertTrue(vm.runDisabledProperty().get());
        assertTrue(vm.form().validationMessageProperty().get().contains("softmax needs the cross-entropy"));
        vm.form().hiddenField().textProperty().set("64,x");
        assertTrue(
                vm.form().validationMessageProperty().get().contains("Hidden layer sizes: 'x' is not a whole number"));
        vm.form().hiddenField().textProperty().set("100000000");
        assertTrue(
                vm.form().validationMessageProperty().get().contains("Hidden layer sizes: 100000000 is out of range"));
        vm.form().hiddenField().textProperty().set("10000,10000");
        assertTrue(
                vm.form().validationMessageProperty().get().contains("parameters"),
                vm.form().validationMessageProperty().get());
    }

    @Test
    void everyPresetGivesValidSettingsAndResetRestoresTheReference() {
        LabViewModel vm = loaded();
        for (Presets.Preset p : Presets.all()) {
            Presets.apply(vm, p);
            assertEquals("", vm.form().validationMessageProperty().get(), p.name());
            vm.currentComparison();
        }
        Presets.apply(vm, Presets.byName("Nielsen"));
        var c = vm.currentComparison();
        assertEquals(0.1, c.config().eta());
        assertEquals(5.0, c.config().lambda());
        assertEquals(EvalSplit.VALIDATION, c.config().evalSplit());
        assertEquals(EpochMode.PASS, c.config().epochMode());
        vm.reset();
        assertEquals(
                "784-30-10 sigmoid/sigmoid quadratic",
                vm.currentComparison().spec().toString());
        assertEquals(0.0, vm.currentComparison().config().lambda());
    }

    @Test
    void datasetPickerLoadsAFolderOrExplainsHowToInstall(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        LabViewModel vm = loaded();
        DatasetChoice absent = new DatasetChoice(
                "Fashion-MNIST", dir.resolve("none"), "install it with: sudo apt install dataset-fashion-mnist");
        assertFalse(absent.isAvailable());
        assertTrue(absent.toString().endsWith("not installed"));
        var before = vm.datasetProperty().get();
        vm.loadDataset(absent);
        assertTrue(
                vm.statusProperty().get().contains("sudo apt install dataset-fashion-mnist")
                        && vm.statusProperty().get().contains("still using mnist"),
                vm.statusProperty().get());
        assertTrue(before == vm.datasetProperty().get());
        java.nio.file.Path small = dir.resolve("small");
        java.nio.file.Files.createDirectories(small);
        TestData.writeIdxFolder(small, 200, 50, 28);
        DatasetChoice present = new DatasetChoice("small", small, "");
        assertTrue(present.isAvailable());
        vm.loadDataset(present);
        assertEquals(200, vm.datasetProperty().get().train().count());
        assertEquals(LabState.READY, vm.stateProperty().get());
    }

    @Test
    void aBadDatasetFolderKeepsTheCurrentOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        LabViewModel vm = loaded();
        var before = vm.datasetProperty().get();
        vm.loadDataset(dir);
        assertTrue(before == vm.datasetProperty().get());
        assertTrue(
                vm.statusProperty().get().contains("still using mnist"),
                vm.statusProperty().get());
        assertEquals(LabState.READY, vm.stateProperty().get());
    }
}
