package org.initlab.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.initlab.settings.LabParameters;
import org.initlab.settings.Presets;

/**
 * The grid a deep preset ({@link Presets#deep()}) is swept over: its axes and seeds, defined once for {@code sweep
 * --preset ID} without {@code --param} and for the Sweep tab's preset choice. The preset's settings are the rest of the
 * sweep. The edge-of-chaos grid finishes in a few minutes on two threads and shows the trainable V around the
 * critical σ_w² (1.76 at σ_b² 0.05; docs/depth-theory.md).
 */
public record PresetGrid(String presetId, String param, String values, String param2, String values2, String seeds) {
    /** One grid per deep preset, none for the others (a test checks both ways); the presets' order is theirs. */
    public static final List<PresetGrid> ALL = List.of(
            new PresetGrid("edgeOfChaos", "sigma-w2", "1,1.5,1.75,2,2.5,3,4", "depth", "10,20,30,40,50", "1"),
            new PresetGrid("isometry", "sigma-w2", "1.05", "depth", "100", "1"),
            new PresetGrid("isometryRelu", "depth", "100", "", "", "1"),
            new PresetGrid("he30", "depth", "30", "", "", "1"));

    public PresetGrid {
        if (Presets.byId(presetId).filter(Presets.Preset::deep).isEmpty())
            throw new IllegalArgumentException("no deep preset " + presetId);
    }

    /** The grid of a preset, empty for one that is not swept (the reference experiment's presets). */
    public static Optional<PresetGrid> of(String presetId) {
        return ALL.stream().filter(g -> g.presetId().equals(presetId)).findFirst();
    }

    /** The sweep's own options ({@link SweepPlan#PARAM} …), as {@link SweepPlan#parse} reads them. */
    public Map<String, String> axes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SweepPlan.PARAM, param);
        m.put(SweepPlan.VALUES, values);
        if (!param2.isEmpty()) {
            m.put(SweepPlan.PARAM2, param2);
            m.put(SweepPlan.VALUES2, values2);
        }
        return m;
    }

    /** The preset's settings with the grid's seeds: the settings texts {@link SweepPlan#parse} reads. */
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>(preset().settings().values());
        m.remove(LabParameters.SEED.id());
        m.remove(LabParameters.SEEDS_PER_SCHEME.id());
        m.put(LabParameters.SEEDS.id(), seeds);
        return m;
    }

    public Presets.Preset preset() {
        return Presets.byId(presetId).orElseThrow();
    }

    /** The whole sweep, as {@code sweep --preset ID} runs it. */
    public SweepPlan plan() {
        return SweepPlan.parse(axes(), settings(), preset().settings().schemes());
    }
}
