package org.initlab.ui.base;

import java.util.Locale;
import java.util.OptionalDouble;
import org.initlab.lessons.Placeholders;

/**
 * A feature's live numbers for lessons: the names it declares (with what each is) and their values now. Each
 * feature keeps its own beside its view-model; the window model collects them, and their union is what a lesson's
 * texts may quote (docs/lessons.md).
 */
public interface LessonNumbers {
    /** A number not computed yet; one that does not exist for what is shown. */
    String PENDING = "…", NONE = "—";

    /** The names this feature declares; the same whether or not it computed anything yet. */
    Placeholders.Names names();

    /** The number's value ({@code scheme} null for a global one), empty when it is not known (yet). */
    OptionalDouble value(String name, String scheme);

    /** How the number is written. */
    String format(String name, double v);

    /** The number as a lesson shows it: formatted, else {@link #missing}. */
    default String text(String name, String scheme) {
        OptionalDouble v = value(name, scheme);
        return v.isPresent() ? format(name, v.getAsDouble()) : missing(name, scheme);
    }

    /** What a number without a value shows: {@link #NONE}, or {@link #PENDING} while it is being computed. */
    default String missing(String name, String scheme) {
        return NONE;
    }

    /** Four significant digits without trailing zeros: 501, 1.5, 22.38, 0.03162. */
    static String significant(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e), exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + exponent;
    }

    /** A count: whole without a point (30), else one decimal (2.5, a mean over seeds). */
    static String count(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
