package org.initlab.ui.base;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.initlab.io.AtomicFiles;

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

    private static volatile Locale locale = Locale.ENGLISH;
    private static volatile List<ResourceBundle> bundles = load(Locale.ENGLISH);

    private I18n() {}

    private static List<ResourceBundle> load(Locale l) {
        // English is the base bundle; never fall back to the JVM's default locale instead of it.
        ResourceBundle.Control control =
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        return BUNDLES.stream()
                .map(name -> ResourceBundle.getBundle(name, l, control))
                .toList();
    }

    public static Locale locale() {
        return locale;
    }

    public static void setLocale(Locale l) {
        Locale chosen = CHINESE.equals(l) ? CHINESE : Locale.ENGLISH;
        bundles = load(chosen);
        locale = chosen;
        // JavaFX's own words (dialog titles and buttons, a text field's Undo/Cut/Paste) follow the default locale.
        Locale.setDefault(chosen);
    }

    public static String t(String key) {
        for (ResourceBundle b : bundles) if (b.containsKey(key)) return b.getString(key);
        return key; // a missing text shows its key rather than failing; a test keeps the bundles complete
    }

    public static String f(String key, Object... args) {
        return new MessageFormat(t(key), locale).format(args);
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
