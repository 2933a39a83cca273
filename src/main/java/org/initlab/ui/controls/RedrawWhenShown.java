package org.initlab.ui.controls;

import javafx.scene.Node;

/**
 * A view's redraw that runs only while the view is on screen: rebuilding charts nobody sees costs the
 * visible ones their frames. A redraw asked for while the view is hidden is remembered and done by
 * {@link #catchUp()} when its tab is selected.
 */
public final class RedrawWhenShown {
    private final Node view;
    private final Runnable draw;
    private boolean pending = true; // nothing drawn yet: the first showing draws

    public RedrawWhenShown(Node view, Runnable draw) {
        this.view = view;
        this.draw = draw;
    }

    /** Draws now if the view is shown, otherwise on its next {@link #catchUp()}. */
    public void request() {
        if (!isShown(view)) {
            pending = true;
            return;
        }
        pending = false;
        draw.run();
    }

    /** Draws what was asked for while the view was hidden. */
    public void catchUp() {
        if (pending) request();
    }

    /** It and every ancestor visible (a TabPane hides unselected tabs at their container, not the content). */
    private static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return node.getScene() != null;
    }
}
