package org.initlab.ui.lessons;

import javafx.beans.value.ObservableStringValue;

/** What a lesson may ask of the window itself (the rest goes through the view-models): which tab shows. */
public interface LessonWindow {
    /** Shows the tab named {@code name} ("training", "z", "saturation", "layers", …). */
    void selectTab(String name);

    /** The name of the tab shown. */
    ObservableStringValue selectedTab();
}
