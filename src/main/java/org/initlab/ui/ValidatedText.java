package org.initlab.ui;

import javafx.beans.property.StringProperty;

/** A setting typed as text, with a named label and a check that says in words what is wrong ("" when valid). */
public interface ValidatedText {
    String label();

    StringProperty textProperty();

    String check(String raw);
}
