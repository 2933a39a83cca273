package org.initlab.ui.base;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.initlab.format.Message;
import org.initlab.io.AtomicFiles;
import org.initlab.settings.LabParameters;

/**
 * The window's text in the chosen language (English or Simplified Chinese), from the resource bundles
 * {@code org/initlab/ui/messages*.properties} and the features' own ({@link #BUNDLES}). {@link #t} returns a text as written; {@link #f} formats a
 * MessageFormat pattern with its arguments (pass numbers already formatted, as strings). The choice is
 * remembered in {@code ~/.initlab/language}.
 */
public final class I18n {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, CHINESE);
    /**
     * The window's bundles: the shared one, then one per feature that has its own texts (its package's
     * {@code messages*.properties}), so features add their words without touching each other's files.
     * A key is looked up in this order.
     */
    public static final List<String> BUNDLES = List.of(
            "org.initlab.ui.messages",
            "org.initlab.ui.lessons.messages",
            "org.initlab.ui.depth.messages",
            "org.initlab.ui.sweep.messages",
            "org.initlab.ui.look.messages");
    /**
     * The core's messages in the other languages, by the core's keys ({@link Message#key()}): the English is the
     * core's own words, so the base bundle is empty and {@code core_zh_CN.properties} holds the Chinese.
     */
    public static final String CORE_BUNDLE = "org.initlab.ui.base.core";

    private static volatile Locale locale = Locale.ENGLISH;
    private static volatile List<ResourceBundle> bundles = load(Locale.ENGLISH);
    private static volatile ResourceBundle core = loadCore(Locale.ENGLISH);

    private I18n() {}

    private static List<ResourceBundle> load(Locale l) {
        // English is the base bundle; never fall back to the JVM's default locale instead of it.
        ResourceBundle.Control control =
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        return BUNDLES.stream()
                .map(name -> ResourceBundle.getBundle(name, l, control))
                .toList();
    }

    private static ResourceBundle loadCore(Locale l) {
        return ResourceBundle.getBundle(
                CORE_BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Locale locale() {
        return locale;
    }

    public static void setLocale(Locale l) {
        Locale chosen = CHINESE.equals(l) ? CHINESE : Locale.ENGLISH;
        bundles = load(chosen);
        core = loadCore(chosen);
        locale = chosen;
        // JavaFX's own words (dialog titles and buttons, a text field's Undo/Cut/Paste) follow the default locale.
        Locale.setDefault(chosen);
    }

    public static String t(String key) {
        for (ResourceBundle b : bundles) if (b.containsKey(key)) return b.getString(key);
        return key; // a missing text shows its key rather than failing; a test keeps the bundles complete
    }

    /** Whether some bundle has {@code key} (for an optional text, like a parameter's short name). */
    public static boolean has(String key) {
        for (ResourceBundle b : bundles) if (b.containsKey(key)) return true;
        return false;
    }

    public static String f(String key, Object... args) {
        return new MessageFormat(t(key), locale).format(args);
    }

    /**
     * What went wrong, in the window's language: the core's message ({@link Message.Carrier}) translated, or the
     * exception's own message (an operating system's words) when it carries none.
     */
    public static String explain(Throwable error) {
        if (error instanceof Message.Carrier c && c.wording() != null) return text(c.wording());
        if (error instanceof org.initlab.core.Limit.Refusal r) return text(LabParameters.refusal(r));
        return String.valueOf(error.getMessage());
    }

    /**
     * A core message in the window's language: its key looked up in {@link #CORE_BUNDLE} (a key beginning with "="
     * in the window's bundles: a setting's field message), its arguments translated the same way; a message without
     * words here (and every message in English) shows the core's English.
     */
    public static String text(Message m) {
        Object[] args = m.args().stream()
                .map(a -> a instanceof Message inner ? text(inner) : a)
                .toArray();
        if (m.key().equals("joined"))
            return String.join(
                    CHINESE.equals(locale) ? "；" : "; ",
                    java.util.Arrays.stream(args).map(String::valueOf).toList());
        if (m.key().startsWith("=")) {
            String key = m.key().substring(1);
            for (ResourceBundle b : bundles)
                if (b.containsKey(key)) return new MessageFormat(b.getString(key), locale).format(args);
        } else if (core.containsKey(m.key())) {
            return new MessageFormat(core.getString(m.key()), locale).format(args);
        }
        return new MessageFormat(m.pattern(), Locale.ROOT).format(args);
    }

    /** The language's name in itself, for the menu. */
    public static String nameOf(Locale l) {
        return CHINESE.equals(l) ? "简体中文" : "English";
    }

    static Path preferenceFile() {
        return Path.of(System.getProperty("user.home"), ".initlab", "language");
    }

    /** The remembered language, or English. */
    public static Locale remembered() {
        try {
            String tag =
                    Files.readString(preferenceFile(), StandardCharsets.UTF_8).strip();
            return CHINESE.toLanguageTag().equals(tag) ? CHINESE : Locale.ENGLISH;
        } catch (IOException | RuntimeException e) {
            return Locale.ENGLISH;
        }
    }

    public static void remember(Locale l) {
        try {
            AtomicFiles.writeString(preferenceFile(), l.toLanguageTag() + "\n");
        } catch (IOException e) {
            System.err.println("initlab: could not remember the language: " + e.getMessage());
        }
    }
}
