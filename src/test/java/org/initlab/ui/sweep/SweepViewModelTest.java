package org.initlab.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.initlab.data.Dataset;
import org.initlab.data.TestData;
import org.initlab.settings.LabSettings;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.I18n;
import org.junit.jupiter.api.Test;

/** The Sweep tab's running mechanics without a window: the sweep and its events go through the runner it is given. */
class SweepViewModelTest {
    static final Dataset TINY = new Dataset(
            "tiny",
            Path.of("."),
            TestData.randomImages(60, 16, 3, 21),
            TestData.randomImages(20, 16, 3, 22),
            false,
            Map.of());

    /** Runs work in the calling thread, as the tests' runner does, and records its names. */
    static final class Recording implements BackgroundRunner {
        final List<String> names = new ArrayList<>();

        @Override
        public <T> void submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            names.add(name);
            SYNCHRONOUS.submit(name, work, onSuccess, onFailure);
        }
    }

    private static SweepViewModel tinySweep(BackgroundRunner runner, Dataset d) {
        SweepViewModel vm = new SweepViewModel(runner, () -> d, LabSettings::defaults);
        vm.valuesProperty().set("0.1,1");
        vm.schemesProperty().set("lecun");
        vm.seedsProperty().set("1,2");
        vm.batchesPerEpochProperty().set("3");
        return vm;
    }

    @Test
    void aSweepRunsOnTheRunnerItIsGivenAndItsRunsArriveInOnePulse() {
        Recording runner = new Recording();
        SweepViewModel vm = tinySweep(runner, TINY);
        vm.start();
        assertEquals(List.of("sweep"), runner.names);
        assertTrue(vm.runningProperty().get(), "running until the pump takes the end in");
        assertEquals(0, vm.rows().size());
        assertTrue(vm.applyPending());
        assertFalse(vm.runningProperty().get());
        assertEquals(4, vm.rows().size(), "2 values × 2 seeds");
        assertEquals(2, vm.cellsDoneProperty().get());
        assertTrue(
                vm.statusProperty().get().startsWith("done: 4 runs trained, 0 diverged, "),
                vm.statusProperty().get());
        assertFalse(vm.applyPending(), "nothing more");
    }

    @Test
    void aDepthMapIsCompleteWithItsNumbersOnceItsRunsAndTheTheoryAreIn() {
        SweepViewModel vm = new SweepViewModel(BackgroundRunner.SYNCHRONOUS, () -> TINY, LabSettings::defaults);
        vm.fillGrid(Map.of(
                "param",
                "sigma-w2",
                "values",
                "1,4",
                "param2",
                "depth",
                "values2",
                "1,2",
                "schemes",
                "lecun",
                "seeds",
                "1",
                "batches",
                "3"));
        vm.override("activation", "tanh");
        vm.override("evalSteps", "2");
        vm.start();
        assertFalse(vm.completeProperty().get(), "not before the pump takes the end in");
        vm.applyPending();
        assertTrue(vm.completeProperty().get());
        org.initlab.sweep.MapNumbers m = vm.mapNumbers().orElseThrow();
        assertEquals(4, m.cells());
        assertEquals(2, m.firstStep());
        assertFalse(vm.agreementProperty().get().isEmpty(), "the agreement is shown with the theory's 6 ξ_c");
        vm.fillGrid(Map.of("param", "weight-scale", "values", "1", "schemes", "lecun", "seeds", "1", "batches", "3"));
        assertEquals("", vm.param2Property().get(), "a grid without a second parameter clears it");
        vm.start();
        vm.applyPending();
        assertTrue(vm.completeProperty().get());
        assertTrue(vm.mapNumbers().isEmpty(), "no map numbers for a curve");
    }

    @Test
    void aSweepsErrorIsShownNotHiddenBehindACancel() {
        Dataset empty = new Dataset(
                "empty",
                Path.of("."),
                TestData.randomImages(0, 16, 3, 21),
                TestData.randomImages(20, 16, 3, 22),
                false,
                Map.of());
        SweepViewModel vm = tinySweep(BackgroundRunner.SYNCHRONOUS, empty);
        vm.start();
        vm.applyPending();
        assertFalse(vm.runningProperty().get());
        assertEquals(
                "the sweep stopped on an error after 0 runs: bad train range 0 + 0",
                vm.statusProperty().get());
    }

    @Test
    void aDisposedViewModelTakesNothingInAndStartsNothing() {
        List<Runnable> later = new ArrayList<>();
        BackgroundRunner deferred = new BackgroundRunner() {
            @Override
            public <T> void submit(
                    String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                later.add(() -> SYNCHRONOUS.submit(name, work, onSuccess, onFailure));
            }
        };
        SweepViewModel vm = tinySweep(deferred, TINY);
        vm.start();
        vm.dispose();
        later.forEach(Runnable::run); // the work was cancelled before its first run
        assertFalse(vm.applyPending());
        assertEquals(0, vm.rows().size());
        vm.start();
        assertEquals(1, later.size(), "no new sweep once disposed");
    }

    @Test
    void aKeptSweepComesBackWithItsGridRowsCurveAndStatusInTheNewLanguage() {
        SweepViewModel vm = tinySweep(BackgroundRunner.SYNCHRONOUS, TINY);
        vm.epochsProperty().set("2");
        vm.start();
        vm.applyPending();
        SweepViewModel.Kept kept = vm.keep();
        try {
            I18n.setLocale(I18n.CHINESE);
            SweepViewModel next = new SweepViewModel(BackgroundRunner.SYNCHRONOUS, () -> TINY, LabSettings::defaults);
            next.restore(kept);
            assertEquals("0.1,1", next.valuesProperty().get());
            assertEquals("1,2", next.seedsProperty().get());
            assertEquals("2", next.epochsProperty().get());
            assertEquals(numbers(vm.rows()), numbers(next.rows()), "the same runs, the same numbers");
            assertEquals("scale 0.1", vm.rows().get(0).cell());
            assertEquals("缩放 0.1", next.rows().get(0).cell(), "the cell named in the new language");
            assertEquals(2, next.cellsDoneProperty().get());
            assertEquals(1.0, next.progressProperty().get());
            assertEquals(
                    vm.curves().get(0).points().stream()
                            .map(q -> List.of(q.x(), q.y()))
                            .toList(),
                    next.curves().get(0).points().stream()
                            .map(q -> List.of(q.x(), q.y()))
                            .toList());
            assertTrue(
                    next.statusProperty().get().startsWith("完成：训练 4 次，发散 0 次，"),
                    next.statusProperty().get());
            assertTrue(next.savedRun(0).isPresent(), "a run still opens in the Training tab");
            assertFalse(next.runningProperty().get());
        } finally {
            I18n.setLocale(Locale.ENGLISH);
        }
    }

    /** A row without its cell's words (which follow the language). */
    private static List<List<Object>> numbers(List<SweepViewModel.Row> rows) {
        return rows.stream()
                .map(r -> List.<Object>of(r.index(), r.scheme(), r.seed(), r.finalAccuracy(), r.best(), r.diverged()))
                .toList();
    }
}
