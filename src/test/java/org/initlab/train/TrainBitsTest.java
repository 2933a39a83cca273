package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.Dataset;
import org.initlab.data.LabeledImages;
import org.initlab.data.TestData;
import org.initlab.math.Seeds;
import org.initlab.settings.LabParameters;
import org.junit.jupiter.api.Test;

/** The small pieces of training, each against numbers worked out by hand or by a plain loop here. */
class TrainBitsTest {
    private static final RunKey KEY = new RunKey(2, InitScheme.of(InitCatalog.byId("lecun")), 9);

    private static EpochResult epoch(int e, int correct) {
        return new EpochResult(KEY, e, correct, 200, 0.1, 0.5 * (e + 1), 1, List.of(), new double[0]);
    }

    @Test
    void seedsAreFnv1aThenSplitMix64() {
        // FNV-1a 64 of the purpose's bytes and the SplitMix64 finalizer, written out again here.
        long master = 12345;
        String purpose = "init/lecun";
        long h = 0xcbf29ce484222325L;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        long want = mix(mix(master) ^ h);
        assertEquals(want, Seeds.derive(master, purpose));
        assertEquals("init/lecun", Seeds.init("lecun"));
        assertEquals(
                new java.util.SplittableRandom(want).nextLong(),
                Seeds.rng(master, purpose).nextLong());
        assertNotEquals(Seeds.derive(1, Seeds.BATCHES), Seeds.derive(1, Seeds.PROBE));
        assertNotEquals(Seeds.derive(1, Seeds.BATCHES), Seeds.derive(2, Seeds.BATCHES));
        // A byte above 127 enters as its unsigned value (the & 0xFF).
        long hu = 0xcbf29ce484222325L;
        for (byte b : "é".getBytes(StandardCharsets.UTF_8)) {
            hu ^= b & 0xFF;
            hu *= 0x100000001b3L;
        }
        assertEquals(mix(mix(0) ^ hu), Seeds.derive(0, "é"));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Test
    void deltaMeterAveragesOverExamplesAndResets() {
        DeltaMeter m = new DeltaMeter(2);
        m.add(0, 3.0);
        m.add(1, 1.0);
        m.countExamples(4);
        m.add(0, 1.0);
        m.countExamples(4);
        assertArrayEquals(new double[] {0.5, 0.125}, m.take(), 1e-15);
        double[] empty = m.take();
        assertTrue(Double.isNaN(empty[0]) && Double.isNaN(empty[1]), "nothing since the last take");
        m.add(1, 2.0);
        m.countExamples(2);
        assertArrayEquals(new double[] {0, 1.0}, m.take(), 1e-15);
    }

    @Test
    void seedBandsMeanSampleSdMinMax() {
        SeedBands b = SeedBands.of(List.of(List.of(90.0, 95.0, 97.0), List.of(80.0, 91.0), List.of(85.0)));
        assertEquals(3, b.epochs().size());
        SeedBands.Band e0 = b.epochs().get(0);
        assertEquals(0, e0.epoch());
        assertEquals(3, e0.runs());
        assertEquals(85.0, e0.mean(), 1e-12);
        assertEquals(5.0, e0.sd(), 1e-12, "√((25 + 25 + 0)/2)");
        assertEquals(80.0, e0.min());
        assertEquals(90.0, e0.max());
        SeedBands.Band e1 = b.epochs().get(1);
        assertEquals(2, e1.runs());
        assertEquals(93.0, e1.mean(), 1e-12);
        assertEquals(Math.sqrt(8), e1.sd(), 1e-12);
        SeedBands.Band e2 = b.epochs().get(2);
        assertEquals(1, e2.runs());
        assertEquals(0, e2.sd(), "one run: no spread");
        SeedBands.Band s = SeedBands.summary(List.of(1.0, 2.0, 6.0));
        assertEquals(-1, s.epoch());
        assertEquals(3.0, s.mean(), 1e-12);
        assertEquals(Math.sqrt(7), s.sd(), 1e-12);
        SeedBands.Band none = SeedBands.summary(List.of());
        assertTrue(Double.isNaN(none.mean()) && Double.isNaN(none.min()) && Double.isNaN(none.max()));
        assertEquals(0, SeedBands.of(List.of()).epochs().size());
    }

    @Test
    void runResultAndSummary() {
        RunResult r =
                new RunResult(KEY, RunStatus.COMPLETED, List.of(epoch(0, 150), epoch(1, 190), epoch(2, 180)), "", 3);
        assertEquals(190, r.bestCorrect());
        assertEquals(200, r.total());
        assertEquals(OptionalInt.of(1), r.firstEpochReaching(94.0));
        assertEquals(OptionalInt.of(0), r.firstEpochReaching(75.0), "75% exactly counts as reaching 75%");
        assertEquals(OptionalInt.empty(), r.firstEpochReaching(95.5));
        assertEquals(1.0, r.meanTrainSecondsPerEpoch(), 1e-12, "(0.5 + 1 + 1.5)/3");
        RunSummary s = RunSummary.of(r, 94.0);
        assertEquals(3, s.epochs());
        assertEquals(200, s.total());
        assertEquals(150, s.epoch0Correct());
        assertEquals(190, s.bestCorrect());
        assertEquals(180, s.finalCorrect());
        assertEquals("1", s.firstReachingText());
        assertEquals(1.0, s.secondsPerEpoch(), 1e-12);
        assertEquals(94.0, s.targetPercent());
        assertEquals("never", RunSummary.of(r, 99).firstReachingText());
        assertEquals(75.0, epoch(0, 150).accuracyPercent(), 1e-12);
        assertEquals(12.5, RunSummary.percent(25, 200), 1e-12);
        assertTrue(Double.isNaN(RunSummary.percent(0, 0)));

        RunResult empty = new RunResult(KEY, RunStatus.CANCELLED, List.of(), "cancelled", 0);
        assertEquals(0, empty.bestCorrect());
        assertEquals(0, empty.total());
        assertTrue(Double.isNaN(empty.meanTrainSecondsPerEpoch()));
        RunSummary es = RunSummary.of(empty, 94);
        assertEquals(0, es.epoch0Correct());
        assertEquals(0, es.finalCorrect());
        assertEquals("lecun seed=9", KEY.label());
        assertEquals(50.0, new ProbePoint(KEY, 0.5, 10, 0.2, 3, 6).accuracyPercent(), 1e-12);
    }

    @Test
    void enumsParseTheirIdsLeniently() {
        assertEquals(Engine.ND4J, Engine.parse(" ND4J "));
        assertEquals(Engine.JAVA, Engine.parse("java"));
        assertEquals("nd4j", Engine.ND4J.id());
        assertThrows(IllegalArgumentException.class, () -> Engine.parse("cuda"));
        assertEquals(EpochMode.PASS, EpochMode.parse(" Pass"));
        assertEquals("batches", EpochMode.BATCHES.id());
        assertThrows(IllegalArgumentException.class, () -> EpochMode.parse("epoch"));
        assertEquals(EvalSplit.VALIDATION, EvalSplit.parse("VALIDATION "));
        assertEquals("test", EvalSplit.TEST.id());
        assertThrows(IllegalArgumentException.class, () -> EvalSplit.parse("train"));
    }

    @Test
    void trainingConfigChecksEveryBoundary() {
        TrainingConfig r = TrainingConfig.reference();
        assertEquals(3.0, r.eta());
        assertEquals(10, r.batchSize());
        assertEquals(5000, r.batchesPerEpoch());
        assertEquals(30, r.epochs());
        assertEquals(0.0, r.lambda());
        assertEquals(10, r.probesPerEpoch());
        assertEquals(1000, r.probeSize());
        assertEquals(EpochMode.BATCHES, r.epochMode());
        assertEquals(EvalSplit.TEST, r.evalSplit());
        assertEquals(Engine.JAVA, r.engine());
        assertEquals(7, r.withEpochs(7).epochs());
        assertEquals(8, r.withBatchesPerEpoch(8).batchesPerEpoch());
        assertEquals(Engine.ND4J, r.withEngine(Engine.ND4J).engine());
        assertEquals(0, r.withProbes(0).probesPerEpoch());
        assertEquals(0.5, r.withEta(0.5).eta());
        // Legal extremes, then one step beyond each.
        ok(1e6, 1, 1, 1, 0, 0, 1);
        ok(
                1e-9,
                LabParameters.BATCH.maxInt(),
                LabParameters.BATCHES_PER_EPOCH.maxInt(),
                LabParameters.EPOCHS.maxInt(),
                1e6,
                1000,
                10_000);
        bad(0, 10, 10, 1, 0, 0, 1);
        bad(1.000001e6, 10, 10, 1, 0, 0, 1);
        bad(Double.NaN, 10, 10, 1, 0, 0, 1);
        bad(Double.POSITIVE_INFINITY, 10, 10, 1, 0, 0, 1);
        bad(1, 0, 10, 1, 0, 0, 1);
        bad(1, LabParameters.BATCH.maxInt() + 1, 10, 1, 0, 0, 1);
        bad(1, 10, 0, 1, 0, 0, 1);
        bad(1, 10, LabParameters.BATCHES_PER_EPOCH.maxInt() + 1, 1, 0, 0, 1);
        bad(1, 10, 10, 0, 0, 0, 1);
        bad(1, 10, 10, LabParameters.EPOCHS.maxInt() + 1, 0, 0, 1);
        bad(1, 10, 10, 1, -1e-9, 0, 1);
        bad(1, 10, 10, 1, 1.000001e6, 0, 1);
        bad(1, 10, 10, 1, Double.NaN, 0, 1);
        bad(1, 10, 10, 1, 0, -1, 1);
        bad(1, 10, 10, 1, 0, 1001, 1);
        bad(1, 10, 10, 1, 0, 0, 0);
        bad(1, 10, 10, 1, 0, 0, 10_001);
        assertThrows(
                NullPointerException.class,
                () -> new TrainingConfig(1, 1, 1, 1, 0, null, EvalSplit.TEST, 0, 1, Engine.JAVA));
        assertThrows(
                NullPointerException.class,
                () -> new TrainingConfig(1, 1, 1, 1, 0, EpochMode.PASS, null, 0, 1, Engine.JAVA));
        assertThrows(
                NullPointerException.class,
                () -> new TrainingConfig(1, 1, 1, 1, 0, EpochMode.PASS, EvalSplit.TEST, 0, 1, null));
    }

    private static void ok(double eta, int batch, int batches, int epochs, double lambda, int probes, int probeSize) {
        new TrainingConfig(
                eta, batch, batches, epochs, lambda, EpochMode.BATCHES, EvalSplit.TEST, probes, probeSize, Engine.JAVA);
    }

    private static void bad(double eta, int batch, int batches, int epochs, double lambda, int probes, int probeSize) {
        assertThrows(IllegalArgumentException.class, () -> ok(eta, batch, batches, epochs, lambda, probes, probeSize));
    }

    @Test
    void sparseImagesListTheNonZeroPixelsScaled() {
        byte[] px = {0, 5, 0, (byte) 255, /* image 1: all zero */ 0, 0, 0, 0, /* image 2 */ 7, 0, 0, 1};
        LabeledImages images = new LabeledImages(3, 4, px, new byte[] {0, 1, 2}, 3);
        SparseImages s = SparseImages.of(images);
        assertEquals(s, SparseImages.of(images), "built once per image set");
        assertEquals(0, s.start(0));
        assertEquals(2, s.end(0));
        assertEquals(2, s.start(1));
        assertEquals(2, s.end(1), "an all-zero image has no entries");
        assertEquals(2, s.start(2));
        assertEquals(4, s.end(2));
        int[] idx = new int[4];
        float[] val = new float[4];
        assertEquals(2, s.unpack(0, 1, 0, idx, val, 0));
        assertEquals(2, s.unpack(1, 1, 0, idx, val, 2), "nothing from an all-zero image");
        assertEquals(4, s.unpack(2, 1, 0, idx, val, 2));
        assertEquals(4, s.nonZero());
        assertArrayEquals(new int[] {1, 3, 0, 3}, idx);
        assertArrayEquals(new float[] {5 / 255f, 1f, 7 / 255f, 1 / 255f}, val, 0f);
        int[] ui = new int[5];
        float[] uv = new float[5];
        assertEquals(3, s.unpack(2, 32, 12, ui, uv, 1), "unpacking returns the position after the image's entries");
        assertArrayEquals(new int[] {0, 12, 12 + 3 * 32, 0, 0}, ui, "each pixel as its weight row's offset");
        assertArrayEquals(new float[] {0, 7 / 255f, 1 / 255f, 0, 0}, uv, 0f);
    }

    @Test
    void sparseImagesKeepPixelsFarApartAndEveryByteValue() {
        int p = 1200;
        byte[] px = new byte[2 * p];
        int[] at = {0, 255, 256, 1000, 1199};
        for (int j = 0; j < at.length; j++) px[at[j]] = (byte) (j == 0 ? 255 : 1 + j * 50);
        for (int j = 0; j < p; j++) px[p + j] = (byte) (j % 256);
        SparseImages s = SparseImages.of(new LabeledImages(2, p, px, new byte[] {0, 1}, 2));
        int[] idx = new int[p];
        float[] val = new float[p];
        assertEquals(at.length, s.unpack(0, 1, 0, idx, val, 0), "pixels far apart, the last at the end of the image");
        assertArrayEquals(at, java.util.Arrays.copyOf(idx, at.length));
        assertEquals(1f, val[0], 0f);
        assertEquals(201 / 255f, val[4], 0f);
        int n = s.unpack(1, 1, 0, idx, val, 0);
        assertEquals(p - (p + 255) / 256, n, "every value but 0");
        for (int k = 0; k < n; k++) assertEquals((idx[k] % 256) / 255f, val[k], 0f, "pixel " + idx[k]);
        assertEquals(at.length + n, s.nonZero());
    }

    @Test
    void trainingSetSplits() {
        LabeledImages train = TestData.randomImages(10_005, 2, 10, 1);
        LabeledImages test = TestData.randomImages(7, 2, 10, 2);
        Dataset d = new Dataset("x", java.nio.file.Path.of("."), train, test, false, java.util.Map.of());
        TrainingSet t = TrainingSet.of(d, EvalSplit.TEST);
        assertEquals(
                5_005, t.count(), "TensorFlow's range: the first 5,000 are its validation images, then up to 55,000");
        assertEquals(5_000, t.first(), "the first training image is #5000");
        assertEquals(test, t.evaluation());
        assertEquals(2, t.inputs());
        TrainingSet v = TrainingSet.of(d, EvalSplit.VALIDATION);
        assertEquals(5, v.count());
        assertEquals(10_000, v.evaluation().count());
        assertEquals(train.label(5), v.evaluation().label(0), "the validation set is the last 10,000");
        assertEquals(EvalSplit.VALIDATION, v.split());
        LabeledImages small = TestData.randomImages(10_000, 2, 10, 1);
        Dataset ds = new Dataset("x", java.nio.file.Path.of("."), small, test, false, java.util.Map.of());
        assertThrows(IllegalArgumentException.class, () -> TrainingSet.of(ds, EvalSplit.VALIDATION));
    }

    @Test
    void stalledAndDivergenceThresholds() {
        assertTrue(TrainingRun.stalled(new double[] {0, 9.9e-7}));
        assertFalse(TrainingRun.stalled(new double[] {0, 1e-6}), "1e-6 is not below 1e-6");
        assertFalse(TrainingRun.stalled(new double[] {Double.NaN}), "NaN is no evidence of a stall");
        NetworkSpec spec = NetworkSpec.reference(2, 2, 2);
        Mlp net = new Mlp(spec);
        net.weights(0)[1] = -3;
        assertNull(TrainingRun.divergence(net, 0.2, 0.1), "twice the first cost is still allowed");
        assertEquals("the cost rose from 0.100 to 0.201 per example", TrainingRun.divergence(net, 0.201, 0.1));
        net.weights(1)[0] = (float) TrainingRun.EXPLODED_WEIGHT;
        assertNull(TrainingRun.divergence(net, 0.1, 0.1), "exactly the limit is not beyond it");
        net.biases(1)[1] = -2e6f;
        assertEquals("weights exploded (largest |w| = 2.00e+06)", TrainingRun.divergence(net, 0.1, 0.1));
        net.biases(0)[0] = Float.NaN;
        assertEquals("weights became NaN or infinite", TrainingRun.divergence(net, 0.1, 0.1));
    }

    @Test
    void runControlPausesResumesAndCancels() throws Exception {
        RunControl c = new RunControl();
        assertTrue(c.checkpoint());
        c.pause();
        assertTrue(c.isPaused());
        boolean[] result = new boolean[1];
        Thread t = new Thread(() -> result[0] = c.checkpoint());
        t.start();
        t.join(200);
        assertTrue(t.isAlive(), "a paused checkpoint blocks");
        c.resume();
        t.join(5000);
        assertFalse(t.isAlive());
        assertTrue(result[0], "resumed: go on");
        assertFalse(c.isPaused());
        c.pause();
        Thread u = new Thread(() -> result[0] = c.checkpoint());
        u.start();
        t.join(100);
        c.cancel();
        u.join(5000);
        assertFalse(u.isAlive());
        assertFalse(result[0], "cancelled while paused: stop");
        assertTrue(c.isCancelled());
        assertFalse(c.checkpoint());
        RunControl d = new RunControl();
        d.pause();
        Thread v = new Thread(() -> result[0] = d.checkpoint());
        result[0] = true;
        v.start();
        v.join(100);
        v.interrupt();
        v.join(5000);
        assertFalse(result[0], "interrupted while paused: stop");
        assertTrue(d.isCancelled());
    }

    @Test
    void edgeCasesOfMeansAndPercentages() {
        DeltaMeter m = new DeltaMeter(1);
        m.add(0, 2.0); // a sum without examples counted: no mean
        assertTrue(Double.isNaN(m.take()[0]));
        assertTrue(Double.isNaN(RunSummary.percent(5, 0)), "no total: NaN, not infinity");
    }

    @Test
    void cancelWakesAPausedRunAndAnInterruptIsKept() throws Exception {
        RunControl c = new RunControl();
        c.pause();
        boolean[] result = {true};
        Thread t = new Thread(() -> result[0] = c.checkpoint());
        t.setDaemon(true);
        t.start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (t.getState() != Thread.State.WAITING && System.nanoTime() < deadline) Thread.sleep(1);
        assertEquals(Thread.State.WAITING, t.getState(), "waiting in the paused checkpoint");
        c.cancel();
        t.join(5000);
        assertFalse(t.isAlive(), "cancel wakes it");
        assertFalse(result[0]);

        RunControl notPaused = new RunControl();
        notPaused.cancel();
        assertFalse(notPaused.checkpoint(), "cancelled and not paused: stop");
        assertFalse(notPaused.isPaused());

        RunControl d = new RunControl();
        d.pause();
        boolean[] interruptedAfter = {false};
        Thread u = new Thread(() -> {
            result[0] = d.checkpoint();
            interruptedAfter[0] = Thread.currentThread().isInterrupted();
        });
        u.setDaemon(true);
        result[0] = true;
        u.start();
        deadline = System.nanoTime() + 5_000_000_000L;
        while (u.getState() != Thread.State.WAITING && System.nanoTime() < deadline) Thread.sleep(1);
        u.interrupt();
        u.join(5000);
        assertFalse(result[0]);
        assertTrue(interruptedAfter[0], "the interrupt is restored for the caller");
    }
}
