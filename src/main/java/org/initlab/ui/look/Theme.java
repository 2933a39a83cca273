package org.initlab.ui.look;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import org.initlab.io.AtomicFiles;
import org.initlab.ui.base.Hook;

/**
 * The window's look: AtlantaFX's Primer theme, light (the default, for projectors) or dark, under the lab's
 * own sheet ({@code look.css}: the colour-blind-safe Okabe–Ito series palette with a line style and a
 * marker per series, wrapping chart titles). The choice is remembered in {@code ~/.initlab/theme}, like the
 * language; {@code INITLAB_THEME=light|dark} overrides it for one start (screenshots) without remembering.
 */
public enum Theme {
    LIGHT("light", new atlantafx.base.theme.PrimerLight()),
    DARK("dark", new atlantafx.base.theme.PrimerDark());

    /** The root's style class in the dark theme (look.css adjusts the palette for a dark background). */
    public static final String DARK_CLASS = "theme-dark";

    static final String LOOK_CSS = Theme.class.getResource("look.css").toExternalForm();
    private static volatile Theme current = LIGHT;
    /** False until {@link #apply} ran: a scene then keeps JavaFX's own look (INITLAB_THEME=modena, tests of a bare scene). */
    private static volatile boolean applied;

    private final String id;
    private final atlantafx.base.theme.Theme atlanta;

    Theme(String id, atlantafx.base.theme.Theme atlanta) {
        this.id = id;
        this.atlanta = atlanta;
    }

    public String id() {
        return id;
    }

    public static Theme current() {
        return current;
    }

    /** The theme to start with: INITLAB_THEME if set, else the remembered one, else light. */
    public static Theme atStart() {
        Theme fromEnv = byId(Hook.THEME.value().orElse(null));
        return fromEnv != null ? fromEnv : remembered();
    }

    static Theme byId(String id) {
        if (id == null) return null;
        for (Theme t : values()) if (t.id.equals(id.strip().toLowerCase(Locale.ROOT))) return t;
        return null;
    }

    /** Makes {@code t} the application's theme (all windows, dialogs included) and styles {@code scene} for it. FX thread. */
    public static void apply(Theme t, Scene scene) {
        current = t;
        applied = true;
        // The binary form of the same sheet: parsed faster at start-up.
        Application.setUserAgentStylesheet(t.atlanta.getUserAgentStylesheetBSS());
        if (scene != null) style(scene);
    }

    /** The lab's own sheet and the theme's class on a scene (a rebuilt scene, a dialog's). */
    public static void style(Scene scene) {
        if (!applied) return;
        if (!scene.getStylesheets().contains(LOOK_CSS)) scene.getStylesheets().add(0, LOOK_CSS);
        var classes = scene.getRoot().getStyleClass();
        if (current == DARK && !classes.contains(DARK_CLASS)) classes.add(DARK_CLASS);
        if (current != DARK) classes.remove(DARK_CLASS);
    }

    static Path preferenceFile() {
        return Path.of(System.getProperty("user.home"), ".initlab", "theme");
    }

    /** The remembered theme, or light. */
    public static Theme remembered() {
        try {
            Theme t = byId(Files.readString(preferenceFile(), StandardCharsets.UTF_8));
            return t != null ? t : LIGHT;
        } catch (IOException | RuntimeException e) {
            return LIGHT;
        }
    }

    public static void remember(Theme t) {
        try {
            AtomicFiles.writeString(preferenceFile(), t.id + "\n");
        } catch (IOException e) {
            System.err.println("initlab: could not remember the theme: " + e.getMessage());
        }
    }
}
