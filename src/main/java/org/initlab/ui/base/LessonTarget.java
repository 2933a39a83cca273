package org.initlab.ui.base;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;

/**
 * A part of the window a lesson may point at, registered by the view that builds the node, so a node and its
 * lesson target are added in one place. Here (not in ui.lessons) because every feature view registers and
 * ui.lessons itself uses the views. ui.lessons.LessonTargets lists the same targets for the lesson reader,
 * which checks files before the views exist; LessonVocabularyTest fails when the two differ.
 */
public final class LessonTarget {
    /** The style class of every target node, and the prefix of the one naming its target. */
    public static final String STYLE = "lesson-target";
    /** The tab of a part shown beside every tab (the side panel, the epoch scrubber). */
    public static final String EVERY_TAB = "";

    private static final String TAB_KEY = "lessonTab";
    private static final String TARGET_KEY = "lessonTarget";

    private LessonTarget() {}

    /** Marks {@code node} as the lesson target {@code target} on {@code tab} (a name such as "z", or EVERY_TAB). */
    public static <N extends Node> N mark(N node, String tab, String target) {
        node.getStyleClass().addAll(STYLE, selectorOf(target).substring(1));
        node.getProperties().put(TAB_KEY, tab);
        node.getProperties().put(TARGET_KEY, target);
        return node;
    }

    /** The CSS selector finding a target's node ("field.hidden" → ".lesson-target-field-hidden"). */
    public static String selectorOf(String target) {
        return "." + STYLE + "-" + target.replace('.', '-');
    }

    /** Every target registered under {@code root} (built so far) → its tab. */
    public static Map<String, String> under(Node root) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n : root.lookupAll("." + STYLE)) {
            out.put((String) n.getProperties().get(TARGET_KEY), (String)
                    n.getProperties().get(TAB_KEY));
        }
        return out;
    }
}
