package org.initlab.ui.lessons;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;

/**
 * Brings a lesson's target into view: selects the inner tabs that hold it (the Depth tab's trained comparison),
 * expands the collapsed panels around it and scrolls its scroll panes to it.
 */
final class LayoutReveal {
    private LayoutReveal() {}

    static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
        return false;
    }

    /** Expands every collapsed titled pane around {@code n}, then scrolls each scroll pane around it so that it shows. */
    static void bringIntoView(Node n) {
        if (n == null) return;
        boolean expanded = false;
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof TabPane tp)
                for (Tab t : tp.getTabs())
                    if (t.getContent() != null
                            && isInside(n, t.getContent())
                            && tp.getSelectionModel().getSelectedItem() != t) {
                        tp.getSelectionModel().select(t);
                        expanded = true;
                    }
            if (p instanceof TitledPane t && !t.isExpanded() && isInside(n, t.getContent())) {
                t.setAnimated(false);
                t.setExpanded(true);
                expanded = true;
            }
        }
        if (expanded && n.getScene() != null) {
            n.getScene().getRoot().applyCss();
            n.getScene().getRoot().layout();
        }
        for (Parent p = n.getParent(); p != null; p = p.getParent()) if (p instanceof ScrollPane sp) scrollTo(sp, n);
    }

    /** Scrolls {@code sp} the least that shows all of {@code n} (its top, when it is taller than the view). */
    private static void scrollTo(ScrollPane sp, Node n) {
        Node content = sp.getContent();
        if (content == null) return;
        Bounds inContent = content.sceneToLocal(n.localToScene(n.getLayoutBounds()));
        double contentHeight = content.getLayoutBounds().getHeight(),
                viewHeight = sp.getViewportBounds().getHeight();
        if (inContent == null || contentHeight <= viewHeight) return;
        double range = contentHeight - viewHeight;
        double top = sp.getVvalue() * range, bottom = top + viewHeight;
        double wanted = top;
        if (inContent.getMinY() < top || inContent.getHeight() > viewHeight) wanted = inContent.getMinY() - 8;
        else if (inContent.getMaxY() > bottom) wanted = inContent.getMaxY() + 8 - viewHeight;
        sp.setVvalue(Math.max(0, Math.min(1, wanted / range)));
    }
}
