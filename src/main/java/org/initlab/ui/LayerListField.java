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
        String range = I18n.f("ll.range", Integer.toString(maxUnits));
        if (t.isEmpty()) return I18n.f("nf.enter", label, range);
        String[] parts = t.split(",", -1);
        if (parts.length > MAX_LAYERS) return I18n.f("ll.tooMany", label, Integer.toString(MAX_LAYERS));
        for (String p : parts) {
            String s = p.strip();
            long v;
            try {
                v = Long.parseLong(s);
            } catch (NumberFormatException e) {
                return I18n.f("nf.notWhole", label, s, range);
            }
            if (v < 1 || v > maxUnits) return I18n.f("nf.outOfRange", label, s, range);
        }
        return "";
    }
}
