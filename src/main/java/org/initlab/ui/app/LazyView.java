package org.initlab.ui.app;

import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * A tab of the window that is built when first selected (its charts would cost start-up time).
 *
 * @param view        the view it shows (its title and its name in lessons)
 * @param usesZInputs the z panel's inputs drive it: selecting it opens that panel
 * @param build       makes the view and the redraw it catches up with when shown
 */
record LazyView(WindowModel.View view, boolean usesZInputs, Supplier<Built> build) {
    record Built(Node node, Runnable refresh) {}
}
