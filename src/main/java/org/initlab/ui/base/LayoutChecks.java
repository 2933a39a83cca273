package org.initlab.ui.base;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/**
 * What the layout audit reads from a laid-out scene: texts shown cut (elided, a word broken across lines,
 * a tab header behind the overflow arrow, a control cut at the window's edge), whether a node is visible in
 * the window, and which controls a rectangle covers. Only the scene graph is read, nothing is changed.
 */
public final class LayoutChecks {
    private LayoutChecks() {}

    /** Every cut text under {@code root}, described as "where: what". */
    public static List<String> truncatedTexts(Scene scene) {
        List<String> out = new ArrayList<>();
        walk(scene.getRoot(), n -> {
            if (!shown(n)) return;
            if (n instanceof Labeled l) labeled(l, out);
            if (n.getStyleClass().contains("tab-header-area")) tabHeaders((Parent) n, out);
            if (isControl(n) && visibleBounds(n) != null && cutAtRightEdge(n))
                out.add(describe(n) + " is cut at the window's right edge");
        });
        return out;
    }

    private static void labeled(Labeled l, List<String> out) {
        String full = l.getText();
        if (full == null || full.isBlank() || visibleBounds(l) == null) return;
        Text shown = textNode(l);
        if (shown == null) return;
        String expected = l.isMnemonicParsing() ? full.replaceFirst("_(?=.)", "") : full;
        if (!expected.stripTrailing().equals(shown.getText().stripTrailing())) {
            out.add(describe(l) + " shows \"" + tail(shown.getText()) + "\"");
            return;
        }
        double width = shown.getWrappingWidth();
        if (l.isWrapText() && width > 0) {
            String broken = widestUnbreakable(expected, shown, width);
            if (broken != null) out.add(describe(l) + " breaks \"" + broken + "\" inside the word");
        }
    }

