package org.initlab.settings;

import java.util.List;
import java.util.function.Function;

/** One of a set of named values (a loss, an activation, a bias rule), read by the type's own parser. */
public final class ChoiceParam<T> extends Param<T> {
    private final Function<String, T> parser;
    private final Function<T, String> idOf;
    private final List<String> offered;

    ChoiceParam(
            String id,
            String option,
            String name,
            T defaultValue,
            Function<String, T> parser,
            Function<T, String> idOf,
            List<String> offered) {
        super(id, option, name, () -> defaultValue, idOf.apply(defaultValue));
        this.parser = parser;
        this.idOf = idOf;
        this.offered = List.copyOf(offered);
    }

    /** The values a picker offers (any other the parser accepts is valid too, e.g. {@code normal:0.5}). */
    public List<String> offered() {
        return offered;
    }

    @Override
    public Bounds bounds() {
        return Bounds.none(Bounds.Form.CHOICE, 1);
    }

    @Override
    public Parsed<T> parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty())
            return Parsed.refused(
                    Problem.worded(this, Problem.Reason.EMPTY, t, "choose one of " + String.join(", ", offered)));
        try {
            return Parsed.ok(parser.apply(t));
        } catch (IllegalArgumentException e) {
            return Parsed.refused(Problem.worded(this, Problem.Reason.UNKNOWN_CHOICE, t, e.getMessage()));
        }
    }

    @Override
    public String format(T value) {
        return idOf.apply(value);
    }
}
