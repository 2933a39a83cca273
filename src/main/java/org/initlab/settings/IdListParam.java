package org.initlab.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Comma-separated ids ("standard,lecun"), each read by a parser, none twice, at least one, at most {@code maxCount}. */
public final class IdListParam<T> extends Param<List<T>> {
    private final Function<String, T> parser;
    private final Function<T, String> idOf;
    private final int maxCount;
    private final String itemWords;

    IdListParam(
            String id,
            String option,
            String name,
            String defaultText,
            Function<String, T> parser,
            Function<T, String> idOf,
            int maxCount,
            String itemWords) {
        super(id, option, name, () -> parseOrFail(defaultText, parser), defaultText);
        this.parser = parser;
        this.idOf = idOf;
        this.maxCount = maxCount;
        this.itemWords = itemWords;
    }

    private static <T> List<T> parseOrFail(String text, Function<String, T> parser) {
        return java.util.Arrays.stream(text.split(",")).map(parser).toList();
    }

    public int maxCount() {
        return maxCount;
    }

    @Override
    String itemWords() {
        return itemWords;
    }

    @Override
    public Bounds bounds() {
        return Bounds.none(Bounds.Form.ID_LIST, maxCount);
    }

    @Override
    public Parsed<List<T>> parse(String text) {
        return parseIds(ids(text));
    }

    /** The ids of a comma-separated text (none for a blank one), as {@link #parseIds} takes them. */
    public static List<String> ids(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? List.of() : List.of(t.split(",", -1));
    }

    /** Reads ids given one by one (a settings file's list). */
    public Parsed<List<T>> parseIds(List<String> ids) {
        if (ids.isEmpty())
            return Parsed.refused(Problem.worded(this, Problem.Reason.NO_SCHEME, "", "choose at least one scheme"));
        if (ids.size() > maxCount)
            return Parsed.refused(Problem.of(this, Problem.Reason.TOO_MANY, String.join(",", ids), bounds()));
        List<T> values = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String raw : ids) {
            String s = raw == null ? "" : raw.strip();
            if (s.isEmpty())
                return Parsed.refused(Problem.worded(
                        this, Problem.Reason.EMPTY, s, "empty scheme name in '" + String.join(",", ids) + "'"));
            T v;
            try {
                v = parser.apply(s);
            } catch (IllegalArgumentException e) {
                return Parsed.refused(Problem.worded(this, Problem.Reason.UNKNOWN_SCHEME, s, e.getMessage()));
            }
            if (seen.contains(idOf.apply(v)))
                return Parsed.refused(Problem.of(this, Problem.Reason.DUPLICATE, s, bounds()));
            seen.add(idOf.apply(v));
            values.add(v);
        }
        return Parsed.ok(List.copyOf(values));
    }

    @Override
    public String format(List<T> value) {
        return String.join(",", value.stream().map(idOf).toList());
    }
}
