package org.initlab.lessons;

import java.util.List;

/**
 * A guided lesson: steps the learner walks through with Back and Next while the lab computes every number
 * the text quotes. Read from a file by {@link LessonReader}; a lesson is data and never runs code.
 *
 * @param id      stable name ("one-neuron")
 * @param minutes about how long it takes read aloud
 * @param source  where it came from (a resource name or a file), for messages
 */
public record Lesson(String id, Text title, Text summary, int minutes, List<Step> steps, String source) {
    public Lesson {
        steps = List.copyOf(steps);
    }
}
