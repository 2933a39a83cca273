package org.initlab.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.initlab.settings.SettingsJson;
import org.initlab.ui.base.I18n;
import org.initlab.ui.training.LabViewModel;

/** The last session's settings: saved on close, restored at start (~/.initlab/last-session.json). */
public final class SessionStore {
    private final Path file;

    public SessionStore(Path file) {
        this.file = file;
    }

    /** Where the window keeps the last session's settings. */
    public static SessionStore inUserHome() {
        return new SessionStore(Path.of(System.getProperty("user.home"), ".initlab", "last-session.json"));
    }

    public Path file() {
        return file;
    }

    /** Applies the saved settings, if any; a bad file leaves the reference settings and the status says why. */
    public void restore(LabViewModel lab) {
        if (!Files.isRegularFile(file)) return;
        try {
            lab.apply(SettingsJson.load(file, lab.form().settingKeys()));
        } catch (IOException ex) {
            lab.statusProperty().set(I18n.f("status.notRestored", I18n.explain(ex)));
        }
    }

    /** Saves the current settings atomically; a failure is reported on standard error (the window is closing). */
    public void save(LabViewModel lab) {
        try {
            SettingsJson.save(file, lab.form().settings());
        } catch (IOException ex) {
            System.err.println("initlab: could not save the session's settings: " + ex.getMessage());
        }
    }
}
