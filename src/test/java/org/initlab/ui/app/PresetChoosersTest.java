package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.initlab.settings.Presets;
import org.initlab.ui.base.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Depth and Sweep tabs offer every deep preset ({@link Presets#deep()}), in order, each by its name in
 * every language: the window's Presets menu ({@code preset.<id>}), the Depth tab's and the Sweep tab's own.
 */
@ExtendWith(ApplicationExtension.class)
class PresetChoosersTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        TestWindow.show(stage);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> chooser(FxRobot robot, WindowModel.View view, String id) {
        robot.interact(
                () -> InitLabApp.model(stage.getScene()).selectedProperty().set(view));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    @Test
    void theDepthAndSweepTabsOfferEveryDeepPreset(FxRobot robot) {
        ComboBox<String> depth = chooser(robot, WindowModel.View.DEPTH, "#depthPresetChoice");
        ComboBox<String> sweep = chooser(robot, WindowModel.View.SWEEP, "#sweepPreset");
        assertEquals(Presets.deepIds(), depth.getItems());
        assertEquals(Presets.deepIds(), sweep.getItems());
        for (String id : Presets.deepIds()) {
            assertEquals(I18n.t("depth.cmp.preset." + id), depth.getConverter().toString(id));
            assertEquals(I18n.t("sweep.preset." + id), sweep.getConverter().toString(id));
        }
    }

    @Test
    void everyPresetIsNamedInEveryLanguage() {
        try {
            for (Locale l : I18n.LANGUAGES) {
                I18n.setLocale(l);
                for (Presets.Preset p : Presets.all()) named("preset." + p.id(), l);
                for (String id : Presets.deepIds()) {
                    named("depth.cmp.preset." + id, l);
                    named("sweep.preset." + id, l);
                }
            }
        } finally {
            I18n.setLocale(Locale.ENGLISH);
        }
    }

    /** A missing text shows its key ({@link I18n#t}). */
    private static void named(String key, Locale l) {
        assertFalse(I18n.t(key).equals(key), key + " has no text in " + l);
    }
}
