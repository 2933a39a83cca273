package org.initlab.settings;

import org.initlab.core.Limit;
import org.initlab.format.Numbers;

/**
 * The limits of a setting, as data a window can translate: the value's form, its range, and for lists
 * how many entries. {@code min}/{@code max} are {@link Long} for whole numbers, {@link Double} otherwise.
 */
public record Bounds(Form form, Number min, boolean minExclusive, Number max, int maxCount) {
    public enum Form {
        WHOLE,
        DECIMAL,
        WHOLE_LIST,
        CHOICE,
        ID_LIST
    }

    public static Bounds whole(long min, long max) {
        return new Bounds(Form.WHOLE, min, false, max, 1);
    }

    public static Bounds decimal(double min, boolean minExclusive, double max) {
        return new Bounds(Form.DECIMAL, min, minExclusive, max, 1);
    }

    static Bounds none(Form form, int maxCount) {
        return new Bounds(form, null, false, null, maxCount);
    }

    public boolean isWhole() {
        return form == Form.WHOLE || form == Form.WHOLE_LIST;
    }

    /** The range in the words of the CLI and the files: "1 to 10000", "(above 0, at most 1000000)". */
    public String english() {
        if (min == null) return "";
        return Limit.range(min, minExclusive, max);
    }

    /** The window's message key for the range: nf.rangeWhole, nf.rangeClosed, nf.rangeOpen or ll.range (null for choices). */
    public String rangeKey() {
        return switch (form) {
            case WHOLE -> "nf.rangeWhole";
            case DECIMAL -> minExclusive ? "nf.rangeOpen" : "nf.rangeClosed";
            case WHOLE_LIST -> "ll.range";
            default -> null;
        };
    }

    /** The arguments of {@link #rangeKey()}: min and max as the window shows them (ll.range: the max only). */
    public String[] rangeArgs() {
        if (min == null) return new String[0];
        if (form == Form.WHOLE_LIST) return new String[] {shown(max)};
        return new String[] {shown(min), shown(max)};
    }

    static String fmt(Number n) {
        return Limit.text(n);
    }

    /** As the window's fields print numbers: thousands grouped from 10,000 on. */
    static String shown(Number n) {
        if (n instanceof Long l) return Math.abs(l) >= 10_000 ? Numbers.grouped(l) : Long.toString(l);
        return Numbers.readable(n.doubleValue());
    }
}
