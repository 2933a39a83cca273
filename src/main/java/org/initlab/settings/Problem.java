package org.initlab.settings;

import org.initlab.core.Limit;
import org.initlab.core.NetworkSpec;
import org.initlab.format.Numbers;

/**
 * Why a setting's text was refused, as data: the window translates it (see {@link #messageKey()}), the
 * command line and the files print {@link #message()}.
 *
 * @param id      the parameter id ({@code epochs}), or {@code network} / {@code schemes} for cross-field problems
 * @param name    the setting's English name ("epochs")
 * @param text    the text refused, stripped (for {@link Reason#TOO_LARGE}: the parameter count)
 * @param bounds  the limits it broke (the range, the count)
 * @param message the English message, without the setting's name
 */
public record Problem(String id, String name, Reason reason, String text, Bounds bounds, String message) {
    public enum Reason {
        EMPTY,
        NOT_WHOLE,
        NOT_NUMBER,
        OUT_OF_RANGE,
        TOO_MANY,
        DUPLICATE,
        UNKNOWN_CHOICE,
        // across settings
        SOFTMAX_NEEDS_CROSS_ENTROPY,
        TOO_LARGE,
        NO_SCHEME,
        UNKNOWN_SCHEME;

        /** Problems of one value alone (a settings file refuses these); the others involve several settings. */
        public boolean ofOneValue() {
            return this != SOFTMAX_NEEDS_CROSS_ENTROPY && this != TOO_LARGE;
        }
    }

    static Problem of(Param<?> p, Reason reason, String text, Bounds bounds) {
        String range = bounds.english();
        String m = switch (reason) {
            case EMPTY, NOT_WHOLE, NOT_NUMBER ->
                "'" + text + "' is not a " + (bounds.isWhole() ? "whole " : "") + "number (allowed " + unbracket(range)
                        + ")";
            case OUT_OF_RANGE -> Limit.outside(text, range);
            case TOO_MANY -> Limit.atMost(bounds.maxCount(), p.itemWords());
            case DUPLICATE -> "'" + text + "' is listed twice";
            default -> throw new IllegalArgumentException(reason.name());
        };
        return new Problem(p.id(), p.name(), reason, text, bounds, m);
    }

    /** A refusal in the parser's own words (an unknown choice, an invalid scheme). */
    static Problem worded(Param<?> p, Reason reason, String text, String message) {
        return new Problem(p.id(), p.name(), reason, text, p.bounds(), message);
    }

    /** The English message with the setting's name: "epochs: 0 is outside the allowed range 1 to 10000". */
    public String named() {
        return reason.ofOneValue() ? name + ": " + message : message;
    }

    /**
     * As the command line prints it, after the setting's option: "--epochs: 0 is outside the allowed range 1 to
     * 10000"; the named message for a setting without an option and for problems across settings.
     */
    public String onCommandLine() {
        Param<?> p;
        try {
            p = LabParameters.byId(id);
        } catch (IllegalArgumentException e) {
            return named();
        }
        return p.hasOption() ? "--" + p.option() + ": " + message : named();
    }

    /**
     * The window's message key (nf.enter, nf.notWhole, nf.notNumber, nf.outOfRange, ll.tooMany, ll.duplicate, v.softmax,
     * v.noScheme, v.tooLarge, v.unknownChoice, v.unknownSetting, v.unknownScheme), or null where the window has none yet: then show {@link #message()}.
     */
    public String messageKey() {
        return switch (reason) {
            case EMPTY -> "nf.enter";
            case NOT_WHOLE -> "nf.notWhole";
            case NOT_NUMBER -> "nf.notNumber";
            case OUT_OF_RANGE -> "nf.outOfRange";
            case TOO_MANY -> bounds.form() == Bounds.Form.WHOLE_LIST ? "ll.tooMany" : null;
            case DUPLICATE -> "ll.duplicate";
            case SOFTMAX_NEEDS_CROSS_ENTROPY -> "v.softmax";
            case NO_SCHEME -> "v.noScheme";
            case TOO_LARGE -> "v.tooLarge";
            case UNKNOWN_CHOICE -> offered() == null ? "v.unknownSetting" : "v.unknownChoice";
            case UNKNOWN_SCHEME -> "v.unknownScheme";
            default -> null;
        };
    }

    /** What the choice this problem refused offers ("sigmoid, tanh, relu"); null when its id is no choice's. */
    private String offered() {
        try {
            return LabParameters.byId(id) instanceof ChoiceParam<?> c ? String.join(", ", c.offered()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The arguments of {@link #messageKey()}, given the translated label and range (see {@link Bounds#rangeKey()}). */
    public String[] messageArgs(String label, String range) {
        return switch (reason) {
            case EMPTY -> new String[] {label, range};
            case NOT_WHOLE, NOT_NUMBER, OUT_OF_RANGE -> new String[] {label, text, range};
            case DUPLICATE, UNKNOWN_SCHEME -> new String[] {label, text};
            case UNKNOWN_CHOICE -> offered() == null ? new String[] {text} : new String[] {label, text, offered()};
            case TOO_MANY -> new String[] {label, Integer.toString(bounds.maxCount())};
            case TOO_LARGE -> {
                long params = Long.parseLong(text);
                yield new String[] {
                    grouped(params),
                    grouped(NetworkSpec.megabytesPerRun(params)),
                    grouped(bounds.max().longValue())
                };
            }
            default -> new String[0];
        };
    }

    /**
     * This problem as a message: the window's key for it ({@link #messageKey()}) with {@code label} (a string or a message) for the setting
     * and the range as a message of its own; the English is {@code english}. Without a key, the English only.
     */
    public org.initlab.format.Message wording(Object label, String english) {
        String key = messageKey();
        if (key == null) return org.initlab.format.Message.plain(english);
        org.initlab.format.Message range = bounds == null || bounds.rangeKey() == null
                ? org.initlab.format.Message.plain("")
                : new org.initlab.format.Message(
                        "=" + bounds.rangeKey(),
                        org.initlab.format.Message.literal(unbracket(bounds.english())),
                        java.util.List.of((Object[]) bounds.rangeArgs()));
        // The key is the window's own (nf.*, ll.*, v.*): one set of words for a field and a file.
        String[] args = messageArgs("\u0001", "\u0000");
        java.util.List<Object> withRange = new java.util.ArrayList<>();
        for (String a : args) withRange.add(a.equals("\u0000") ? range : a.equals("\u0001") ? label : a);
        return new org.initlab.format.Message("=" + key, org.initlab.format.Message.literal(english), withRange);
    }

    /** This problem as the window words its field: the field's own label (the English {@code english}). */
    public org.initlab.format.Message inWindow(String english) {
        String labelKey;
        try {
            labelKey = LabParameters.byId(id).labelKey();
        } catch (IllegalArgumentException e) {
            return wording(name, english);
        }
        return wording(
                new org.initlab.format.Message(
                        "=" + labelKey, org.initlab.format.Message.literal(name), java.util.List.of()),
                english);
    }

    private static String grouped(long v) {
        return Numbers.grouped(v);
    }

    private static String unbracket(String range) {
        return range.startsWith("(") ? range.substring(1, range.length() - 1) : range;
    }
}
