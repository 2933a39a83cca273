package org.initlab.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.sweep.SweepPlan;
import org.initlab.sweep.SweepResult;
import org.initlab.sweep.SweepRun;
import org.junit.jupiter.api.Test;

/** The Sweep tab's scrubber as data: the map at each chosen step and at the end, and its agreement with depth < 6 ξ_c at that time. */
class SweepTimeTest {
    @Test
    void theMapAndItsAgreementFollowTheTimeShown() {
        Map<String, String> sweep = new LinkedHashMap<>(
                Map.of("param", "sigma-w2", "values", "1,1.5", "param2", "depth", "values2", "10,30"));
        SweepPlan p = SweepPlan.parse(
                sweep,
                Map.of(
                        "seeds",
                        "1",
                        "activation",
                        "tanh",
                        "bias",
                        "normal:0.2236068",
                        "evalSteps",
                        "100,300",
                        "batchesPerEpoch",
                        "300",
                        "epochs",
                        "1"),
                List.of("lecun"));
        SweepResults results = new SweepResults();
        results.reset(p, SweepTheory.choice(p));
        results.redraw();
        assertTrue(
                results.agreementProperty().get().startsWith("Theory: the share of cells"),
                "no agreement before the theory is in: "
                        + results.agreementProperty().get());
        results.setTrainable(org.initlab.sweep.DepthAgreement.trainableDepths(p)); // as the theory's thread hands it
        assertEquals(2, results.timesProperty().get());
        assertEquals(2, results.timeProperty().get(), "the end of training first");
        // Cells (σ_w², depth) in order (1, 10), (1, 30), (1.5, 10), (1.5, 30): accuracy after step 100, after 300, at
        // the end.
        int[][] at = {{3000, 8000, 8000}, {1100, 1100, 1100}, {2000, 9000, 9000}, {1000, 4000, 6000}};
        for (SweepRun r : p.runs()) {
            int[] c = at[r.cell()];
            results.put(
                    new SweepResult(
                            r,
                            new int[] {c[2]},
                            10000,
                            new double[] {1},
                            null,
                            new SweepResult.StepAccuracy(
                                    new int[] {100, 300}, new int[] {c[0], c[1]}, new int[] {c[0], c[1]}, 10000)),
                    null);
        }
        results.redraw();
        // The map's rows are depths, its columns σ_w².
        assertEquals(60.0, results.heatMapProperty().get().value()[1][1], 1e-9, "σ_w² 1.5, depth 30 at the end");
        assertTrue(
                results.agreementProperty().get().startsWith("Theory: 4 of 4 cells (100%) agree"),
                results.agreementProperty().get());
        assertEquals("at the end of training", results.timeLabelProperty().get());
        assertTrue(
                results.heatTitleProperty().get().startsWith("Final accuracy (mean over seeds)"),
                results.heatTitleProperty().get());
        results.showTime(0);
        assertEquals("after step 100", results.timeLabelProperty().get());
        assertTrue(
                results.heatTitleProperty().get().startsWith("Accuracy after step 100 (mean over seeds)"),
                results.heatTitleProperty().get());
        assertTrue(results.curveTitleProperty().get().startsWith("Accuracy after step 100 "));
        assertEquals(30.0, results.heatMapProperty().get().value()[0][0], 1e-9, "σ_w² 1, depth 10 after step 100");
        assertTrue(
                results.agreementProperty().get().startsWith("Theory: 1 of 4 cells (25%) agree"),
                results.agreementProperty().get());
        results.showTime(1);
        assertEquals(40.0, results.heatMapProperty().get().value()[1][1], 1e-9);
        assertTrue(
                results.agreementProperty().get().startsWith("Theory: 3 of 4 cells (75%) agree"),
                results.agreementProperty().get());
        assertTrue(results.heatTitleProperty().get().startsWith("Accuracy after step 300 "));
        results.showTime(9);
        assertEquals(2, results.timeProperty().get(), "past the end is the end");
    }
}
