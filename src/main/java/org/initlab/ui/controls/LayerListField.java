package org.initlab.ui.controls;

import org.initlab.ui.base.I18n;

import java.util.Arrays;

/** Hidden layer sizes as typed: "30" (the reference) or "100,100,100"; validated like {@link NumberField}. */
public final class LayerListField extends ValidatedText {
    public static final int MAX_LAYERS = 20;
    private final int maxUnits;

    public LayerListField(String label, String defaultText, int maxUnits) {
        super(label, defaultText);
        this.maxUnits = maxUnits;
        validateFromNowOn();
    }

    public int[] sizes() {
        return Arrays.stream(textProperty().get().split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    }

    @Override
    public String check(String raw) {
        String t = raw == null ? "" : raw.strip();
        String range = I18n.f("ll.range", Integer.toString(maxUnits));
        if (t.isEmpty()) return I18n.f("nf.enter", label(), range);
        String[] parts = t.split(",", -1);
        if (parts.length > MAX_LAYERS) return I18n.f("ll.tooMany", label(), Integer.toString(MAX_LAYERS));
        for (String p : parts) {
            String s = p.strip();
            long v;
            try {
                v = Long.parseLong(s);
            } catch (NumberFormatException e) {
                return I18n.f("nf.notWhole", label(), s, range);
            }
            if (v < 1 || v > maxUnits) return I18n.f("nf.outOfRange", label(), s, range);
        }
        return "";
    }
}
