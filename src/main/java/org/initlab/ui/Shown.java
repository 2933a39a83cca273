package org.initlab.ui;

import javafx.scene.Node;

/** Whether a node is actually on screen: it and every ancestor visible (a TabPane hides unselected tabs at their container, not the content). */
final class Shown {
    private Shown() {}

    static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return node.getScene() != null;
    }
}
