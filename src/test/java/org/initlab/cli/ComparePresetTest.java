package org.initlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.initlab.train.Comparison;
import org.initlab.train.RunKey;
import org.junit.jupiter.api.Test;

/** compare --preset starts from a preset's settings and schemes; options after it change them. */
class ComparePresetTest {
    private static Comparison plan(String line) throws UsageException {
        return CompareCommand.plan(("compare " + line).trim().split(" +")).comparison();
    }

    private static List<String> runs(Comparison c) {
        return c.runKeys().stream().map(RunKey::label).toList();
    }

    @Test
    void aPresetIsTheComparisonOfItsSettings() throws Exception {
        Comparison preset = plan("--preset he30");
        String thirty = String.join(",", Collections.nCopies(30, "100"));
        Comparison spelled = plan("--hidden " + thirty + " --activation relu --bias zeros --output softmax"
                + " --loss cross-entropy --eta 0.05 --batch 64 --batches-per-epoch 1000 --epochs 1"
                + " --eval-steps 100,300,1000 --schemes xavier,he --seeds 1");
        assertEquals(spelled.spec().toString(), preset.spec().toString());
        assertEquals(31, preset.spec().layers(), "30 hidden layers and the output: 31 weight matrices");
        assertEquals(spelled.config(), preset.config());
        assertEquals(List.of(100, 300, 1000), preset.config().evalSteps());
        assertEquals(runs(spelled), runs(preset));
        assertEquals(
                List.of("xavier", "he"),
                preset.schemes().stream().map(s -> s.weights().id()).toList());
    }

    @Test
    void laterOptionsOverrideThePreset() throws Exception {
        Comparison c = plan("--preset edgeOfChaos --eta 0.01 --hidden 100,100 --schemes xavier --seeds 3,4");
        assertEquals("784-100-100-10 tanh/softmax cross-entropy", c.spec().toString());
        assertEquals(0.01, c.config().eta());
        assertEquals(64, c.config().batchSize(), "the preset's batch stays");
        assertEquals(List.of(3L, 4L), c.seeds());
        assertEquals(
                List.of("xavier"),
                c.schemes().stream().map(s -> s.weights().id()).toList());
        // The six-schemes preset's 5 seeds per scheme come from its settings, not from an option.
        assertEquals(30, plan("--preset six").runKeys().size());
        assertEquals(6, plan("--preset six --seeds 1").runKeys().size());
    }

    @Test
    void anUnknownPresetIsOneLineListingTheIds() {
        UsageException e = assertThrows(UsageException.class, () -> plan("--preset nope"));
        assertTrue(
                e.getMessage().startsWith("--preset: unknown preset 'nope'; known: reference, zeros, "),
                e.getMessage());
        assertTrue(e.getMessage().contains("edgeOfChaos") && e.getMessage().contains("he30"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        UsageException bad = assertThrows(UsageException.class, () -> plan("--preset he30 --eta -1"));
        assertTrue(bad.getMessage().startsWith("--eta: -1 is outside"), bad.getMessage());
    }
}
