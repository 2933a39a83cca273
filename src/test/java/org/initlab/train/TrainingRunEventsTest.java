package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.CustomNormalInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.Dataset;
import org.initlab.data.LabeledImages;
import org.initlab.data.TestData;
import org.initlab.math.Seeds;
import org.initlab.settings.LabParameters;
import org.junit.jupiter.api.Test;

/**
 * A run's stream of events on a tiny dataset, against a replay of the same steps done by hand here: the
 * same initial network, the same batch order, the step's costs summed into windows and epochs.
 */
class TrainingRunEventsTest {
    static final NetworkSpec SPEC =
            new NetworkSpec(new int[] {16, 8, 3}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
    static final LabeledImages TRAIN = TestData.randomImages(50, 16, 3, 21);
    static final LabeledImages TEST = TestData.randomImages(20, 16, 3, 22);
    static final Dataset DATA = new Dataset("tiny", Path.of("."), TRAIN, TEST, false, Map.of());
    static final InitScheme LECUN = InitScheme.of(InitCatalog.byId("lecun"));

    static final class Recorder implements TrainingListener {
        final List<Object> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void runStarted(RunKey run, List<float[]> hiddenZ) {
            events.add(hiddenZ);
        }

        @Override
        public void probe(ProbePoint p) {
            events.add(p);
        }

        @Override
        public void epochEnded(EpochResult r) {
            events.add(r);
        }

        @Override
        public void runEnded(RunResult r) {
            events.add(r);
        }

        <T> List<T> of(Class<T> type) {
            List<T> out = new ArrayList<>();
            for (Object o : events) if (type.isInstance(o)) out.add(type.cast(o));
            return out;
        }
    }

    private static TrainingConfig config(int batch, int batches, int epochs, EpochMode mode, int probes) {
        return new TrainingConfig(0.5, batch, batches, epochs, 0, mode, EvalSplit.TEST, probes, 7, Engine.JAVA);
    }

    @Test
    void batchesModeProbesAndEpochsAgreeWithAReplay() {
        TrainingConfig config = config(4, 10, 2, EpochMode.BATCHES, 3);
        RunKey key = new RunKey(0, LECUN, 6);
        TrainingSet data = TrainingSet.of(DATA, EvalSplit.TEST);
        Evaluation evaluation = Evaluation.of(data, config);
        Recorder rec = new Recorder();
        RunResult result = new TrainingRun(key, SPEC, config, data, evaluation).run(rec, new RunControl());
        assertEquals(RunStatus.COMPLETED, result.status(), result.message());
        assertEquals("", result.message());
        assertTrue(
                result.wallSeconds() > 0 && result.wallSeconds() < 60,
                "seconds, not nanoseconds: " + result.wallSeconds());

        // The replay: 10 batches of 4 per epoch, probes every ⌊10/3⌋ = 3 batches (after 3, 6, 9; not after 10).
        Mlp net = TrainingRun.initialNetwork(SPEC, key);
        SgdStep step = Engine.JAVA.create(net, data, config);
        BatchSampler sampler = new BatchSampler(50, 4, Seeds.rng(6, Seeds.BATCHES));
        int[] batch = new int[4];
        List<double[]> probes = new ArrayList<>(); // position, examples, mean cost, correct
        List<double[]> epochs = new ArrayList<>(); // mean cost, correct
        long examples = 0;
        for (int e = 0; e < 2; e++) {
            double epochCost = 0, window = 0;
            for (int i = 0; i < 10; i++) {
                sampler.next(batch);
                double c = step.step(batch, 4);
                epochCost += c;
                window += c;
                examples += 4;
                if ((i + 1) % 3 == 0) {
                    probes.add(new double[] {
                        e + (i + 1) / 10.0,
                        examples,
                        window / 12,
                        evaluation.probe().correct(step.network())
                    });
                    window = 0;
                }
            }
            epochs.add(new double[] {epochCost / 40, evaluation.full().correct(step.network())});
        }
        List<ProbePoint> got = rec.of(ProbePoint.class);
        assertEquals(6, got.size());
        for (int i = 0; i < 6; i++) {
            ProbePoint p = got.get(i);
            assertEquals(probes.get(i)[0], p.epochPosition(), 1e-12, "probe " + i);
            assertEquals((long) probes.get(i)[1], p.examplesSeen(), "probe " + i);
            assertEquals(probes.get(i)[2], p.meanCost(), 1e-12, "probe " + i + " mean cost of its window");
            assertEquals((int) probes.get(i)[3], p.correct(), "probe " + i);
            assertEquals(7, p.total(), "the probe sample");
            assertEquals(key, p.run());
        }
        List<EpochResult> ends = rec.of(EpochResult.class);
        assertEquals(ends, result.epochs());
        assertEquals(2, ends.size());
        for (int e = 0; e < 2; e++) {
            EpochResult r = ends.get(e);
            assertEquals(e, r.epoch());
            assertEquals(epochs.get(e)[0], r.meanCost(), 1e-12, "epoch " + e + " mean cost");
            assertEquals((int) epochs.get(e)[1], r.correct());
            assertEquals(20, r.total());
            assertEquals(1, r.hiddenZ().size());
            assertEquals(7 * 8, r.hiddenZ().get(0).length, "probe images × hidden units");
            assertEquals(2, r.meanAbsDelta().length);
            assertTrue(r.meanAbsDelta()[1] > 1e-6, "the output layer learns");
            // Parts of the run's wall time, in seconds and milliseconds.
            assertTrue(
                    r.trainSeconds() > 0 && r.trainSeconds() < result.wallSeconds(),
                    "train seconds " + r.trainSeconds());
            assertTrue(
                    r.evalMillis() > 0 && r.evalMillis() < 1000 * result.wallSeconds(),
                    "evaluation ms " + r.evalMillis());
        }
        @SuppressWarnings("unchecked")
        List<float[]> started = (List<float[]>) rec.events.get(0);
        assertEquals(
                evaluation
                        .probe()
                        .hiddenWeightedInputs(TrainingRun.initialNetwork(SPEC, key))
                        .get(0)[5],
                started.get(0)[5],
                "z at initialization");
        assertEquals(result, rec.events.get(rec.events.size() - 1), "runEnded last");
    }

    @Test
    void passModeCoversEveryExampleOnceWithAShortLastBatch() {
        TrainingConfig config = config(8, 1, 2, EpochMode.PASS, 0);
        Recorder rec = new Recorder();
        RunKey key = new RunKey(0, LECUN, 2);
        TrainingSet data = TrainingSet.of(DATA, EvalSplit.TEST);
        Evaluation evaluation = Evaluation.of(data, config);
        RunResult r = new TrainingRun(key, SPEC, config, data, evaluation).run(rec, new RunControl());
        assertEquals(RunStatus.COMPLETED, r.status());
        assertEquals(0, rec.of(ProbePoint.class).size(), "no probes asked for");
        Mlp net = TrainingRun.initialNetwork(SPEC, key);
        SgdStep step = Engine.JAVA.create(net, data, config);
        BatchSampler sampler = new BatchSampler(50, 8, Seeds.rng(2, Seeds.BATCHES));
        int[] batch = new int[8];
        for (int e = 0; e < 2; e++) {
            sampler.startPass();
            double cost = 0;
            int seen = 0;
            for (int i = 0; i < 7; i++) { // ⌈50/8⌉ = 7 batches, the last of 2
                int n = sampler.nextInPass(batch);
                cost += step.step(batch, n);
                seen += n;
            }
            assertEquals(50, seen);
            assertEquals(cost / 50, r.epochs().get(e).meanCost(), 1e-12, "epoch " + e);
        }
    }

    @Test
    void oneProbeMoreThanBatchesStillProbesEveryBatchButTheLast() {
        Recorder rec = new Recorder();
        TrainingConfig config = config(4, 3, 1, EpochMode.BATCHES, 5);
        TrainingSet data = TrainingSet.of(DATA, EvalSplit.TEST);
        new TrainingRun(new RunKey(0, LECUN, 1), SPEC, config, data, Evaluation.of(data, config))
                .run(rec, new RunControl());
        List<ProbePoint> p = rec.of(ProbePoint.class);
        assertEquals(2, p.size(), "every max(1, ⌊3/5⌋) = 1 batch, the epoch's end excluded");
        assertEquals(1 / 3.0, p.get(0).epochPosition(), 1e-12);
        assertEquals(2 / 3.0, p.get(1).epochPosition(), 1e-12);
    }

    @Test
    void saturatedNetworkStallsAfterItsFirstEpoch() {
        // σ_w = 1000: every unit saturated, σ'(z) = 0 in float, δ = 0 everywhere.
        InitScheme huge = new InitScheme(new CustomNormalInit(1000), BiasInit.constant(500));
        TrainingConfig config = config(4, 5, 3, EpochMode.BATCHES, 0);
        Recorder rec = new Recorder();
        TrainingSet data = TrainingSet.of(DATA, EvalSplit.TEST);
        RunResult r = new TrainingRun(new RunKey(0, huge, 1), SPEC, config, data, Evaluation.of(data, config))
                .run(rec, new RunControl());
        assertEquals(RunStatus.DIVERGED, r.status());
        assertEquals(1, r.epochs().size(), "the stalled epoch is kept");
        assertEquals(1, rec.of(EpochResult.class).size());
        assertEquals(
                "diverged in epoch 0: every neuron saturated and the gradient is 0, so learning stopped (η = 0.5 is probably too large)",
                r.message());
    }

    @Test
    void hugeEtaDivergesAndTheMessageNamesItsEta() {
        TrainingConfig config =
                new TrainingConfig(1e6, 4, 10, 2, 0, EpochMode.BATCHES, EvalSplit.TEST, 5, 7, Engine.JAVA);
        TrainingSet data = TrainingSet.of(DATA, EvalSplit.TEST);
        RunResult r = new TrainingRun(new RunKey(0, LECUN, 1), SPEC, config, data, Evaluation.of(data, config))
                .run(new Recorder(), new RunControl());
        assertEquals(RunStatus.DIVERGED, r.status());
        assertTrue(r.message().startsWith("diverged in epoch "), r.message());
        assertTrue(
                r.message().endsWith(" (η = 1000000 is probably too large)"),
                "η printed as a whole number: " + r.message());
    }

    @Test
    void cancelStopsWithinOneBatch() {
        RunControl control = new RunControl();
        int[] steps = {0};
        TrainingListener cancelAtFirstProbe = new TrainingListener() {
            @Override
            public void probe(ProbePoint p) {
                steps[0]++;
                control.cancel();
            }
        };
        TrainingConfig config = config(4, 10, 2, EpochMode.BATCHES, 10);
        TrainingSet data = TrainingSet.of(DATA, EvalSplit.TEST);
        RunResult r = new TrainingRun(new RunKey(0, LECUN, 1), SPEC, config, data, Evaluation.of(data, config))
                .run(cancelAtFirstProbe, control);
        assertEquals(RunStatus.CANCELLED, r.status());
        assertEquals("cancelled in epoch 0", r.message());
        assertEquals(1, steps[0]);
        assertEquals(0, r.epochs().size());
    }

    @Test
    void comparisonOrdersRunsAndReportsFailuresAndCancels() throws InterruptedException {
        InitScheme std = InitScheme.of(InitCatalog.byId("standard"));
        TrainingConfig config = config(4, 5, 1, EpochMode.BATCHES, 0);
        Comparison c = new Comparison(SPEC, config, List.of(LECUN, std), List.of(3L, 4L), 2);
        assertEquals(SPEC, c.spec());
        assertEquals(config, c.config());
        assertEquals(List.of(LECUN, std), c.schemes());
        assertEquals(List.of(3L, 4L), c.seeds());
        List<RunKey> keys = c.runKeys();
        assertEquals(
                List.of(new RunKey(0, LECUN, 3), new RunKey(1, std, 3), new RunKey(2, LECUN, 4), new RunKey(3, std, 4)),
                keys);
        List<RunResult> results = c.run(DATA, TrainingListener.NONE, new RunControl());
        assertEquals(4, results.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(keys.get(i), results.get(i).run());
            assertEquals(RunStatus.COMPLETED, results.get(i).status());
        }
        // Same seed, same batches: a single run by itself gives the same numbers as inside the comparison.
        RunResult alone = new Comparison(SPEC, config, List.of(std), List.of(3L), 1)
                .run(DATA, TrainingListener.NONE, new RunControl())
                .get(0);
        assertEquals(
                alone.epochs().get(0).meanCost(), results.get(1).epochs().get(0).meanCost(), 0);

        TrainingListener broken = new TrainingListener() {
            @Override
            public void epochEnded(EpochResult r) {
                throw new IllegalStateException("listener broke");
            }
        };
        List<RunResult> failed =
                new Comparison(SPEC, config, List.of(LECUN), List.of(1L), 1).run(DATA, broken, new RunControl());
        assertEquals(RunStatus.FAILED, failed.get(0).status());
        assertEquals(
                "java.lang.IllegalStateException: listener broke", failed.get(0).message());

        RunControl cancelled = new RunControl();
        cancelled.cancel();
        Recorder rec = new Recorder();
        RunResult none = new Comparison(SPEC, config, List.of(LECUN), List.of(1L), 1)
                .run(DATA, rec, cancelled)
                .get(0);
        assertEquals(RunStatus.CANCELLED, none.status());
        assertEquals("cancelled before it started", none.message());
        assertEquals(List.of(none), rec.events, "only runEnded");

        NetworkSpec wrong = new NetworkSpec(new int[] {15, 3}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
        assertThrows(
                IllegalArgumentException.class,
                () -> new Comparison(wrong, config, List.of(LECUN), List.of(1L), 1)
                        .run(DATA, TrainingListener.NONE, new RunControl()));
        assertThrows(IllegalArgumentException.class, () -> new Comparison(SPEC, config, List.of(), List.of(1L), 1));
        assertThrows(IllegalArgumentException.class, () -> new Comparison(SPEC, config, List.of(LECUN), List.of(), 1));
        assertThrows(
                IllegalArgumentException.class, () -> new Comparison(SPEC, config, List.of(LECUN), List.of(1L), 0));
        new Comparison(SPEC, config, List.of(LECUN), List.of(1L), 1);
    }

    @Test
    void defaultThreadsHonoursTheOverride() {
        String old = System.getProperty("initlab.threads");
        try {
            System.setProperty("initlab.threads", "3");
            assertEquals(3, Comparison.defaultThreads());
            System.setProperty("initlab.threads", "1");
            assertEquals(1, Comparison.defaultThreads());
            System.setProperty("initlab.threads", "0");
            assertEquals(Runtime.getRuntime().availableProcessors(), Comparison.defaultThreads());
            System.clearProperty("initlab.threads");
            assertEquals(Runtime.getRuntime().availableProcessors(), Comparison.defaultThreads());
        } finally {
            if (old == null) System.clearProperty("initlab.threads");
            else System.setProperty("initlab.threads", old);
        }
    }

    /**
     * Biases of 1e37 through ReLU units and η = 1e6: the first step's cost is finite (cross-entropy clamps
     * a = 1), but its output-weight gradient a·δ ≈ 1e37 times η overflows the floats to ±∞. Which check stops
     * the run depends on where the next check comes: a probe, the epoch's end, or the next step's cost.
     */
    private static RunResult overflowing(int batches, int probes) {
        NetworkSpec spec =
                new NetworkSpec(new int[] {16, 8, 3}, Activation.RELU, OutputLayer.SIGMOID, Loss.CROSS_ENTROPY);
        InitScheme scheme = new InitScheme(InitCatalog.byId("standard"), BiasInit.constant(1e37));
        TrainingConfig config =
                new TrainingConfig(1e6, 4, batches, 2, 0, EpochMode.BATCHES, EvalSplit.TEST, probes, 7, Engine.JAVA);
        TrainingSet data = TrainingSet.of(DATA, EvalSplit.TEST);
        return new TrainingRun(new RunKey(0, scheme, 1), spec, config, data, Evaluation.of(data, config))
                .run(TrainingListener.NONE, new RunControl());
    }

    @Test
    void overflowIsCaughtByTheFirstCheckThatSeesIt() {
        String eta = " (η = 1000000 is probably too large)";
        RunResult atProbe = overflowing(3, 3);
        assertEquals(RunStatus.DIVERGED, atProbe.status());
        assertEquals(
                "diverged in epoch 0: weights became NaN or infinite" + eta,
                atProbe.message(),
                "the probe after the first step");
        RunResult atEpochEnd = overflowing(1, 0);
        assertEquals(
                "diverged in epoch 0: weights became NaN or infinite" + eta,
                atEpochEnd.message(),
                "the end of a one-batch epoch");
        assertEquals(0, atEpochEnd.epochs().size());
        RunResult atNextStep = overflowing(3, 0);
        assertEquals(
                "diverged in epoch 0: the cost became NaN or infinite" + eta,
                atNextStep.message(),
                "the second step's cost");
    }

    @Test
    void aFailedRunStillReportsItsEnd() throws InterruptedException {
        TrainingConfig config = config(4, 5, 1, EpochMode.BATCHES, 0);
        List<RunResult> ended = Collections.synchronizedList(new ArrayList<>());
        TrainingListener broken = new TrainingListener() {
            @Override
            public void epochEnded(EpochResult r) {
                throw new IllegalStateException("listener broke");
            }

            @Override
            public void runEnded(RunResult r) {
                ended.add(r);
            }
        };
        List<RunResult> failed =
                new Comparison(SPEC, config, List.of(LECUN), List.of(1L), 1).run(DATA, broken, new RunControl());
        assertEquals(List.of(failed.get(0)), ended);
        assertEquals(RunStatus.FAILED, ended.get(0).status());
    }

    @Test
    void interruptingTheCallerCancelsTheRuns() throws Exception {
        TrainingConfig endless = config(4, LabParameters.BATCHES_PER_EPOCH.maxInt(), 1, EpochMode.BATCHES, 0);
        RunControl control = new RunControl();
        Throwable[] thrown = {null};
        Thread caller = new Thread(() -> {
            try {
                new Comparison(SPEC, endless, List.of(LECUN), List.of(1L), 1).run(DATA, TrainingListener.NONE, control);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        caller.setDaemon(true);
        caller.start();
        Thread.sleep(300);
        caller.interrupt();
        caller.join(10_000);
        assertTrue(
                !caller.isAlive() && thrown[0] instanceof InterruptedException,
                "the caller gets the interrupt: " + thrown[0]);
        assertTrue(control.isCancelled(), "and the runs are told to stop");
    }

    /**
     * A rising cost: one output unit biased to σ(10) ≈ 1, zero weights, η tiny. The run's first mini-batch
     * (known from the seed) holds only class-0 images, cost ½(1 − σ(10))² ≈ 1e-9 each; every other image is
     * class 1 (target 0), cost ½σ(10)² ≈ ½. The epoch's mean is far above twice the first batch's.
     */
    @Test
    void aCostRisingAboveTwiceTheFirstBatchsIsDivergence() {
        int[] first = new int[4];
        new BatchSampler(50, 4, Seeds.rng(5, Seeds.BATCHES)).next(first);
        byte[] labels = new byte[50];
        java.util.Arrays.fill(labels, (byte) 1);
        for (int i : first) labels[i] = 0;
        LabeledImages train = new LabeledImages(50, 16, TRAIN.pixels(), labels, 2);
        Dataset d = new Dataset("rising", Path.of("."), train, TEST, false, Map.of());
        NetworkSpec one =
                new NetworkSpec(new int[] {16, 3, 1}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
        InitScheme flat = new InitScheme(InitCatalog.byId("zeros"), BiasInit.constant(10));
        TrainingConfig config =
                new TrainingConfig(1e-9, 4, 10, 1, 0, EpochMode.BATCHES, EvalSplit.TEST, 0, 7, Engine.JAVA);
        TrainingSet data = TrainingSet.of(d, EvalSplit.TEST);
        RunResult r = new TrainingRun(new RunKey(0, flat, 5), one, config, data, Evaluation.of(data, config))
                .run(TrainingListener.NONE, new RunControl());
        assertEquals(RunStatus.DIVERGED, r.status(), r.message());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "diverged in epoch 0: the cost rose from (\\S+) to (\\S+) per example \\(η = 1.0E-9 is probably too large\\)")
                .matcher(r.message());
        assertTrue(m.matches(), r.message());
        double sigma10 = 1 / (1 + Math.exp(-10));
        double initial = 0.5 * Math.pow(1 - sigma10, 2);
        assertEquals(
                initial,
                Double.parseDouble(m.group(1)),
                0.05 * initial,
                "the first mini-batch's mean cost per example");
        assertTrue(Double.parseDouble(m.group(2)) > 0.3, r.message());
    }
}
