package org.initlab.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.initlab.cli.SweepCommand;
import org.initlab.core.Activation;
import org.initlab.settings.LabSettings;
import org.initlab.settings.Presets;
import org.initlab.settings.SweepAxis;
import org.initlab.sweep.PresetGrid;
import org.initlab.sweep.SweepPlan;
import org.junit.jupiter.api.Test;

/** Choosing a deep preset in the Sweep tab gives the sweep {@code sweep --preset ID} runs: one grid, defined once. */
class SweepPresetGridTest {
    @Test
    void choosingAPresetFillsTheGridWithTheCommandsSweep() throws Exception {
        for (String id : Presets.deepIds()) {
            SweepViewModel vm = new SweepViewModel(() -> null, LabSettings::defaults);
            vm.usePreset(id);
            assertEquals("", vm.problemProperty().get(), id);
            SweepPlan tab = vm.plannedSweep();
            SweepPlan command =
                    SweepCommand.plan(new String[] {"sweep", "--preset", id}).sweep();
            assertEquals(command.definition(), tab.definition(), id);
            assertEquals(PresetGrid.of(id).orElseThrow().plan().id(), tab.id(), id);
        }
        SweepViewModel vm = new SweepViewModel(() -> null, LabSettings::defaults);
        vm.usePreset("edgeOfChaos");
        assertEquals("sigma-w2", vm.paramProperty().get());
        assertEquals("depth", vm.param2Property().get());
        assertEquals("lecun", vm.schemesProperty().get());
        assertEquals("1000", vm.batchesPerEpochProperty().get());
        SweepPlan p = vm.plannedSweep();
        assertEquals(List.of(SweepAxis.SIGMA_W2, SweepAxis.DEPTH), p.axes());
        assertEquals(Activation.TANH, p.base().activation());
        assertEquals(List.of(100, 300, 1000), p.evalSteps());
        assertEquals(35, p.runCount(), "7 σ_w² × 5 depths × one scheme × one seed");
        assertTrue(p.values().get(0).contains(1.75), "a column at the critical σ_w² (1.76 at σ_b² 0.05)");
    }
}
