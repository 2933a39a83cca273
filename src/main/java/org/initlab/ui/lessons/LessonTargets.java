package org.initlab.ui.lessons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.initlab.lessons.LessonReader;
import org.initlab.lessons.Placeholders;
import org.initlab.ui.base.LessonTarget;

/**
 * The window's words for lessons: the tabs a step may show and the parts a pointer may point at. Each view
 * registers its parts where it builds them ({@link LessonTarget#mark}); the reader checks a lesson when it
 * loads, before the tabs are built, so the same targets are listed here by tab, and LessonVocabularyTest fails
 * when this list and the views' registrations differ. A lesson naming anything else is refused.
 */
public final class LessonTargets {
    /** Tab names: the part of the tab title's message key after "tab." ("tab.z" → "z"). */
    public static final List<String> TABS =
            List.of("training", "z", "saturation", "layers", "gradient", "depth", "sweep");

    /** Tab → the targets its view registers; {@link LessonTarget#EVERY_TAB} for the side panel and the epoch scrubber. */
    public static final Map<String, List<String>> BY_TAB = byTab(
            "training",
            List.of("accuracyChart", "saturationChart", "summaryTable", "summaryText"),
            "z",
            List.of("zChartA", "zChartB", "zNumbersA", "zNumbersB", "derivationA", "derivationB"),
            "saturation",
            List.of("saturationCurves", "saturationNumbers", "liveZChart"),
            "layers",
            List.of("zLayersChart", "gradLayersChart"),
            "gradient",
            List.of("gradientChart"),
            "depth",
            List.of(
                    "depthPresetChoice",
                    "depthTrainPreset",
                    "depthComparisonCurves",
                    "depthComparisonSpectra",
                    "depthComparisonNumbers"),
            "sweep",
            List.of("sweepPreset", "sweepRun", "sweepHeatMap", "sweepTime", "sweepAgreement"),
            LessonTarget.EVERY_TAB,
            List.of(
                    "runButton",
                    "schemes",
                    "epochScrubber",
                    "field.hidden",
                    "field.eta",
                    "field.batch",
                    "field.epochs",
                    "field.seed",
                    "field.inputs",
                    "field.ones",
                    "field.biasSigma",
                    "field.threshold"));

    /** Every target → its tab (EVERY_TAB for those beside every tab). */
    public static final Map<String, String> TAB_OF = tabOf();

    private LessonTargets() {}

    /** The reader's vocabulary: these tabs and targets, and the live numbers {@code numbers}. */
    public static LessonReader.Vocabulary vocabulary(Placeholders.Names numbers) {
        Map<String, String> onATab = new LinkedHashMap<>(TAB_OF);
        onATab.values().removeIf(LessonTarget.EVERY_TAB::equals); // the reader checks only targets that need a tab
        return new LessonReader.Vocabulary(Set.copyOf(TABS), TAB_OF.keySet(), Map.copyOf(onATab), numbers);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> byTab(Object... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (List<String>) pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, String> tabOf() {
        Map<String, String> m = new LinkedHashMap<>();
        BY_TAB.forEach((tab, targets) -> targets.forEach(t -> m.put(t, tab)));
        return java.util.Collections.unmodifiableMap(m);
    }
}
