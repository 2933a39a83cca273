package org.initlab.ui.app;

import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * A tab of the window that is built when first selected (its charts would cost start-up time).
 *
 * @param titleKey    the tab's title, as a message key
 * @param usesZInputs the z panel's inputs drive it: selecting it opens that panel
 * @param build       makes the view and the redraw it catches up with when shown
 */
record LazyView(String titleKey, boolean usesZInputs, Supplier<Built> build) {
    record Built(Node node, Runnable refresh) {}
}
