package org.initlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.initlab.settings.LabSettings;
import org.initlab.settings.Presets;
import org.junit.jupiter.api.Test;

/** The deep presets ({@link Presets#deep()}) and the sweep grids go together: one grid for each, none for the others. */
class PresetGridTest {
    @Test
    void everyDeepPresetHasOneGridAndEveryGridADeepPreset() {
        List<String> deep = Presets.deepIds();
        List<String> gridIds = PresetGrid.ALL.stream().map(PresetGrid::presetId).toList();
        assertEquals(gridIds.size(), Set.copyOf(gridIds).size(), "one grid per preset: " + gridIds);
        Set<String> withoutGrid = new LinkedHashSet<>(deep);
        withoutGrid.removeAll(gridIds);
        assertEquals(Set.of(), withoutGrid, "deep presets without a sweep grid");
        Set<String> withoutPreset = new LinkedHashSet<>(gridIds);
        withoutPreset.removeAll(deep);
        assertEquals(Set.of(), withoutPreset, "sweep grids of presets that are not deep");
        for (Presets.Preset p : Presets.all())
            assertEquals(p.deep(), PresetGrid.of(p.id()).isPresent(), p.id() + " has a grid iff it is deep");
    }

    @Test
    void theDeepPresetsAreTheOnesOnTheDeepRecipeInTheCataloguesOrder() {
        assertTrue(Presets.deep().size() >= 2, Presets.deepIds().toString());
        List<String> ordered =
                Presets.ids().stream().filter(Presets.deepIds()::contains).toList();
        assertEquals(ordered, Presets.deepIds());
        for (Presets.Preset p : Presets.all()) {
            LabSettings s = p.settings();
            boolean onRecipe = "1000".equals(s.values().get("batchesPerEpoch"))
                    && "64".equals(s.values().get("batch"))
                    && "softmax".equals(s.values().get("output"))
                    && List.of(s.values().get("hidden").split(",")).stream().allMatch("100"::equals);
            assertEquals(onRecipe, p.deep(), p.id());
        }
        assertFalse(Presets.deepIds().contains("deepRelu"), "5 layers at the reference's batches: not the recipe");
    }

    @Test
    void everyGridPlansItsPresetsSweep() {
        for (PresetGrid g : PresetGrid.ALL) {
            SweepPlan plan = g.plan();
            assertTrue(plan.runCount() >= 1, g.presetId());
            assertEquals(g.preset().settings().schemes().size(), plan.schemes().size(), g.presetId());
        }
    }

    @Test
    void aGridIsRefusedForAPresetThatIsNotDeep() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new PresetGrid("reference", "depth", "3", "", "", "1"));
        assertEquals("no deep preset reference", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PresetGrid("nope", "depth", "3", "", "", "1"));
    }
}
