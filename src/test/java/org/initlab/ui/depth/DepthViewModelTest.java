package org.initlab.ui.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.initlab.cli.TheoryCommand;
import org.initlab.data.TestData;
import org.initlab.theory.meanfield.MeanField;
import org.initlab.theory.meanfield.Phi;
import org.initlab.ui.base.BackgroundRunner;
import org.junit.jupiter.api.Test;

/** The Depth tab's view-model: analytic parts at once, background parts later, stale jobs dropped. */
class DepthViewModelTest {
    /** Holds the submitted jobs until the test runs them. */
    static final class QueueRunner implements BackgroundRunner {
        final List<Runnable> jobs = new ArrayList<>();

        @Override
        public <T> void submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            jobs.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(jobs);
            jobs.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void analyticPartsFollowEveryEditAtOnce() {
        QueueRunner runner = new QueueRunner();
        DepthViewModel vm = new DepthViewModel(runner, () -> null);
        vm.recompute(); // warm the quadrature's classes
        // The slowest analytic case: a chaotic point with q* > 1 (the Legendre rule) and the deepest network.
        vm.depthField().textProperty().set("1000");
        // Synchronously, with no background job run: the edit's analytic parts are there when it returns
        // (how fast is measured, not asserted: docs/depth-theory.md).
        for (String sw2 : new String[] {"3.9", "1.2", "2.5"}) {
            vm.sigmaW2Field().textProperty().set(sw2);
            MeanField mf = vm.pointProperty().get();
            assertEquals(Double.parseDouble(sw2), mf.sigmaW2());
            assertEquals(1001, vm.qAnalytic().points().size());
            assertEquals(
                    mf.trajectory(1, 1000)[1000],
                    vm.qAnalytic().points().get(1000).y(),
                    0);
        }
        assertTrue(
                vm.summaryProperty().get().contains("chaotic"),
                vm.summaryProperty().get());
    }

    @Test
    void staleJobsAreDroppedAndTheLatestIsAppliedOncePerPulse() {
        QueueRunner runner = new QueueRunner();
        DepthViewModel vm = new DepthViewModel(runner, () -> null);
        vm.widthField().textProperty().set("60");
        vm.depthField().textProperty().set("6");
        vm.samplesField().textProperty().set("20");
        vm.networksField().textProperty().set("2");
        runner.jobs.clear();
        vm.sigmaW2Field().textProperty().set("1.0"); // generation A
        List<Runnable> stale = new ArrayList<>(runner.jobs);
        runner.jobs.clear();
        vm.sigmaW2Field().textProperty().set("2.0"); // generation B: A is stale now
        stale.forEach(Runnable::run);
        vm.applyPendingResults();
        assertTrue(vm.qMeasured().points().isEmpty(), "the stale job's measurement is dropped");
        assertNull(vm.spectraProperty().get());
        runner.runAll();
        assertTrue(vm.qMeasured().points().isEmpty(), "nothing reaches the properties before the pulse");
        vm.applyPendingResults();
        assertEquals(6, vm.qMeasured().points().size());
        assertEquals(6, vm.qMeasured().band().size());
        assertEquals(6, vm.gradMeasured().points().size());
        assertNotNull(vm.spectraProperty().get());
        assertEquals(60, vm.spectraProperty().get().gaussian().length);
        assertTrue(
                vm.measureStatusProperty().get().startsWith("Measured"),
                vm.measureStatusProperty().get());
        assertTrue(
                vm.correlationProperty().get().contains("c* ="),
                vm.correlationProperty().get());
    }

    @Test
    void onTrainingImagesTheMapStartsFromTheirMeanSquareAndTheMeasurementFollowsIt() {
        var images = TestData.mnist().train();
        DepthViewModel vm = new DepthViewModel(BackgroundRunner.SYNCHRONOUS, () -> images);
        vm.widthField().textProperty().set("200");
        vm.depthField().textProperty().set("5");
        vm.samplesField().textProperty().set("100");
        vm.networksField().textProperty().set("4");
        vm.inputsProperty().set(DepthViewModel.Inputs.IMAGES);
        vm.applyPendingResults();
        double q0 = DepthViewModel.meanSquare(images, 1000);
        assertTrue(q0 > 0.05 && q0 < 0.2, "MNIST's mean squared pixel: " + q0);
        assertEquals(q0, vm.qAnalytic().points().get(0).y(), 1e-12);
        assertEquals(5, vm.qMeasured().points().size());
        for (int l = 1; l <= 5; l++) {
            double analytic = vm.qAnalytic().points().get(l).y(),
                    measured = vm.qMeasured().points().get(l - 1).y();
            assertEquals(analytic, measured, 0.1 * analytic, "layer " + l + " on real images");
        }
    }

