package org.initlab.ui.controls;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.initlab.core.init.WeightInit;
import org.initlab.ui.base.I18n;

/** One weight scheme of the catalogue as a check box in the side panel. */
public final class SchemeChoice {
    private final WeightInit init;
    private final boolean selectedByDefault;
    private final BooleanProperty selected;

    public SchemeChoice(WeightInit init, boolean selectedByDefault) {
        this.init = init;
        this.selectedByDefault = selectedByDefault;
        this.selected = new SimpleBooleanProperty(selectedByDefault);
    }

    public WeightInit init() {
        return init;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public void reset() {
        selected.set(selectedByDefault);
    }

    /** "N(0,1/√n_in) — LeCun normal (Nielsen's new)": formula first, as the lesson speaks of it. */
    public String text() {
        return formula(init) + "  —  " + displayName();
    }

    /** A scheme's formula in the window's language: the catalogue's, unless its words have a translation ("formula." + id). */
    public static String formula(WeightInit w) {
        String key = "formula." + w.id(), t = I18n.t(key);
        return t.equals(key) ? w.formula() : t;
    }

    /** The scheme's name in the window's language (the catalogue's English name for custom schemes). */
    public String displayName() {
        String key = "scheme." + init.id();
        String name = I18n.t(key);
        return name.equals(key) ? init.displayName() : name;
    }
}
