package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.initlab.settings.Presets;
import org.initlab.ui.base.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The deep preset chosen in the Depth tab (not trained) survives a language switch, with the point edited after it. */
@ExtendWith({TemporaryHome.class, ApplicationExtension.class})
class DepthPresetSwitchTest {
    private Stage stage;

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        I18n.setLocale(Locale.ENGLISH);
        TestWindow w = TestWindow.showWithData(stage);
        AppMenus.install(stage, stage.getScene(), w.lab(), l -> InitLabApp.switchLanguage(stage, l));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> chooser(FxRobot robot) {
        return robot.lookup("#depthPresetChoice").queryAs(ComboBox.class);
    }

    @Test
    void theChosenDeepPresetSurvivesALanguageSwitch(FxRobot robot) throws Exception {
        WindowModel before = InitLabApp.model(stage.getScene());
        WaitForAsyncUtils.waitFor(
                180, TimeUnit.SECONDS, () -> before.lab().datasetProperty().get() != null);
        robot.interact(() -> before.selectedProperty().set(WindowModel.View.DEPTH));
        WaitForAsyncUtils.waitForFxEvents();
        // Another preset than any the Training tab's settings are (those would be found again from the settings).
        List<String> deep = Presets.deepIds();
        String chosen = deep.get(deep.size() - 1);
        robot.interact(() -> chooser(robot).setValue(chosen));
        assertEquals(chosen, before.depth().comparison().presetProperty().get(), "the chooser sets the preset");
        String depth = before.depth().depthField().textProperty().get();
        robot.interact(() -> before.depth().widthField().textProperty().set("123")); // an edit after choosing

        robot.interact(() -> InitLabApp.switchLanguage(stage, I18n.CHINESE));
        WaitForAsyncUtils.waitForFxEvents();

        WindowModel after = InitLabApp.model(stage.getScene());
        assertEquals(WindowModel.View.DEPTH, after.selectedProperty().get());
        assertEquals(chosen, after.depth().comparison().presetProperty().get(), "the chosen preset");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<String> shown = chooser(robot);
        assertEquals(chosen, shown.getValue(), "the chooser names it");
        assertEquals(
                I18n.t("depth.cmp.preset." + chosen), shown.getConverter().toString(shown.getValue()), "in Chinese");
        assertEquals(depth, after.depth().depthField().textProperty().get(), "the preset's depth");
        assertEquals("123", after.depth().widthField().textProperty().get(), "the edit made after choosing it");
    }
}