    @Test
    void clickingThePhaseDiagramAndTheCriticalButtonsChooseThePoint() {
        DepthViewModel vm = new DepthViewModel(BackgroundRunner.SYNCHRONOUS, () -> null);
        vm.depthField().textProperty().set("3");
        vm.widthField().textProperty().set("20");
        vm.choose(2.2, 0.1);
        assertEquals("2.2", vm.sigmaW2Field().textProperty().get());
        assertEquals("0.1", vm.sigmaB2Field().textProperty().get());
        vm.sigmaB2Field().textProperty().set("0.05");
        vm.toCriticalLine(0);
        assertEquals(1.761, vm.sigmaW2Field().doubleValue(), 1e-3);
        assertEquals(
                MeanField.Phase.CHAOTIC,
                new MeanField(Phi.TANH, vm.sigmaW2Field().doubleValue() + 0.1, 0.05).phase());
        vm.activationProperty().set(Phi.RELU);
        vm.sigmaB2Field().textProperty().set("0");
        vm.toCriticalLine(0);
        assertEquals("2", vm.sigmaW2Field().textProperty().get(), "He");
        vm.sigmaW2Field().textProperty().set("-1");
        assertNull(vm.pointProperty().get(), "an invalid field shows nothing stale");
        assertFalse(vm.messageProperty().get().isEmpty());
    }

    @Test
    void theCriticalButtonLandsOnTheLineAsTheCommandLineClassifiesIt() throws Exception {
        DepthViewModel vm = new DepthViewModel(BackgroundRunner.SYNCHRONOUS, () -> null);
        vm.depthField().textProperty().set("3");
        vm.widthField().textProperty().set("20");
        for (Phi phi : new Phi[] {Phi.TANH, Phi.SIGMOID}) {
            for (String sb2 : new String[] {"0.05", "0.3"}) {
                vm.activationProperty().set(phi);
                vm.sigmaB2Field().textProperty().set(sb2);
                vm.toCriticalLine(0);
                String sw2 = vm.sigmaW2Field().textProperty().get();
                String where = phi.id() + " at σ_b² " + sb2 + ": σ_w² " + sw2;
                assertEquals(MeanField.Phase.CRITICAL, vm.pointProperty().get().phase(), where);
                assertTrue(
                        vm.summaryProperty().get().startsWith("Phase: critical."),
                        vm.summaryProperty().get());
                var out = new java.io.ByteArrayOutputStream();
                TheoryCommand.run(
                        new String[] {"theory", "--activation", phi.id(), "--sigma-w2", sw2, "--sigma-b2", sb2},
                        new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
                assertTrue(
                        out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("\nphase critical\n"),
                        where + ": the command line agrees");
                double exact = MeanField.criticalSigmaW2(phi, Double.parseDouble(sb2));
                assertEquals(exact, Double.parseDouble(sw2), 1e-8 * exact, where);
            }
        }
    }

    @Test
    void theJacobianWordsSayWhatTheNumbersShow() {
        // The default point (tanh, σ_w² 1.5, 20 layers) is ordered: a Gaussian mean near χ₁^20 ≈ 0.28, not 1.
        var below = new MeasurementsViewModel.Spectra(new double[] {0.1, 0.5}, new double[] {0.35, 0.41}, 20, 300);
        String words = MeasurementsViewModel.spectraWords(below, 0.9386);
        assertTrue(words.contains("Gaussian mean 0.3000, variance 0.04000"), words);
        assertTrue(words.contains("χ₁^L = 0.9386^20 = 0.2816."), words);
        assertTrue(words.contains("The Gaussian mean 0.3000 is below 1"), words);
        assertTrue(words.contains("Orthogonal weights spread less here (variance 0.0009000 against 0.04000)."), words);
        assertFalse(words.contains("stays at 1") || words.contains("keeps the average"), words);
        var near = new MeasurementsViewModel.Spectra(new double[] {0.2, 1.8}, new double[] {0.1, 1.9}, 20, 300);
        String nearWords = MeasurementsViewModel.spectraWords(near, 1);
        assertTrue(nearWords.contains("The Gaussian mean 1.000 is near 1"), nearWords);
        assertTrue(nearWords.contains("Orthogonal weights spread no less here"), nearWords);
        var above = new MeasurementsViewModel.Spectra(new double[] {3, 5}, new double[] {4}, 20, 300);
        assertTrue(MeasurementsViewModel.spectraWords(above, 1.05).contains("The Gaussian mean 4.000 is above 1"));
    }
}
