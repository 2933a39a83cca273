package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.initlab.ui.base.I18n;
import org.initlab.ui.sweep.SweepViewModel;
import org.initlab.ui.training.LabState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The one window model through the real scene: a sweep makes the window busy (Run, presets, opening a run and
 * the language wait, and say why); a language switch keeps every view's state and drops the old views and model.
 */
@ExtendWith({TemporaryHome.class, ApplicationExtension.class})
class LanguageSwitchTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        TestWindow w = TestWindow.showWithData(stage);
        AppMenus.install(stage, stage.getScene(), w.lab(), l -> InitLabApp.switchLanguage(stage, l));
    }

    @BeforeEach
    void waitForData() throws Exception {
        WaitForAsyncUtils.waitFor(
                180, TimeUnit.SECONDS, () -> model().lab().datasetProperty().get() != null);
    }

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private WindowModel model() {
        return InitLabApp.model(stage.getScene());
    }

    private MenuItem item(String id) {
        MenuBar bar = (MenuBar) ((BorderPane) stage.getScene().getRoot()).getTop();
        for (Menu m : bar.getMenus()) for (MenuItem i : m.getItems()) if (id.equals(i.getId())) return i;
        throw new AssertionError("no menu item " + id);
    }

    private static java.util.List<MenuItem> allItems(MenuBar bar) {
        java.util.List<MenuItem> out = new java.util.ArrayList<>();
        for (Menu m : bar.getMenus())
            for (MenuItem i : m.getItems()) {
                out.add(i);
                if (i instanceof Menu sub) out.addAll(sub.getItems());
            }
        return out;
    }

    @Test
    void duringASweepRunPresetsOpeningARunAndTheLanguageWaitAndSayWhy(FxRobot robot) throws Exception {
        robot.interact(() -> model().selectedProperty().set(WindowModel.View.SWEEP));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#sweepRun"); // the tab's default grid: 27 runs of an epoch, far longer than this test looks
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model().sweep().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#runButton").queryAs(Button.class).isDisabled(), "Run");
        assertTrue(item("openRunItem").isDisable(), "File > Open a saved run, before any file is chosen");
        MenuBar bar = (MenuBar) ((BorderPane) stage.getScene().getRoot()).getTop();
        String why = "Not now: a sweep is running (its Cancel is in the Sweep tab)";
        long notes = allItems(bar).stream()
                .filter(i -> i.isVisible() && why.equals(i.getText()))
                .count();
        assertEquals(3, notes, "a line saying why in Presets, File and Language");
        for (MenuItem i : allItems(bar)) {
            if (i instanceof javafx.scene.control.RadioMenuItem r
                    && r.getToggleGroup() != null
                    && I18n.LANGUAGES.stream().anyMatch(l -> I18n.nameOf(l).equals(r.getText())))
                assertTrue(r.isDisable(), "language " + r.getText());
        }
        Menu presets = bar.getMenus().stream()
                .filter(m -> "presetsMenu".equals(m.getId()))
                .findFirst()
                .orElseThrow();
        assertTrue(
                presets.getItems().stream()
                        .filter(i -> i.getText().startsWith("Reference"))
                        .allMatch(MenuItem::isDisable),
                "presets");
        robot.interact(() -> InitLabApp.switchLanguage(stage, I18n.CHINESE));
        assertEquals(Locale.ENGLISH, I18n.locale(), "no switch while sweeping");
        robot.clickOn("#sweepCancel");
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> !model().sweep().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#runButton").queryAs(Button.class).isDisabled());
        assertFalse(item("openRunItem").isDisable());
        assertTrue(robot.lookup("#sweepStatus").queryAs(Label.class).getText().startsWith("cancelled after "));
    }

    /** The old window's model and sweep, weakly held, and its first sweep row. */
    private record Old(
            WeakReference<WindowModel> model, WeakReference<SweepViewModel> sweep, SweepViewModel.Row firstRun) {}

    /** A node of this test's window, by id (two windows are up: TestFX's and this test's own). */
    private <T> T node(String id, Class<T> type) {
        return type.cast(stage.getScene().lookup(id));
    }

    private void type(FxRobot robot, String id, String text) {
        TextField f = node(id, TextField.class);
        robot.interact(() -> f.setText(text));
    }

    private void press(FxRobot robot, String id) {
        Button b = node(id, Button.class);
        robot.interact(b::fire);
    }

    /**
     * Gives every view a state of its own on a window of this test's own, then switches to Chinese, holding the old
     * window only weakly. Its own stage, and buttons fired rather than clicked: TestFX keeps every event fired on the
     * stage it gave the test, and with each the node it hit, which would hold the old window.
     */
    private Old stateEverywhereThenChinese(FxRobot robot) throws Exception {
        robot.interact(() -> {
            Stage own = new Stage();
            TestWindow w = TestWindow.showWithData(own);
            AppMenus.install(own, own.getScene(), w.lab(), l -> InitLabApp.switchLanguage(own, l));
            stage = own;
        });
        WindowModel before = model();
        WaitForAsyncUtils.waitFor(
                180, TimeUnit.SECONDS, () -> before.lab().datasetProperty().get() != null);
        // A finished run, its scrubber at epoch 0's end.
        type(robot, "#epochsField", "2");
        type(robot, "#batchesField", "100");
        press(robot, "#runButton");
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> before.lab().stateProperty().get() == LabState.FINISHED);
        robot.interact(() -> before.lab().results().cursorProperty().set(1));
        robot.interact(() -> before.theory().sharedAxisProperty().set(false));
        // The Depth tab's point.
        robot.interact(() -> before.selectedProperty().set(WindowModel.View.DEPTH));
        robot.interact(() -> before.depth().sigmaW2Field().textProperty().set("1.5"));
        // A small sweep, finished.
        robot.interact(() -> before.selectedProperty().set(WindowModel.View.SWEEP));
        type(robot, "#sweepValues", "0.1,1");
        type(robot, "#sweepSchemes", "standard"); // one scheme: two runs (the tab's default has two schemes)
        type(robot, "#sweepSeeds", "1");
        type(robot, "#sweepBatches", "20");
        press(robot, "#sweepRun");
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                // The status is set in the same pulse as the rows are added: wait for both.
                () -> node("#sweepStatus", Label.class).getText().startsWith("done")
                        && before.sweep().rows().size() == 2);
        SweepViewModel.Row firstRun = before.sweep().rows().get(0);

        Old old = new Old(new WeakReference<>(before), new WeakReference<>(before.sweep()), firstRun);
        robot.interact(() -> InitLabApp.switchLanguage(stage, I18n.CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(before.sweep().isDisposed(), "the old sweep takes nothing in any more");
        return old;
    }

    @Test
    void aLanguageSwitchKeepsEveryViewsStateAndDropsTheOldModel(FxRobot robot) throws Exception {
        Old old = stateEverywhereThenChinese(robot);
        SweepViewModel.Row firstRun = old.firstRun();
        WeakReference<SweepViewModel> oldSweep = old.sweep();
        WeakReference<WindowModel> oldModel = old.model();

        WindowModel after = model();
        assertEquals(WindowModel.View.SWEEP, after.selectedProperty().get());
        TabPane tabs = node("#viewTabs", TabPane.class);
        assertEquals("扫描", tabs.getSelectionModel().getSelectedItem().getText(), "the Sweep tab is shown, in Chinese");
        assertEquals("0.1,1", after.sweep().valuesProperty().get());
        assertEquals(2, after.sweep().rows().size());
        SweepViewModel.Row now = after.sweep().rows().get(0);
        assertEquals(firstRun.finalAccuracy(), now.finalAccuracy(), "the same run, the same numbers");
        assertEquals(firstRun.seed(), now.seed());
        assertEquals("scale 0.1", firstRun.cell());
        assertEquals("缩放 0.1", now.cell(), "its cell named in Chinese");
        String status = node("#sweepStatus", Label.class).getText();
        assertTrue(status.startsWith("完成：训练 2 次"), status);
        assertEquals("1.5", after.depth().sigmaW2Field().textProperty().get(), "the Depth tab's point");
        assertFalse(after.theory().sharedAxisProperty().get(), "the z view's shared axis");
        assertEquals(2, after.lab().results().rows().size(), "the last run");
        assertEquals(1, after.lab().results().cursorProperty().get(), "the scrubber's position");
        assertEquals(
                1.0, node("#epochSlider", javafx.scene.control.Slider.class).getValue());

        // Nothing holds the old window: its view-models go with the garbage once the background work it started
        // (the Depth tab's phase diagram, the z view's Monte-Carlo) has ended, some seconds on a loaded machine.
        for (int i = 0; i < 120 && (oldSweep.get() != null || oldModel.get() != null); i++) {
            System.gc();
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(500);
        }
        assertNull(oldModel.get(), "the old window model is unreachable");
        assertNull(oldSweep.get(), "the old sweep view-model is unreachable");
        Stage own = stage;
        robot.interact(own::close);
    }
}
