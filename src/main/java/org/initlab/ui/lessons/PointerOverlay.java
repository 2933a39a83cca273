package org.initlab.ui.lessons;

import javafx.animation.AnimationTimer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

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
    private final AnimationTimer follow = new AnimationTimer() {
        @Override
        public void handle(long now) {
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
        note.setStyle("-fx-background-color: #d55e00; -fx-text-fill: white; -fx-padding: 4 8 4 8; -fx-background-radius: 6; -fx-font-weight: bold;");
        note.setWrapText(true);
        note.setMaxWidth(320);
        getChildren().addAll(frame, note);
        setVisible(false);
    }

    /** Points at {@code node} (null: points at nothing) with {@code text} beside it. */
    public void pointAt(Node node, String text) {
        target = node;
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
        resizeRelocate(0, 0, getParent().getLayoutBounds().getWidth(), getParent().getLayoutBounds().getHeight());
        frame.setX(b.getMinX() - 3);
        frame.setY(b.getMinY() - 3);
        frame.setWidth(b.getWidth() + 6);
        frame.setHeight(b.getHeight() + 6);
        note.applyCss();
        note.autosize();
        double w = note.prefWidth(-1), h = note.prefHeight(w);
        // The notes stay left of the lesson panel (the pane covers the whole window).
        double right = getWidth();
        if (getParent() instanceof javafx.scene.layout.BorderPane root && root.getRight() != null) right = root.getRight().getBoundsInParent().getMinX();
        double x, y;
        if (b.getHeight() >= 120 && b.getWidth() >= w + 24) {
            // A chart or a table: inside its lower right corner, where legends and empty rows leave room
            // (above it, the note would cover the tabs or the titles).
            x = b.getMaxX() - w - 10;
            y = b.getMaxY() - h - 10;
        } else {
            // A button, a field or a narrow box: beside it, or under it where there is no room beside.
            x = b.getMaxX() + 10;
            y = b.getMinY();
            if (x + w > right - 4) {
                x = Math.min(b.getMinX(), right - w - 4);
                y = b.getMaxY() + 8;
            }
        }
        note.relocate(Math.max(4, x), Math.max(4, y));
    }

    private static boolean treeVisible(Node n) {
        for (Parent p = n.getParent(); ; p = p.getParent()) {
            if (!n.isVisible()) return false;
            if (p == null) return true;
            n = p;
        }
    }
}
