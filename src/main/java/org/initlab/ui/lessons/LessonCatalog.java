package org.initlab.ui.lessons;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.initlab.lessons.Lesson;
import org.initlab.lessons.LessonReader;
import org.initlab.lessons.Placeholders;

/** The lessons shipped in the resources ({@code /org/initlab/lessons/}), in teaching order. */
public final class LessonCatalog {
    public static final List<String> BUILT_IN = List.of(
            "01-one-neuron",
            "02-sigma-prime",
            "03-the-race",
            "04-slow-learning",
            "05-learned-saturation",
            "06-zero-init",
            "07-deep-networks",
            "08-cross-entropy",
            "09-edge-of-chaos",
            "10-isometry");

    private LessonCatalog() {}

    /** A reader of lessons for this window: its tabs and targets, and the live numbers its features declare. */
    public static LessonReader reader(Placeholders.Names numbers) {
        return new LessonReader(LessonTargets.vocabulary(numbers));
    }

    /** Every built-in lesson; one that cannot be read is a packaging bug, reported as such. */
    public static List<Lesson> builtIn(Placeholders.Names numbers) throws IOException {
        LessonReader reader = reader(numbers);
        List<Lesson> out = new ArrayList<>();
        for (String name : BUILT_IN) out.add(reader.readResource("/org/initlab/lessons/" + name + ".json"));
        return out;
    }
}
