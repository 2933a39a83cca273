package org.initlab.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initlab.settings.LabSettings;
import org.initlab.sweep.SweepPlan;
import org.initlab.sweep.SweepResult;
import org.initlab.sweep.SweepRun;
import org.junit.jupiter.api.Test;

/** The pieces SweepViewModel is composed of, without a window: the grid's check, the heat map as data, cells done. */
class SweepResultsTest {
    @Test
    void theGridNamesItsProblemAndClearsItWhenFixed() {
        SweepGridModel grid = new SweepGridModel(LabSettings::defaults);
        grid.valuesProperty().set("not a number");
        assertNull(grid.check());
        assertFalse(grid.problemProperty().get().isEmpty());
        grid.valuesProperty().set("0.1,1");
        assertNotNull(grid.check());
        assertEquals("", grid.problemProperty().get());
    }

    @Test
    void aTwoParameterGridFillsTheHeatMapCellByCellAndCountsCellsDone() {
        SweepGridModel grid = new SweepGridModel(LabSettings::defaults);
        grid.valuesProperty().set("0.1,1");
        grid.param2Property().set("depth");
        grid.values2Property().set("1,2");
        grid.seedsProperty().set("1,2");
        grid.schemesProperty().set("lecun");
        SweepPlan p = grid.check();
        assertNotNull(p, grid.problemProperty().get());
        SweepResults results = new SweepResults();
        SweepProgress progress = new SweepProgress();
        results.reset(p, SweepTheory.choice(p));
        progress.reset(p);
        results.redraw();
        SweepViewModel.HeatMap empty = results.heatMapProperty().get();
        assertEquals(2, empty.value().length);
        assertTrue(Double.isNaN(empty.value()[0][0]));

        SweepRun first = p.runs().get(0), second = p.runs().get(1);
        results.put(new SweepResult(first, new int[] {40}, 100, new double[] {1}, null), null);
        progress.runIn(first.cell());
        assertEquals(0, progress.cellsDoneProperty().get());
        results.put(new SweepResult(second, new int[] {60}, 100, new double[] {1}, "diverged"), null);
        progress.runIn(second.cell());
        progress.update(results.size());
        results.redraw();
        assertEquals(1, progress.cellsDoneProperty().get());
        assertEquals(2.0 / p.runCount(), progress.progressProperty().get(), 1e-12);
        SweepViewModel.HeatMap map = results.heatMapProperty().get();
        assertEquals(50.0, map.value()[0][0], 1e-9);
        assertTrue(map.diverged()[0][0]);
        assertTrue(Double.isNaN(map.value()[1][0]));
    }
}
