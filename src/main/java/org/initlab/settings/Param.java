package org.initlab.settings;

import java.util.function.Supplier;

/**
 * One setting, defined once for the window, the command line, the settings files and the core records:
 * its id (the settings-file key and the window's field id, labelled by {@code field.<id>}), its
 * command-line option (null when it has none), its English name, its default and its limits.
 */
public abstract sealed class Param<T> permits WholeParam, DecimalParam, WholeListParam, ChoiceParam, IdListParam {
    private final String id;
    private final String option;
    private final String name;
    private final Supplier<T> defaultValue;
    private final String defaultText;
    private String labelKey;

    Param(String id, String option, String name, Supplier<T> defaultValue, String defaultText) {
        this.id = id;
        this.option = option;
        this.name = name;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.labelKey = "field." + id;
    }

    /** For a setting whose id differs from its label's (the z view's seed is labelled like the training seed). */
    @SuppressWarnings("unchecked")
    <P extends Param<T>> P labelled(String key) {
        labelKey = key;
        return (P) this;
    }

    public final String id() {
        return id;
    }

    /** The command-line option without "--" ({@code batches-per-epoch}); null for window-only settings. */
    public final String option() {
        return option;
    }

    public final boolean hasOption() {
        return option != null;
    }

    /** The English name used in messages ("mini-batches per epoch"). */
    public final String name() {
        return name;
    }

    /** The window's label key. */
    public final String labelKey() {
        return labelKey;
    }

    public final T defaultValue() {
        return defaultValue.get();
    }

    /** The default as a field or a settings file holds it. */
    public final String defaultText() {
        return defaultText;
    }

    public abstract Bounds bounds();

    /** Reads a setting's text (numbers after {@code strip()}); null counts as blank. */
    public abstract Parsed<T> parse(String text);

    /** The text that reads back as {@code value}. */
    public abstract String format(T value);

    /** What a list's entries are called in "at most N …". */
    String itemWords() {
        return "entries";
    }

    /** The message if {@code text} is refused, "" when it is accepted. */
    public final String check(String text) {
        Parsed<T> p = parse(text);
        return p.ok() ? "" : p.problem().named();
    }

    @Override
    public String toString() {
        return id;
    }
}
