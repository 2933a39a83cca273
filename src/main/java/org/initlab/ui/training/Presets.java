package org.initlab.ui.training;

import java.util.List;
import org.initlab.settings.LabSettings;
import org.initlab.settings.SettingsFormatException;
import org.initlab.ui.base.I18n;

/** The core's built-in experiments ({@link org.initlab.settings.Presets}) with their names in the window's language. */
public final class Presets {
    /** {@code id} is stable (the message key's last part); {@code name} is in the window's language. */
    public record Preset(String id, String name, LabSettings settings) {}

    private Presets() {}

    public static List<Preset> all() {
        return org.initlab.settings.Presets.all().stream()
                .map(p -> new Preset(p.id(), I18n.t("preset." + p.id()), p.settings()))
                .toList();
    }

    /** Resets to the reference, then applies the preset (not during a run). */
    public static void apply(LabViewModel vm, Preset preset) {
        vm.reset();
        try {
            vm.apply(preset.settings());
        } catch (SettingsFormatException e) {
            // Built-in presets are checked by a test; one refused here is a bug, not the user's input.
            throw new IllegalStateException("preset " + preset.id() + ": " + e.getMessage(), e);
        }
    }

    /** By id in any language ({@code INITLAB_PRESET=reference}), or by the start of its shown name. */
    public static Preset byName(String name) {
        return all().stream()
                .filter(p ->
                        p.id().equalsIgnoreCase(name) || p.name().toLowerCase().startsWith(name.toLowerCase()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no preset named '" + name + "'"));
    }
}
