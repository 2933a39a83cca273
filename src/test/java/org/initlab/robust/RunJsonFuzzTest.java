package org.initlab.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.TestData;
import org.initlab.report.RunJson;
import org.initlab.settings.SettingsFormatException;
import org.initlab.testutil.TextMutator;
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.NetworkStats;
import org.initlab.train.ProbePoint;
import org.initlab.train.RunControl;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingListener;
import org.initlab.train.ZHistogram;
import org.junit.jupiter.api.Test;

/**
 * 10,000 mutations of a real saved run: each is refused with the reader's own error and a message, or
 * accepted as a run that holds every invariant a valid run holds (and reads back the same once written again).
 */
class RunJsonFuzzTest {
    @Test
    void mutatedRunFilesGiveAValidRunOrTheReadersOwnError() throws InterruptedException {
        Comparison c = new Comparison(
                NetworkSpec.reference(784, 30, 10),
                TrainingConfig.reference().withEpochs(2).withBatchesPerEpoch(50),
                List.of(InitScheme.of(InitCatalog.byId("standard")), InitScheme.of(InitCatalog.byId("lecun"))),
                List.of(1L),
                2);
        List<RunResult> results = c.run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        String valid = RunJson.write(c, TestData.mnist(), results);
        assertEquals(List.of(), violations(read(valid)), "the unmutated file");
        assertTrue(
                read(valid).results().get(0).probes().size() > 0
                        && !read(valid).results().get(0).initial().isEmpty(),
                "the file holds the views' data the mutants hit");
        SplittableRandom rng = new SplittableRandom(11);
        int accepted = 0, refused = 0;
        for (int i = 0; i < 10_000; i++) {
            String mutated = TextMutator.mutate(valid, rng, 3);
            RunJson.SavedRun saved;
            try {
                saved = RunJson.read(mutated);
            } catch (SettingsFormatException e) {
                refused++;
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "refused without a message");
                continue;
            } catch (RuntimeException e) {
                fail("mutant " + i + " threw " + e + " instead of the reader's own error:\n" + mutated);
                return;
            }
            accepted++;
            List<String> broken = violations(saved);
            if (!broken.isEmpty()) fail("mutant " + i + " was accepted but " + broken + ":\n" + mutated);
        }
        assertTrue(accepted > 100 && refused > 1000, "accepted " + accepted + ", refused " + refused);
    }

    /** The check itself fails on a run that breaks the invariants (so the fuzz loop can fail). */
    @Test
    void theInvariantsCatchABrokenRun() throws Exception {
        Comparison c = new Comparison(
                NetworkSpec.reference(784, 30, 10),
                TrainingConfig.reference().withEpochs(1).withBatchesPerEpoch(10),
                List.of(InitScheme.of(InitCatalog.byId("lecun"))),
                List.of(1L),
                1);
        RunKey key = c.runKeys().get(0);
        EpochResult e0 = new EpochResult(key, 0, 11, 10, 0.1, 0.1, 1, List.of(), new double[0]);
        EpochResult e1 = new EpochResult(key, 5, 1, 10, 0.1, -1, 1, List.of(), new double[0]);
        RunResult r = new RunResult(key, RunStatus.COMPLETED, List.of(e0, e1), "", 1);
        List<String> broken = violations(new RunJson.SavedRun(c, List.of(r), "x"));
        assertTrue(broken.size() >= 3, broken.toString());
    }

    private static RunJson.SavedRun read(String json) {
        try {
            return RunJson.read(json);
        } catch (SettingsFormatException e) {
            throw new AssertionError(e);
        }
    }

    /** What a valid run holds: every scheme × seed in order, epochs numbered and within the config, counts and times in range, a stable round trip. */
    static List<String> violations(RunJson.SavedRun s) {
        List<String> v = new ArrayList<>();
        Comparison c = s.comparison();
        List<RunKey> keys = c.runKeys();
        if (s.results().size() != keys.size()) v.add(s.results().size() + " results for " + keys.size() + " runs");
        for (int i = 0; i < Math.min(keys.size(), s.results().size()); i++) {
            RunResult r = s.results().get(i);
            if (!r.run().scheme().id().equals(keys.get(i).scheme().id())
                    || r.run().seed() != keys.get(i).seed())
                v.add("run " + i + " is not " + keys.get(i).label());
            if (r.epochs().size() > c.config().epochs())
                v.add("run " + i + " has " + r.epochs().size() + " epochs of "
                        + c.config().epochs());
            if (!(r.wallSeconds() >= 0)) v.add("run " + i + " wall time " + r.wallSeconds());
            for (int k = 0; k < r.epochs().size(); k++) {
                EpochResult e = r.epochs().get(k);
                if (e.epoch() != k) v.add("run " + i + " epoch " + k + " numbered " + e.epoch());
                if (e.total() < 1 || e.correct() < 0 || e.correct() > e.total())
                    v.add("run " + i + " correct " + e.correct() + " / " + e.total());
                if (!(e.trainSeconds() >= 0) || !(e.evalMillis() >= 0) || !(e.meanCost() >= 0))
                    v.add("run " + i + " epoch " + k + " negative time or cost");
                layerValues(
                        v,
                        "run " + i + " epoch " + k + " mean |δ|",
                        e.meanAbsDelta(),
                        c.spec().layers());
                stats(v, "run " + i + " epoch " + k, e.stats(), c.spec());
            }
            stats(v, "run " + i + " initial", r.initial(), c.spec());
            if (r.trainRange() != null
                    && (r.trainRange().first() < 0 || r.trainRange().count() < 1))
                v.add("run " + i + " train range " + r.trainRange());
            double last = 0;
            for (ProbePoint p : r.probes()) {
                if (!(p.epochPosition() > last)
                        || p.epochPosition() > c.config().epochs())
                    v.add("run " + i + " probe at " + p.epochPosition() + " after " + last);
                last = p.epochPosition();
                if (p.total() < 1
                        || p.correct() < 0
                        || p.correct() > p.total()
                        || p.examplesSeen() < 0
                        || !(p.meanCost() >= 0)) v.add("run " + i + " probe " + p);
                layerValues(
                        v,
                        "run " + i + " probe |dC/dz|",
                        p.gradients().meanAbsDz(),
                        c.spec().layers());
                layerValues(
                        v,
                        "run " + i + " probe |dC/dw|",
                        p.gradients().meanAbsDw(),
                        c.spec().layers());
            }
        }
        if (!v.isEmpty()) return v;
        RunJson.SavedRun again;
        try {
            again = RunJson.read(RunJson.write(c, null, s.results()));
        } catch (SettingsFormatException | RuntimeException e) {
            v.add("written again, it is refused: " + e.getMessage());
            return v;
        }
        if (!again.comparison().spec().equals(c.spec())
                || !again.comparison().config().equals(c.config())
                || !again.comparison().runKeys().equals(keys)) {
            v.add("written again, it reads as another comparison");
        }
        if (!describe(again.results()).equals(describe(s.results()))) v.add("written again, it reads as other results");
        return v;
    }

    /** Per-layer values: none, or one per layer, each a number not negative (NaN: not measured). */
    private static void layerValues(List<String> v, String what, double[] values, int layers) {
        if (values.length != 0 && values.length != layers)
            v.add(what + ": " + values.length + " values for " + layers + " layers");
        for (double x : values) if (!(x >= 0) && !Double.isNaN(x) || Double.isInfinite(x)) v.add(what + ": " + x);
    }

    private static void stats(List<String> v, String what, NetworkStats s, NetworkSpec spec) {
        layerValues(v, what + " |dC/dz|", s.gradients().meanAbsDz(), spec.layers());
        layerValues(v, what + " |dC/dw|", s.gradients().meanAbsDw(), spec.layers());
        int hidden = spec.layers() - 1;
        if (!s.zHistograms().isEmpty() && s.zHistograms().size() != hidden)
            v.add(what + ": " + s.zHistograms().size() + " histograms for " + hidden + " hidden layers");
        if (s.saturatedShare().length != s.zHistograms().size())
            v.add(what + ": saturated shares do not match the histograms");
        for (double x : s.saturatedShare())
            if (!(x >= 0 && x <= 1) && !Double.isNaN(x)) v.add(what + " saturated share " + x);
        for (ZHistogram h : s.zHistograms()) {
            if (!(h.min() < h.max())
                    || h.counts().length < 1
                    || h.counts().length > ZHistogram.MAX_BINS
                    || h.underflow() < 0
                    || h.overflow() < 0) v.add(what + " " + h);
            for (int n : h.counts()) if (n < 0) v.add(what + " count " + n);
        }
        if (!(s.hiddenRowSpread() >= 0) && !Double.isNaN(s.hiddenRowSpread()) || Double.isInfinite(s.hiddenRowSpread()))
            v.add(what + " row spread " + s.hiddenRowSpread());
    }

    private static String describe(NetworkStats s) {
        return java.util.Arrays.toString(s.gradients().meanAbsDz())
                + java.util.Arrays.toString(s.gradients().meanAbsDw())
                + s.zHistograms()
                + java.util.Arrays.toString(s.saturatedShare())
                + s.hiddenRowSpread();
    }

    private static List<String> describe(List<RunResult> results) {
        List<String> d = new ArrayList<>();
        for (RunResult r : results) {
            d.add(r.run() + " " + r.status() + " " + r.message() + " " + r.wallSeconds() + " " + r.trainRange() + " "
                    + describe(r.initial()));
            for (ProbePoint p : r.probes())
                d.add(p.epochPosition() + " " + p.examplesSeen() + " " + p.meanCost() + " " + p.correct() + " "
                        + p.total() + " "
                        + java.util.Arrays.toString(p.gradients().meanAbsDz())
                        + java.util.Arrays.toString(p.gradients().meanAbsDw()));
            for (EpochResult e : r.epochs())
                d.add(e.epoch() + " " + e.correct() + " " + e.total() + " " + e.meanCost() + " " + e.trainSeconds()
                        + " " + e.evalMillis() + " " + java.util.Arrays.toString(e.meanAbsDelta()) + " "
                        + describe(e.stats()));
        }
        return d;
    }
}
