package org.initlab.ui.controls;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A setting typed as text, with a named label and a check that says in words what is wrong ("" when
 * valid). The text is kept as typed (nothing is lost); its value is only read while it is valid.
 */
public abstract class ValidatedText {
    private final String label;
    private final String defaultText;
    private final StringProperty text;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    protected ValidatedText(String label, String defaultText) {
        this.label = label;
        this.defaultText = defaultText;
        this.text = new SimpleStringProperty(defaultText);
    }

    /** Subclasses call it at the end of their constructor: {@link #check} needs their fields. */
    protected final void validateFromNowOn() {
        text.addListener((o, old, now) -> error.set(check(now)));
        error.set(check(text.get()));
    }

    /** The message for {@code raw} ("" when it is valid); used by the field's decoration too. */
    public abstract String check(String raw);

    public String label() {
        return label;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isValid() {
        return error.get().isEmpty();
    }

    public void reset() {
        text.set(defaultText);
    }
}
