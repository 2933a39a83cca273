package org.initlab.ui.controls;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.TitledPane;

/**
 * Builds a collapsed section's controls the first time it is opened. A collapsed {@link TitledPane} still
 * styles and lays out its content, and the two collapsed sections of the side panel (nine combo boxes
 * and text fields with their skins) cost a third of a second before the window's first paint.
 */
public final class LazyContent {
    private LazyContent() {}

    public static void onFirstExpand(TitledPane pane, Supplier<Node> content) {
        if (pane.isExpanded()) {
            pane.setContent(content.get());
            return;
        }
        pane.expandedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) return;
                pane.expandedProperty().removeListener(this);
                pane.setContent(content.get());
            }
        });
    }
}
