package org.initlab.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.initlab.ui.base.LayoutChecks;

/**
 * The lesson's pointer: a coloured frame around the part of the window a step points at, with its note
 * beside it. A pane over the window that takes no mouse events; while a target is set it follows the
 * target's bounds once per pulse (the target may move as the window lays out) and hides while the target
 * is not shown (another tab).
 */
public final class PointerOverlay extends Pane {
    private final Rectangle frame = new Rectangle();
    private final Label note = new Label();
    private Node target;
    /** The target's bounds, the note and the window the note was placed for (placing reads the whole scene). */
    private String placedFor = "";

    private final AnimationTimer follow = new AnimationTimer() {
        private int frames;

        @Override
        public void handle(long now) {
            // Every half second the note is placed afresh: what is around the target (a legend, a text) may
            // have moved or grown without the target moving.
            if (++frames % 30 == 0) placedFor = "";
            place();
        }
    };

    public PointerOverlay() {
        setId("lessonPointer");
        setMouseTransparent(true);
        setManaged(false);
        setPickOnBounds(false);
        frame.setFill(Color.TRANSPARENT);
        frame.setStroke(Color.web("#d55e00"));
        frame.setStrokeWidth(4);
        frame.setArcWidth(14);
        frame.setArcHeight(14);
        note.setStyle(
                "-fx-background-color: #d55e00; -fx-text-fill: white; -fx-padding: 4 8 4 8; -fx-background-radius: 6; -fx-font-weight: bold;");
        note.setWrapText(true);
        note.setMaxWidth(320);
        getChildren().addAll(frame, note);
        setVisible(false);
    }

    /** Points at {@code node} (null: points at nothing) with {@code text} beside it. */
    public void pointAt(Node node, String text) {
        target = node;
        placedFor = "";
        note.setText(text);
        note.setVisible(text != null && !text.isEmpty());
        if (node == null) {
            follow.stop();
            setVisible(false);
        } else {
            follow.start();
            place();
        }
    }

    /** The node pointed at, for tests. */
    public Node target() {
        return target;
    }

    /** The note beside the frame (the layout audit reads where it is). */
    public Label note() {
        return note;
    }

    /** True when nothing of the window is drawn over the pointer (it is its parent's last child). */
    public boolean isOnTop() {
        var siblings =
                getParent() == null ? java.util.List.<Node>of() : getParent().getChildrenUnmodifiable();
        return !siblings.isEmpty() && siblings.get(siblings.size() - 1) == this;
    }

    /** True while the frame is drawn (the target is shown). */
    public boolean showing() {
        return isVisible();
    }

    private void place() {
        if (target == null || target.getScene() == null || !treeVisible(target) || getParent() == null) {
            setVisible(false);
            return;
        }
        Bounds b = getParent().sceneToLocal(target.localToScene(target.getLayoutBounds()));
        if (b == null) return;
        setVisible(true);
        // Drawn over the window: a panel added to the window after it (the lesson panel, the side panel) would cover
        // it.
        if (!isOnTop()) toFront();
        resizeRelocate(
                0,
                0,
                getParent().getLayoutBounds().getWidth(),
                getParent().getLayoutBounds().getHeight());
        frame.setX(b.getMinX() - 3);
        frame.setY(b.getMinY() - 3);
        frame.setWidth(b.getWidth() + 6);
        frame.setHeight(b.getHeight() + 6);
        note.applyCss();
        note.autosize();
        double w = note.prefWidth(-1), h = note.prefHeight(w);
        // The notes stay left of the lesson panel (the pane covers the whole window).
        double right = getWidth();
        if (getParent() instanceof javafx.scene.layout.BorderPane root
                && root.getRight() != null
                && !LayoutReveal.isInside(target, root.getRight())) {
            right = root.getRight().getBoundsInParent().getMinX();
        }
        String key = b + " " + w + "x" + h + " " + right + " " + getHeight() + " " + note.getText();
        if (key.equals(placedFor)) return;
        placedFor = key;
        double[] at = bestPlace(b, w, h, right);
        note.relocate(at[0], at[1]);
    }

    /**
     * Where the note covers nothing it does not point at: inside a chart's or a table's corners (where legends
     * and empty rows leave room), else beside, under, over or left of the target; kept in the window. Where
     * every place covers something, the one covering least.
     */
    private double[] bestPlace(Bounds b, double w, double h, double right) {
        List<double[]> places = new ArrayList<>();
        // A text's corners are its own words: the note goes beside a text, never on it.
        boolean text = isText(target);
        if (!text && b.getHeight() >= 120 && b.getWidth() >= w + 24) {
            places.add(new double[] {b.getMaxX() - w - 10, b.getMaxY() - h - 10});
            places.add(new double[] {b.getMaxX() - w - 10, b.getMinY() + 40});
            places.add(new double[] {b.getMinX() + 60, b.getMaxY() - h - 40});
        }
        places.add(new double[] {b.getMaxX() + 10, b.getMinY()});
        places.add(new double[] {b.getMinX(), b.getMaxY() + 8});
        places.add(new double[] {b.getMinX(), b.getMinY() - h - 8});
        places.add(new double[] {b.getMinX() - w - 10, b.getMinY()});
        double[] best = null;
        int fewest = Integer.MAX_VALUE;
        for (double[] p : places) {
            double x = Math.max(4, Math.min(p[0], right - w - 4)), y = Math.max(4, Math.min(p[1], getHeight() - h - 4));
            Bounds area = localToScene(new javafx.geometry.BoundingBox(x, y, w, h));
            int covered = getScene() == null
                    ? 0
                    : LayoutChecks.controlsUnder(getScene(), area, this, target).size();
            if (text && b.intersects(x, y, w, h)) covered++; // kept in the window, it would land on the text
            if (covered < fewest) {
                fewest = covered;
                best = new double[] {x, y};
            }
            if (covered == 0) break;
        }
        return best;
    }

    private static boolean isText(Node n) {
        return n instanceof javafx.scene.control.Labeled
                || n instanceof javafx.scene.control.TextInputControl
                || n instanceof javafx.scene.text.Text
                || n instanceof javafx.scene.text.TextFlow;
    }

    private static boolean treeVisible(Node n) {
        for (Parent p = n.getParent(); ; p = p.getParent()) {
            if (!n.isVisible()) return false;
            if (p == null) return true;
            n = p;
        }
    }
}
