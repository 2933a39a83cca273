package org.initlab.ui;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Hidden layer sizes as typed: "30" (the reference) or "100,100,100"; validated like {@link NumberField}. */
public final class LayerListField implements ValidatedText {
    public static final int MAX_LAYERS = 20;
    private final String label;
    private final String defaultText;
    private final int maxUnits;
    private final StringProperty text;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public LayerListField(String label, String defaultText, int maxUnits) {
        this.label = label;
        this.defaultText = defaultText;
        this.maxUnits = maxUnits;
        this.text = new SimpleStringProperty(defaultText);
        text.addListener((o, a, b) -> error.set(check(b)));
        error.set(check(defaultText));
    }

    public String label() { return label; }
    public StringProperty textProperty() { return text; }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public boolean isValid() { return error.get().isEmpty(); }
    public void reset() { text.set(defaultText); }

    public int[] sizes() {
        return Arrays.stream(text.get().split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    }

    public String check(String raw) {
        String t = raw == null ? "" : raw.strip();
        String range = "sizes from 1 to " + maxUnits + ", separated by commas (e.g. 30 or 100,100,100)";
        if (t.isEmpty()) return label + ": enter " + range;
        String[] parts = t.split(",", -1);
        if (parts.length > MAX_LAYERS) return label + ": at most " + MAX_LAYERS + " hidden layers";
        for (String p : parts) {
            String s = p.strip();
            long v;
            try {
                v = Long.parseLong(s);
            } catch (NumberFormatException e) {
                return label + ": '" + s + "' is not a whole number; enter " + range;
            }
            if (v < 1 || v > maxUnits) return label + ": " + s + " is out of range; enter " + range;
        }
        return "";
    }
}
