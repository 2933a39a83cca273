package org.initlab.ui.controls;

import org.initlab.settings.Bounds;
import org.initlab.settings.Param;
import org.initlab.settings.Parsed;
import org.initlab.settings.Problem;
import org.initlab.ui.base.I18n;

/**
 * A setting's field, defined by its core {@link Param}: the label, the default text and the check all come
 * from the one settings model, so the window accepts and refuses exactly what the command line and the
 * files do; only the words are translated.
 */
public final class ParamField extends ValidatedText {
    private final Param<?> param;

    public ParamField(Param<?> param) {
        super(I18n.t(param.labelKey()), param.defaultText());
        this.param = param;
        validateFromNowOn();
    }

    public Param<?> param() {
        return param;
    }

    @Override
    public String check(String raw) {
        Parsed<?> parsed = param.parse(raw);
        return parsed.ok() ? "" : message(parsed.problem(), label());
    }

    /** The value of the text (valid texts only). */
    public Object value() {
        return param.parse(textProperty().get()).orThrow();
    }

    public long longValue() {
        return ((Number) value()).longValue();
    }

    public int intValue() {
        return (int) longValue();
    }

    public double doubleValue() {
        return ((Number) value()).doubleValue();
    }

    /** A problem in the window's language; {@code label} names the setting. */
    public static String message(Problem p, String label) {
        Bounds b = p.bounds();
        String range = b == null || b.rangeKey() == null ? "" : I18n.f(b.rangeKey(), b.rangeArgs());
        return p.messageKey() == null ? p.named() : I18n.f(p.messageKey(), p.messageArgs(label, range));
    }
}
