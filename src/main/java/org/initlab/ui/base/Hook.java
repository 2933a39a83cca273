package org.initlab.ui.base;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code INITLAB_*} environment hook of the window, read here and nowhere else: for measurements,
 * screenshots, demos and the layout audit. The environment is read once, at the first use; a hook that is
 * not set is empty. What each hook does is done by its user (ui.app's StartupHooks, the Sweep and Depth tabs,
 * the theme); this enum is the list of them.
 */
public enum Hook {
    /** {@code 1}: print the first frame, pulse gaps after each run and sweep, and each run's end (run_status). */
    PULSES,
    /** A preset's id or name, applied at start (the last session's settings are then not restored). */
    PRESET,
    /** {@code 1}: press Run three seconds after the data is in. */
    AUTORUN,
    /** {@code 1}: start in presentation mode. */
    PRESENTATION,
    /** A view's number, 0-based in tab order (0 Training … 6 Sweep), or its name ({@code sweep}). */
    TAB,
    /** {@code id[:step]}: open a built-in lesson at a step (1-based). */
    LESSON,
    /** {@code param=…;values=…;…}: fill the Sweep tab's grid and start it three seconds after the data is in. */
    SWEEP,
    /** {@code activation,σ_w²,σ_b²,depth,width}: the Depth tab's inputs. */
    DEPTH,
    /** {@code light}, {@code dark} or {@code modena} (JavaFX's own look): the theme for this start, not remembered. */
    THEME,
    /** {@code en} or {@code zh_CN}: the language for this start, not remembered. */
    LANG,
    /** {@code 1}: the layout audit walks every tab and lesson step, prints its counts and exits (ui.lessons runs it). */
    AUDIT;

    private static final Map<String, String> ENVIRONMENT = System.getenv();

    /** The variable's name, {@code INITLAB_} and the hook's. */
    public String variable() {
        return "INITLAB_" + name();
    }

    /** The hook's value as set (stripped), or empty when it is not set or blank. */
    public Optional<String> value() {
        String v = ENVIRONMENT.get(variable());
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** Whether the hook is set to {@code 1}. */
    public boolean isOn() {
        return value().filter("1"::equals).isPresent();
    }

    /** Whether the hook is set at all. */
    public boolean isSet() {
        return value().isPresent();
    }

    /** The language {@link #LANG} names for this start; empty (with a one-line message) for a value it does not know. */
    public static Optional<Locale> language() {
        return LANG.value().flatMap(Hook::parseLanguage);
    }

    /** {@code en} → English, {@code zh_CN} (or {@code zh-CN}) → Simplified Chinese; anything else is refused on stderr. */
    static Optional<Locale> parseLanguage(String v) {
        String tag = v.strip().replace('-', '_');
        if (tag.equalsIgnoreCase("en")) return Optional.of(Locale.ENGLISH);
        if (tag.equalsIgnoreCase("zh_CN")) return Optional.of(I18n.CHINESE);
        System.err.println("initlab: INITLAB_LANG: '" + v
                + "' is not a language of the window (en, zh_CN); the remembered one is used");
        return Optional.empty();
    }
}
