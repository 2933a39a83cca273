package org.initlab.ui.lessons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.initlab.lessons.LessonReader;

/**
 * The window's words for lessons: the tabs a step may show and the parts a pointer may point at, each with
 * the node id it finds. A lesson naming anything else is refused when it loads.
 */
public final class LessonTargets {
    /** Tab names: the part of the tab title's message key after "tab." ("tab.z" → "z"). */
    public static final List<String> TABS = List.of("training", "z", "saturation", "layers", "gradient");

    /** Pointer target → the node's id in the scene. */
    public static final Map<String, String> NODES = nodes(
            "accuracyChart", "accuracyChart", "saturationChart", "saturationChart", "summaryTable", "summaryTable", "summaryText", "summaryText",
            "runButton", "runButton", "schemes", "schemeBox", "epochScrubber", "epochScrubber",
            "zChartA", "zChartA", "zChartB", "zChartB", "zNumbersA", "zNumbersA", "zNumbersB", "zNumbersB", "derivationA", "derivationA",
            "derivationB", "derivationB",
            "saturationCurves", "saturationCurves", "saturationNumbers", "saturationNumbers", "liveZChart", "liveZChart",
            "zLayersChart", "zLayersChart", "gradLayersChart", "gradLayersChart", "gradientChart", "gradientChart",
            "field.hidden", "hiddenField", "field.eta", "etaField", "field.batch", "batchField", "field.epochs", "epochsField", "field.seed", "seedField",
            "field.inputs", "zInputsField", "field.ones", "zOnesField", "field.biasSigma", "zBiasField", "field.threshold", "zThresholdField");

    private LessonTargets() {}

    public static LessonReader.Vocabulary vocabulary() {
        return new LessonReader.Vocabulary(Set.copyOf(TABS), NODES.keySet());
    }

    private static Map<String, String> nodes(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
