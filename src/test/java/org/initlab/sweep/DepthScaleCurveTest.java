package org.initlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.core.init.BiasInit;
import org.initlab.theory.meanfield.MeanField;
import org.initlab.theory.meanfield.Phi;
import org.junit.jupiter.api.Test;

/** The 6 ξ_c curve over a depth × σ_w² map: on the theory's values, inside the plot, broken at the critical point, either orientation. */
class DepthScaleCurveTest {
    static SweepPlan plan(String param, String values, String param2, String values2, String bias) {
        Map<String, String> sweep = new LinkedHashMap<>();
        sweep.put("param", param);
        sweep.put("values", values);
        sweep.put("param2", param2);
        sweep.put("values2", values2);
        return SweepPlan.parse(
                sweep, Map.of("seeds", "1", "epochs", "1", "activation", "tanh", "bias", bias), List.of("lecun"));
    }

    @Test
    void theCurveIsSixXiCInGridCoordinatesClippedToThePlotAndBrokenAtTheCriticalPoint() {
        // σ_b² = 0.05 (bias N(0, √0.05)): tanh's critical σ_w² is 1.761, between the 2nd and 3rd columns.
        List<Double> ws = List.of(0.5, 1.0, 2.0, 3.0);
        List<Double> ds = List.of(1.0, 5.0, 10.0, 20.0, 60.0);
        SweepPlan p = plan("sigma-w2", "0.5,1,2,3", "depth", "1,5,10,20,60", "normal:" + Math.sqrt(0.05));
        assertTrue(DepthScaleCurve.applies(p));
        DepthScaleCurve.Curve c = DepthScaleCurve.compute(p, () -> false).orElseThrow();
        assertEquals(0.05, c.sigmaB2(), 1e-12);
        assertEquals(Phi.TANH, c.phi());
        double critPos = DepthScaleCurve.inverse(ws, c.criticalSigmaW2());
        assertEquals(1 + (1.76095464 - 1.0) / 1.0, critPos, 1e-6);
        // Two pieces: rising to the top edge left of the critical point, coming back down right of it.
        assertEquals(
                2,
                c.pieces().size(),
                () -> c.pieces().stream()
                        .map(q -> q.size() + " points")
                        .toList()
                        .toString());
        List<double[]> left = c.pieces().get(0), right = c.pieces().get(1);
        assertEquals(4, left.get(left.size() - 1)[1], 1e-12, "the left piece ends on the top edge");
        assertEquals(4, right.get(0)[1], 1e-12, "the right piece starts on the top edge");
        assertTrue(left.get(left.size() - 1)[0] < critPos && right.get(0)[0] > critPos);
        int checked = 0;
        for (List<double[]> piece : c.pieces()) {
            for (int k = 0; k < piece.size(); k++) {
                double[] pt = piece.get(k);
                assertTrue(pt[0] >= 0 && pt[0] <= 3 && pt[1] >= 0 && pt[1] <= 4, pt[0] + ", " + pt[1]);
                if (pt[1] == 4 || pt[1] == 0) continue; // an edge point, found by bisection
                double w = DepthScaleCurve.interpolate(ws, pt[0]);
                double depth = DepthScaleCurve.interpolate(ds, pt[1]);
                double want = 6 * new MeanField(Phi.TANH, w, 0.05).correlation().depthScale();
                assertEquals(want, depth, 1e-9 * want, "at σ_w² " + w);
                checked++;
            }
        }
        assertTrue(checked >= 12, "points checked: " + checked);
        // A known value: σ_w² = 1 (column 1), ξ_c = 3.63, so 6 ξ_c = 21.8 layers: between rows 3 (20) and 4 (60).
        double[] at1 = left.stream()
                .filter(pt -> Math.abs(pt[0] - 1) < 1e-9)
                .findFirst()
                .orElseThrow();
        assertEquals(3 + (6 * 3.6305 - 20) / 40, at1[1], 1e-3);
        // Depth on the columns and σ_w² on the rows: the same curve, transposed.
        DepthScaleCurve.Curve t = DepthScaleCurve.compute(
                        plan("depth", "1,5,10,20,60", "sigma-w2", "0.5,1,2,3", "normal:" + Math.sqrt(0.05)),
                        () -> false)
                .orElseThrow();
        assertEquals(c.pieces().size(), t.pieces().size());
        for (int k = 0; k < c.pieces().size(); k++) {
            for (int i = 0; i < c.pieces().get(k).size(); i++) {
                assertEquals(c.pieces().get(k).get(i)[0], t.pieces().get(k).get(i)[1], 1e-12);
                assertEquals(c.pieces().get(k).get(i)[1], t.pieces().get(k).get(i)[0], 1e-12);
            }
        }
    }

    @Test
    void theCurveIsOnlyForDepthBySigmaW2WithRandomBiasesAndOrderedValues() {
        assertFalse(DepthScaleCurve.applies(plan("weight-scale", "0.5,1", "depth", "1,2", "normal")));
        assertFalse(DepthScaleCurve.applies(plan("sigma-w2", "0.5,1", "sigma-b2", "0,1", "normal")));
        assertFalse(DepthScaleCurve.applies(plan("sigma-w2", "0.5,1", "depth", "1,2", "constant:0.1")));
        assertFalse(
                DepthScaleCurve.applies(plan("sigma-w2", "0.5,2,1", "depth", "1,2", "normal")), "σ_w² not in order");
        assertFalse(DepthScaleCurve.applies(plan("sigma-w2", "1", "depth", "1,2", "normal")), "one column");
        assertTrue(
                DepthScaleCurve.applies(plan("sigma-w2", "3,2,1", "depth", "8,4,2", "zeros")),
                "falling values are in order too");
        assertEquals(0, DepthScaleCurve.sigmaB2(BiasInit.ZEROS));
        assertEquals(1, DepthScaleCurve.sigmaB2(BiasInit.STANDARD_NORMAL));
        assertEquals(0.25, DepthScaleCurve.sigmaB2(BiasInit.normal(0.5)), 1e-15);
    }
}
