package org.initlab.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.initlab.ui.app.Presentation;
import org.initlab.ui.app.TestWindow;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LayoutChecks;
import org.initlab.ui.lessons.LessonHost;
import org.initlab.ui.look.Theme;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.Presets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The σ'(z) tab at a laptop's 1280 × 720 beside an open lesson, after a run (the live chart has a legend), in the
 * window's look and in presentation mode's: both charts keep their legends, every axis label shows whole, and the
 * step's note stands beside the numbers it points at, not on them.
 */
class SaturationLayoutTest {
    private static final String[] CHARTS = {"#saturationCurves", "#liveZChart"};

    @AfterAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en", "zh_CN"})
    void bothChartsKeepTheirLegendsAndAxisLabelsBesideALesson(String language) throws Exception {
        AtomicReference<TestWindow> window = new AtomicReference<>();
        AtomicReference<Stage> shown = new AtomicReference<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            I18n.setLocale(language.equals("zh_CN") ? I18n.CHINESE : Locale.ENGLISH);
            Theme.apply(Theme.LIGHT, null);
            window.set(TestWindow.showWithData(stage));
            Theme.style(stage.getScene());
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(720);
            shown.set(stage);
        });
        TestWindow w = window.get();
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> w.lab().stateProperty().get() == LabState.READY);
        Scene scene = shown.get().getScene();
        LessonHost host = TestWindow.lessons(scene);
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> !host.viewModel().catalogue().isEmpty());
        WaitForAsyncUtils.asyncFx(() -> {
                    Presets.apply(w.lab(), Presets.byName("reference"));
                    w.lab().form().epochsField().textProperty().set("1");
                    w.lab().run();
                })
                .get();
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> w.lab().stateProperty().get() == LabState.FINISHED);
        List<String> problems = new ArrayList<>();
        for (boolean presenting : new boolean[] {false, true}) {
            WaitForAsyncUtils.asyncFx(() -> {
                        Presentation.setLook(scene, presenting);
                        host.show();
                        // σ'(z)'s lesson at its step on the saturation numbers: the lesson's panel is open.
                        host.open(host.viewModel().catalogue().stream()
                                .filter(l -> l.id().equals("sigma-prime"))
                                .findFirst()
                                .orElseThrow());
                        host.viewModel().jumpTo(1);
                    })
                    .get();
            for (int i = 0; i < 10; i++) WaitForAsyncUtils.waitForFxEvents(); // lazily built tab, redraws
            Thread.sleep(1200); // the pointer's note is placed every half second
            WaitForAsyncUtils.waitForFxEvents();
            String mode = presenting ? "presentation mode: " : "window: ";
            WaitForAsyncUtils.asyncFx(() -> {
                        scene.getRoot().applyCss();
                        scene.getRoot().layout();
                        for (String id : CHARTS) {
                            XYChart<?, ?> chart = (XYChart<?, ?>) scene.lookup(id);
                            assertTrue(LayoutChecks.shown(chart) && chart.getWidth() > 0, id + " is on screen");
                            assertTrue(!chart.getData().isEmpty(), id + " has curves, so a legend");
                            assertTrue(chart.getXAxis().lookup(".axis-label") != null, id + "'s x-axis label");
                            for (String t : LayoutChecks.truncatedTexts(scene))
                                if (t.contains("in " + id)) problems.add(mode + t);
                        }
                        for (String l : LayoutChecks.hiddenLegends(scene)) problems.add(mode + l);
                        // The step points at the numbers: its note stands beside them, not on them.
                        Node numbers = scene.lookup("#saturationNumbers");
                        Node note = ((Parent) scene.lookup("#lessonPointer"))
                                .getChildrenUnmodifiable().stream()
                                        .filter(n -> n instanceof Label)
                                        .findFirst()
                                        .orElseThrow();
                        assertTrue(note.isVisible() && !((Label) note).getText().isBlank(), "the step's note is shown");
                        if (note.localToScene(note.getLayoutBounds())
                                .intersects(numbers.localToScene(numbers.getLayoutBounds())))
                            problems.add(mode + "the pointer's note covers the numbers it points at");
                        return null;
                    })
                    .get();
        }
        FxToolkit.cleanupStages();
        assertEquals(List.of(), problems, language + " at 1280x720 beside a lesson");
    }
}
