package org.initlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.theory.meanfield.MeanField;
import org.initlab.theory.meanfield.Phi;
import org.junit.jupiter.api.Test;

/** A finished depth × σ_w² map's numbers for lessons: agreement, cells trained and the deepest trained depth per column, at each time. */
class MapNumbersTest {
    @Test
    void theMapsNumbersAtTheFirstStepAndAtTheEnd() {
        Map<String, String> axes = new LinkedHashMap<>(
                Map.of("param", "sigma-w2", "values", "1,1.75,4", "param2", "depth", "values2", "10,40"));
        SweepPlan p = SweepPlan.parse(
                axes,
                Map.of(
                        "seeds",
                        "1",
                        "activation",
                        "tanh",
                        "bias",
                        "normal:0.2236068",
                        "evalSteps",
                        "100",
                        "batchesPerEpoch",
                        "200",
                        "epochs",
                        "1"),
                List.of("lecun"));
        // Cells in plan order (σ_w², depth): (1, 10), (1, 40), (1.75, 10), (1.75, 40), (4, 10), (4, 40); accuracy
        // (‱) after step 100 and at the end.
        int[][] at = {{8000, 9400}, {1000, 2100}, {8800, 9500}, {3000, 9000}, {8400, 9400}, {1000, 1000}};
        List<SweepResult> results = new ArrayList<>();
        for (SweepRun r : p.runs()) {
            int[] c = at[r.cell()];
            results.add(new SweepResult(
                    r,
                    new int[] {c[1]},
                    10000,
                    new double[] {1},
                    null,
                    new SweepResult.StepAccuracy(new int[] {100}, new int[] {c[0]}, new int[] {c[0]}, 10000)));
        }
        MapNumbers m = MapNumbers.of(p, results).orElseThrow();
        assertEquals(1, m.end());
        assertEquals(6, m.cells());
        assertEquals(100, m.firstStep());
        assertEquals(MeanField.criticalSigmaW2(Phi.TANH, 0.05), m.criticalSigmaW2(), 1e-6, "σ_b² = 0.2236068²");
        assertEquals(1.761, m.criticalSigmaW2(), 1e-3);
        assertEquals(1, m.criticalColumn(), "1.75 is the column nearest 1.761");
        assertEquals(2, m.lastColumn());
        // 6 ξ_c: 21.8 at σ_w² 1, 41.9 at 4, so depth 40 is trainable in theory at 1.75 and 4 only.
        assertEquals(21.8, m.trainableDepth(0), 0.1);
        assertEquals(41.9, m.trainableDepth(2), 0.1);
        assertEquals(3, m.trained(0), "the three depth-10 cells after step 100");
        assertEquals(4, m.trained(1), "and (1.75, 40) at the end");
        // After step 100 (1.75, 40) and (4, 40) disagree; at the end only (4, 40).
        assertEquals(100 * 4 / 6.0, m.agreementPercent(0), 1e-9);
        assertEquals(100 * 5 / 6.0, m.agreementPercent(1), 1e-9);
        assertEquals(10, m.deepestTrained(0, 1));
        assertEquals(40, m.deepestTrained(1, 1));
        assertEquals(10, m.deepestTrained(1, 0));
        assertEquals(10, m.deepestTrained(2, 1));
        assertTrue(m.complete());
        assertFalse(MapNumbers.of(p, results.subList(0, 5)).orElseThrow().complete());
        assertTrue(MapNumbers.of(
                        SweepPlan.parse(Map.of("param", "depth", "values", "1,2"), Map.of(), List.of("lecun")),
                        List.of())
                .isEmpty());
    }
}
