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

    /** The tab each part is on; the side panel's parts and the epoch scrubber are shown beside every tab. */
    public static final Map<String, String> TAB_OF = nodes(
            "accuracyChart", "training", "saturationChart", "training", "summaryTable", "training", "summaryText", "training",
            "zChartA", "z", "zChartB", "z", "zNumbersA", "z", "zNumbersB", "z", "derivationA", "z", "derivationB", "z",
            "saturationCurves", "saturation", "saturationNumbers", "saturation", "liveZChart", "saturation",
            "zLayersChart", "layers", "gradLayersChart", "layers", "gradientChart", "gradient", "rowSpreadChart", "gradient");

    private LessonTargets() {}

    public static LessonReader.Vocabulary vocabulary() {
        return new LessonReader.Vocabulary(Set.copyOf(TABS), NODES.keySet(), TAB_OF);
    }

    private static Map<String, String> nodes(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
