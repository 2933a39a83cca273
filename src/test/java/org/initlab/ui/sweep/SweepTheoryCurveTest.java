package org.initlab.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.initlab.settings.LabSettings;
import org.initlab.sweep.DepthScaleCurve;
import org.initlab.theory.meanfield.Phi;
import org.initlab.ui.chart.PlotLine;
import org.junit.jupiter.api.Test;

/** The view-model hands the theory's curve to the view as plain data: one PlotLine per visible piece, in grid coordinates. */
class SweepTheoryCurveTest {
    @Test
    void eachPieceBecomesAPlotLineWithTheSamePointsAndALegend() {
        SweepViewModel vm = new SweepViewModel(() -> null, LabSettings::defaults);
        var curve = new DepthScaleCurve.Curve(
                List.of(
                        List.of(new double[] {-0.5, 0.2}, new double[] {1.2, 4.5}),
                        List.of(new double[] {2.1, 4.5}, new double[] {3.5, 3.0})),
                Phi.TANH,
                0.05000000000000001,
                1.76);
        vm.showTheory(curve);
        List<PlotLine> lines = vm.theoryCurve();
        assertEquals(2, lines.size());
        assertEquals(1.2, lines.get(0).points().get(1).x());
        assertEquals(4.5, lines.get(0).points().get(1).y());
        assertEquals(3.0, lines.get(1).points().get(1).y());
        assertTrue(
                vm.theoryLabelProperty().get().startsWith("6 ξ_c, tanh, σ_b² = 0.05 "),
                vm.theoryLabelProperty().get());
    }
}
