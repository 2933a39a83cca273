package org.initlab.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.initlab.cli.SweepCommand;
import org.initlab.settings.LabSettings;
import org.initlab.sweep.SweepPlan;
import org.junit.jupiter.api.Test;

/** The Sweep tab's grid starts as the sweep command does without options: one definition of the defaults. */
class SweepGridDefaultsTest {
    @Test
    void theUntouchedGridIsTheCommandsDefaultSweep() throws Exception {
        SweepPlan tab = new SweepGridModel(LabSettings::defaults).check();
        SweepPlan command = SweepCommand.plan(new String[] {"sweep"}).sweep();
        assertEquals(command.definition(), tab.definition());
        assertEquals(command.id(), tab.id());
        assertEquals(2, tab.runCount(), "one cell (weight scale 1) × standard and lecun × seed 1");
    }
}
