package org.initlab.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.RunControl;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingListener;
import org.junit.jupiter.api.Test;

/**
 * 10,000 mutations of a real saved run: each is refused with the reader's own error and a message, or
 * accepted as a run that holds every invariant a valid run holds (and reads back the same once written again).
 */
class RunJsonFuzzTest {
    @Test
    void mutatedRunFilesGiveAValidRunOrTheReadersOwnError() throws InterruptedException {
        Comparison c = new Comparison(NetworkSpec.reference(784, 30, 10), TrainingConfig.reference().withEpochs(2).withBatchesPerEpoch(50),
                List.of(InitScheme.of(InitCatalog.byId("standard")), InitScheme.of(InitCatalog.byId("lecun"))), List.of(1L), 2);
        List<RunResult> results = c.run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        String valid = RunJson.write(c, TestData.mnist(), results);
        assertEquals(List.of(), violations(read(valid)), "the unmutated file");
        SplittableRandom rng = new SplittableRandom(11);
        int accepted = 0, refused = 0;
        for (int i = 0; i < 10_000; i++) {
            String mutated = org.initlab.testutil.TextMutator.mutate(valid, rng, 3);
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
        Comparison c = new Comparison(NetworkSpec.reference(784, 30, 10), TrainingConfig.reference().withEpochs(1).withBatchesPerEpoch(10),
                List.of(InitScheme.of(InitCatalog.byId("lecun"))), List.of(1L), 1);
        RunKey key = c.runKeys().get(0);
        EpochResult e0 = new EpochResult(key, 0, 11, 10, 0.1, 0.1, 1, List.of(), new double[0]);
        EpochResult e1 = new EpochResult(key, 5, 1, 10, 0.1, -1, 1, List.of(), new double[0]);
        RunResult r = new RunResult(key, org.initlab.train.RunStatus.COMPLETED, List.of(e0, e1), "", 1);
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
            if (!r.run().scheme().id().equals(keys.get(i).scheme().id()) || r.run().seed() != keys.get(i).seed()) v.add("run " + i + " is not " + keys.get(i).label());
            if (r.epochs().size() > c.config().epochs()) v.add("run " + i + " has " + r.epochs().size() + " epochs of " + c.config().epochs());
            if (!(r.wallSeconds() >= 0)) v.add("run " + i + " wall time " + r.wallSeconds());
            for (int k = 0; k < r.epochs().size(); k++) {
                EpochResult e = r.epochs().get(k);
                if (e.epoch() != k) v.add("run " + i + " epoch " + k + " numbered " + e.epoch());
                if (e.total() < 1 || e.correct() < 0 || e.correct() > e.total()) v.add("run " + i + " correct " + e.correct() + " / " + e.total());
                if (!(e.trainSeconds() >= 0) || !(e.evalMillis() >= 0) || !(e.meanCost() >= 0)) v.add("run " + i + " epoch " + k + " negative time or cost");
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
        if (!again.comparison().spec().equals(c.spec()) || !again.comparison().config().equals(c.config()) || !again.comparison().runKeys().equals(keys)) {
            v.add("written again, it reads as another comparison");
        }
        if (!describe(again.results()).equals(describe(s.results()))) v.add("written again, it reads as other results");
        return v;
    }

    private static List<String> describe(List<RunResult> results) {
        List<String> d = new ArrayList<>();
        for (RunResult r : results) {
            d.add(r.run() + " " + r.status() + " " + r.message() + " " + r.wallSeconds());
            for (EpochResult e : r.epochs()) d.add(e.epoch() + " " + e.correct() + " " + e.total() + " " + e.meanCost() + " " + e.trainSeconds() + " " + e.evalMillis());
        }
        return d;
    }
}
