package org.initlab.lessons;

import java.util.List;
import java.util.Map;

/**
 * One step of a lesson. Every part but the text is optional (null or empty when absent).
 *
 * @param set   the lab's state the step sets when it is entered
 * @param point what to look at
 * @param ask   a question to answer (choose one) before the measured answer is shown
 * @param waitFor what the learner must do before Next
 * @param claims  comparisons between live numbers that the step's text states; they must hold once the step's
 *                numbers are measured (the shipped lessons are played by a test that checks them)
 */
public record Step(Text title, Text text, State set, Pointer point, Prediction ask, Wait waitFor, List<Claim> claims) {
    public Step {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    public Step(Text title, Text text, State set, Pointer point, Prediction ask, Wait waitFor) {
        this(title, text, set, point, ask, waitFor, List.of());
    }

    /** "{@code greater} exceeds {@code than} by more than {@code by}": two placeholders' tokens ("run.final:he") and a margin ≥ 0. */
    public record Claim(String greater, String than, double by) {}

    /**
     * The lab's state a step sets: a preset, then individual training settings and z-view inputs (texts
     * keyed by parameter id, checked against the settings model when the lesson loads), the z view's two
     * schemes, the tab shown, whether every seed's line is shown, the snapshot the views look at
     * ({@link #INITIALIZATION}, {@link #NEWEST}, or after epoch N), and the Sweep tab's grid ({@link #SWEEP_KEYS}).
     */
    public record State(
            String preset,
            Map<String, String> settings,
            List<String> schemes,
            Map<String, String> z,
            List<String> zSchemes,
            String tab,
            Boolean showSeeds,
            Integer epoch,
            Map<String, String> sweep) {
        public static final int INITIALIZATION = -2, NEWEST = -1;

        /** The Sweep tab's grid keys a step may fill ({@link #sweep}): the other settings are the side panel's. */
        public static final List<String> SWEEP_KEYS =
                List.of("param", "values", "param2", "values2", "schemes", "seeds", "epochs", "batches");

        public State {
            settings = Map.copyOf(settings);
            schemes = schemes == null ? null : List.copyOf(schemes);
            z = Map.copyOf(z);
            zSchemes = zSchemes == null ? null : List.copyOf(zSchemes);
            sweep = sweep == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sweep));
        }

        /** Without a sweep grid. */
        public State(
                String preset,
                Map<String, String> settings,
                List<String> schemes,
                Map<String, String> z,
                List<String> zSchemes,
                String tab,
                Boolean showSeeds,
                Integer epoch) {
            this(preset, settings, schemes, z, zSchemes, tab, showSeeds, epoch, Map.of());
        }
    }

    /** A callout on a part of the window (a chart, a table, a control), with a short note beside it. */
    public record Pointer(String target, Text note) {}

    /**
     * A choose-one question. The measured answer is not typed in: each choice may say when it is right as a
     * comparison of two live numbers ({@code right = {"greater": A, "than": B}}); after the run, the choice
     * whose comparison holds is marked, and {@code reveal} (with placeholders) is shown.
     */
    public record Prediction(Text question, List<Choice> choices, Text reveal) {
        public Prediction {
            choices = List.copyOf(choices);
        }
    }

    /** One answer; {@code greater} and {@code than} name placeholders, both null for "never measured right". */
    public record Choice(Text text, String greater, String than) {}

    /** What the learner must do: finish a run, set a setting to a value, open a tab, or finish a sweep. */
    public record Wait(Kind kind, String param, String value, Text hint) {
        public enum Kind {
            RUN_FINISHED,
            SETTING,
            TAB,
            /** The Sweep tab's sweep has ended with every run in. */
            SWEEP_FINISHED
        }
    }
}
