package org.initlab.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.initlab.core.NetworkSpec;
import org.initlab.train.Comparison;
import org.initlab.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class ExperimentSettingsTest {
    @Test
    void defaultsGiveTheReferenceComparison() {
        ExperimentSettings s =
                ExperimentSettings.parse(Map.of(), List.of("standard", "lecun")).orThrow();
        Comparison c = s.comparison(784, 10, 2);
        assertEquals("784-30-10 sigmoid/sigmoid quadratic", c.spec().toString());
        assertEquals(TrainingConfig.reference(), c.config());
        assertEquals(3.0, c.config().eta());
        assertEquals(10, c.config().batchSize());
        assertEquals(5000, c.config().batchesPerEpoch());
        assertEquals(30, c.config().epochs());
        assertEquals(
                List.of("standard", "lecun"),
                c.schemes().stream().map(x -> x.id()).toList());
        assertEquals(List.of(1L), c.seeds());
        assertEquals(2, c.threads());
        assertEquals(94.0, s.target());
        // The settings file's defaults are the same experiment.
        assertEquals(
                s,
                ExperimentSettings.parse(
                                LabSettings.defaults().values(),
                                LabSettings.defaults().schemes())
                        .orThrow());
    }

    @Test
    void seedsRunFromTheSeedAndTheListWins() {
        assertEquals(
                List.of(7L, 8L, 9L),
                ExperimentSettings.parse(Map.of("seed", "7", "seedsPerScheme", "3"), List.of("lecun"))
                        .orThrow()
                        .seeds());
        assertEquals(
                List.of(4L, 2L),
                ExperimentSettings.parse(Map.of("seeds", "4,2"), List.of("lecun"))
                        .orThrow()
                        .seeds());
        ExperimentSettings.Result r = ExperimentSettings.parse(
                Map.of("seed", Long.toString(Long.MAX_VALUE), "seedsPerScheme", "2"), List.of("lecun"));
        assertEquals(Problem.Reason.OUT_OF_RANGE, r.problems().get(0).reason());
        assertEquals("seed", r.problems().get(0).id());
    }

    @Test
    void everyProblemIsListedAcrossSettingsToo() {
        ExperimentSettings.Result r = ExperimentSettings.parse(
                Map.of("epochs", "0", "eta", "x", "output", "softmax", "hidden", "100000,100000"), List.of("glorot"));
        assertFalse(r.ok());
        assertEquals(
                List.of(
                        Problem.Reason.NOT_NUMBER,
                        Problem.Reason.OUT_OF_RANGE,
                        Problem.Reason.UNKNOWN_SCHEME,
                        Problem.Reason.SOFTMAX_NEEDS_CROSS_ENTROPY,
                        Problem.Reason.TOO_LARGE),
                r.problems().stream().map(Problem::reason).toList());
        Problem budget = r.problems().get(4);
        int[] sizes = {784, 100_000, 100_000, 10};
        assertEquals(NetworkSpec.tooLargeMessage(sizes), budget.message());
        assertTrue(
                budget.message()
                        .contains(
                                "10,079,600,010 parameters (about 120,955 MB of memory per run); the limit is 50,000,000"),
                budget.message());
        assertArrayEquals(
                new String[] {"10,079,600,010", "120,955", "50,000,000"}, budget.messageArgs("Hidden layers", ""));
        assertEquals("v.tooLarge", budget.messageKey());
        assertEquals(
                Problem.Reason.NO_SCHEME,
                ExperimentSettings.parse(Map.of(), List.of()).problems().get(0).reason());
        assertEquals(
                Problem.Reason.DUPLICATE,
                ExperimentSettings.parse(Map.of(), List.of("lecun", "lecun"))
                        .problems()
                        .get(0)
                        .reason());
        assertEquals(
                "unknown setting \"colour\"",
                ExperimentSettings.parse(Map.of("colour", "red"), List.of("lecun"))
                        .problems()
                        .get(0)
                        .message());
    }

    @Test
    void aProblemCarriesWhatTheWindowTranslates() {
        Problem p = LabParameters.EPOCHS.parse(" 20000 ").problem();
        assertEquals("nf.outOfRange", p.messageKey());
        assertEquals("nf.rangeWhole", p.bounds().rangeKey());
        assertArrayEquals(new String[] {"1", "10,000"}, p.bounds().rangeArgs());
        assertArrayEquals(
                new String[] {"Epochs", "20000", "a whole number from 1 to 10,000"},
                p.messageArgs("Epochs", "a whole number from 1 to 10,000"));
        assertEquals("20000 is outside the allowed range 1 to 10000", p.message());
        assertEquals("epochs: 20000 is outside the allowed range 1 to 10000", p.named());
        Problem open = LabParameters.ETA.parse("0").problem();
        assertEquals("nf.rangeOpen", open.bounds().rangeKey());
        assertEquals(
                "ll.tooMany",
                LabParameters.HIDDEN
                        .parse(String.join(",", java.util.Collections.nCopies(NetworkSpec.MAX_HIDDEN_LAYERS + 1, "1")))
                        .problem()
                        .messageKey());
        assertEquals(
                Problem.Reason.EMPTY, LabParameters.ETA.parse("  ").problem().reason());
        assertTrue(LabParameters.BIAS.parse("constant:0.5").ok(), "any BiasInit rule");
    }

    @Test
    void textsReadBackToTheSameSettings() {
        ExperimentSettings s = ExperimentSettings.parse(
                        Map.of(
                                "hidden",
                                "100,50",
                                "bias",
                                "normal:0.5",
                                "seeds",
                                "3,9",
                                "engine",
                                "nd4j",
                                "lambda",
                                "5"),
                        List.of("xavier", "custom:0.25"))
                .orThrow();
        ExperimentSettings again =
                ExperimentSettings.parse(s.texts(), s.schemeIds()).orThrow();
        assertEquals(s.texts(), again.texts());
        assertEquals(s.schemeIds(), again.schemeIds());
        assertEquals(
                s.comparison(784, 10, 1).runKeys(),
                ExperimentSettings.of(s.comparison(784, 10, 1))
                        .comparison(784, 10, 1)
                        .runKeys());
    }
}