    /** A run of text between two line-break opportunities wider than the line; null when every one fits. */
    private static String widestUnbreakable(String text, Text shown, double width) {
        BreakIterator it = BreakIterator.getLineInstance();
        it.setText(text);
        Text probe = new Text();
        probe.setFont(shown.getFont());
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String word = text.substring(start, end).strip();
            if (word.isEmpty()) continue;
            probe.setText(word);
            if (probe.getLayoutBounds().getWidth() > width + 0.5) return word;
        }
        return null;
    }

    /** Tabs whose header the tab pane hides behind its overflow arrow. */
    private static void tabHeaders(Parent area, List<String> out) {
        Bounds areaBounds = area.localToScene(area.getLayoutBounds());
        double right = areaBounds.getMaxX();
        Node buttons = area.lookup(".control-buttons-tab");
        if (buttons != null && shown(buttons) && buttons.getLayoutBounds().getWidth() > 0) {
            right = Math.min(
                    right, buttons.localToScene(buttons.getLayoutBounds()).getMinX());
        }
        for (Node tab : area.lookupAll(".tab")) {
            if (!(tab.getParent() != null && tab.getParent().getStyleClass().contains("headers-region"))) continue;
            Bounds b = tab.localToScene(tab.getLayoutBounds());
            if (b.getMaxX() > right + 1) {
                Labeled label = (Labeled) tab.lookup(".tab-label");
                out.add("tab \"" + (label == null ? "?" : label.getText()) + "\" hides behind the tab overflow arrow");
            }
        }
    }

    /** Reaches past the window's right edge where no clip of its own (a scrolled table or pane) cuts it first. */
    private static boolean cutAtRightEdge(Node n) {
        Bounds all = n.localToScene(n.getLayoutBounds());
        if (all.getMaxX() <= n.getScene().getWidth() + 1) return false;
        Bounds clipped = clipped(n, all);
        return clipped == null || clipped.getMaxX() > n.getScene().getWidth() + 1;
    }

    /** {@code b} cut to the clips of {@code n}'s parents (a scroll pane's view, a table's rows); null when nothing is left. */
    private static Bounds clipped(Node n, Bounds b) {
        for (Parent p = n.getParent(); p != null && b != null; p = p.getParent()) {
            if (p.getClip() != null) b = intersect(b, p.localToScene(p.getClip().getBoundsInParent()));
        }
        return b;
    }

    /** The text node a Labeled's skin draws (null before its skin exists). */
    static Text textNode(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable())
            if (c instanceof Text t && c.getStyleClass().contains("text")) return t;
        return null;
    }

    /**
     * The part of {@code n} a person sees, in scene coordinates: its bounds cut to the window and to every
     * scroll pane's visible part around it; null when nothing of it shows (or it is not visible at all).
     */
    public static Bounds visibleBounds(Node n) {
        if (n.getScene() == null || !shown(n)) return null;
        Bounds b = n.localToScene(n.getLayoutBounds());
        Scene s = n.getScene();
        b = intersect(b, new BoundingBox(0, 0, s.getWidth(), s.getHeight()));
        return b == null ? null : clipped(n, b);
    }

    /** True when all of {@code n} is in view (to a pixel); a node taller than its scroll pane counts when it fills the view. */
    public static boolean fullyInView(Node n) {
        Bounds seen = visibleBounds(n);
        if (seen == null) return false;
        Bounds all = n.localToScene(n.getLayoutBounds());
        return seen.getWidth() >= all.getWidth() - 1
                && seen.getHeight() >= Math.min(all.getHeight(), n.getScene().getHeight() / 2) - 1;
    }

    /** Visible controls a person reads or presses (buttons, fields, texts, legends' labels) whose visible part meets {@code area}. */
    public static List<Node> controlsUnder(Scene scene, Bounds area, Node... except) {
        List<Node> out = new ArrayList<>();
        walk(scene.getRoot(), n -> {
            for (Node e : except) if (isInside(n, e) || isInside(e, n)) return;
            if (!isControl(n)) return;
            if (n instanceof Labeled l && (l.getText() == null || l.getText().isBlank()) && l.getGraphic() == null)
                return;
            Bounds b = visibleBounds(n);
            Bounds common = b == null ? null : intersect(b, area);
            if (common != null && common.getWidth() > 2 && common.getHeight() > 2) out.add(n);
        });
        return out;
    }

    private static boolean isControl(Node n) {
        return n instanceof ButtonBase
                || n instanceof TextInputControl
                || n instanceof ComboBoxBase<?>
                || n instanceof ChoiceBox<?>
                || n instanceof Slider
                || n instanceof Spinner<?>
                || n instanceof Labeled;
    }

    /** True when {@code n} is {@code ancestor} or below it. */
    static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
        return false;
    }

    /**
     * Shown XY charts whose plot area is under {@code minHeight} pixels tall (a chart squeezed until its curves touch
     * and its y-label is cut): "LineChart #accuracyChart: plot 98 px".
     */
    public static List<String> shortCharts(Scene scene, double minHeight) {
        List<String> out = new java.util.ArrayList<>();
        walk(scene.getRoot(), n -> {
            if (!(n instanceof javafx.scene.chart.XYChart<?, ?> chart) || !shown(chart) || chart.getScene() == null)
                return;
            Node plot = chart.lookup(".chart-plot-background");
            if (plot == null) return;
            double h = plot.getLayoutBounds().getHeight();
            if (h < minHeight) out.add(describe(chart) + ": plot " + Math.round(h) + " px");
        });
        return out;
    }

    /**
     * Shown charts with data whose legend JavaFX has dropped: a chart hides its legend when the legend would leave
     * its plot under 200 px wide (a side legend) or 150 px tall ("AreaChart #saturationCurves hides its legend").
     */
    public static List<String> hiddenLegends(Scene scene) {
        List<String> out = new ArrayList<>();
        walk(scene.getRoot(), n -> {
            if (!(n instanceof javafx.scene.chart.XYChart<?, ?> chart)
                    || !shown(chart)
                    || !chart.isLegendVisible()
                    || chart.getData().isEmpty()) return;
            Node legend = chart.lookup(".chart-legend");
            if (legend != null && !legend.isVisible())
                out.add(describe(chart) + " hides its legend ("
                        + chart.getLegendSide().name().toLowerCase(java.util.Locale.ROOT) + ")");
        });
        return out;
    }

    /** Visible itself and through all its parents. */
    public static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible() || p.getOpacity() == 0) return false;
        return true;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double x0 = Math.max(a.getMinX(), b.getMinX()), y0 = Math.max(a.getMinY(), b.getMinY());
        double x1 = Math.min(a.getMaxX(), b.getMaxX()), y1 = Math.min(a.getMaxY(), b.getMaxY());
        return x1 <= x0 || y1 <= y0 ? null : new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }

    /** Every node under {@code n}, skin parts included, parents first. */
    static void walk(Node n, Consumer<Node> visit) {
        visit.accept(n);
        if (n instanceof Parent p) for (Node c : List.copyOf(p.getChildrenUnmodifiable())) walk(c, visit);
    }

    /** "Label \"best: …\" (#summaryText)": the node's kind, text and id, to find it. */
    public static String describe(Node n) {
        String id = n.getId() != null ? " #" + n.getId() : idAbove(n);
        String text = n instanceof Labeled l && l.getText() != null ? " \"" + abbreviate(l.getText()) + "\"" : "";
        Class<?> c = n.getClass();
        while (c.getSimpleName().isEmpty()) c = c.getSuperclass();
        return c.getSimpleName() + text + id;
    }

    private static String idAbove(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) if (p.getId() != null) return " in #" + p.getId();
        return "";
    }

    /** The end of a shown text, where an ellipsis would be. */
    private static String tail(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 40 ? one : "…" + one.substring(one.length() - 39);
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 40 ? one : one.substring(0, 39) + "…";
    }
}
