package org.initlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.TestData;
import org.initlab.settings.SettingsFormatException;
import org.initlab.train.Comparison;
import org.initlab.train.RunControl;
import org.initlab.train.RunResult;
import org.initlab.train.StepPoint;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingListener;
import org.junit.jupiter.api.Test;

/** A run file keeps a run's step-level curve and reads it back; a file without one reads as before; a bad curve is refused by name. */
class RunFileStepsTest {
    @Test
    void theStepLevelCurveRoundTrips() throws Exception {
        Comparison c = new Comparison(
                NetworkSpec.reference(784, 12, 10),
                TrainingConfig.reference().withEpochs(1).withBatchesPerEpoch(40).withEvalSteps(List.of(5, 20)),
                List.of(InitScheme.of(InitCatalog.byId("lecun"))),
                List.of(3L),
                1);
        List<RunResult> results = c.run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        assertEquals(
                List.of(5, 20),
                results.get(0).steps().stream().map(StepPoint::step).toList());
        String written = RunJson.write(c, TestData.mnist(), results);
        assertTrue(written.contains("\"evalSteps\" : \"5,20\""), "the settings name the steps");
        RunJson.SavedRun saved = RunJson.read(written);
        assertEquals(results.get(0).steps(), saved.results().get(0).steps());
        assertEquals(List.of(5, 20), saved.comparison().config().evalSteps());

        ObjectMapper m = new ObjectMapper();
        ObjectNode root = (ObjectNode) m.readTree(written);
        ((ObjectNode) root.path("runs").get(0).path("steps").get(1)).put("step", 5);
        SettingsFormatException e =
                assertThrows(SettingsFormatException.class, () -> RunJson.read(m.writeValueAsString(root)));
        assertEquals("step points' \"step\" must rise, from 1", e.getMessage());
        ((ObjectNode) root.path("runs").get(0).path("steps").get(1))
                .put("step", 20)
                .put("trainCorrect", 10_001);
        e = assertThrows(SettingsFormatException.class, () -> RunJson.read(m.writeValueAsString(root)));
        assertEquals("a step point's correct / total is out of range", e.getMessage());
        ((ObjectNode) root.path("runs").get(0)).remove("steps");
        assertTrue(
                RunJson.read(m.writeValueAsString(root))
                        .results()
                        .get(0)
                        .steps()
                        .isEmpty(),
                "a file without steps reads with none");
    }

    @Test
    void aRunWithoutChosenStepsWritesNoStepsField() throws Exception {
        Comparison c = new Comparison(
                NetworkSpec.reference(784, 12, 10),
                TrainingConfig.reference().withEpochs(1).withBatchesPerEpoch(20),
                List.of(InitScheme.of(InitCatalog.byId("lecun"))),
                List.of(3L),
                1);
        String written =
                RunJson.write(c, TestData.mnist(), c.run(TestData.mnist(), TrainingListener.NONE, new RunControl()));
        assertFalse(new ObjectMapper().readTree(written).path("runs").get(0).has("steps"));
    }
}
