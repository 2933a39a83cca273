package org.initlab.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.initlab.ui.app.TestWindow;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LayoutChecks;
import org.initlab.ui.lessons.LessonCatalog;
import org.initlab.ui.lessons.LessonHost;
import org.initlab.ui.look.Theme;
import org.initlab.ui.training.LabState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The layout audit on the real window at a laptop's 1280 × 720 and a full-HD screen, in both languages:
 * every tab with the lesson panel closed and open and every step of every shipped lesson shows its texts
 * whole, its pointer's target in view and its note over nothing else.
 */
class LayoutAuditTest {
    @AfterAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @org.junit.jupiter.api.Test
    void aCutLabelAWordBrokenInsideAndACoveredButtonAreFound() throws Exception {
        FxToolkit.registerPrimaryStage();
        AtomicReference<Scene> made = new AtomicReference<>();
        FxToolkit.setupStage(stage -> {
            javafx.scene.control.Label cut = new javafx.scene.control.Label("best: 9543 / 10000");
            cut.setMaxWidth(60);
            javafx.scene.control.Label wrapped = new javafx.scene.control.Label("progress");
            wrapped.setWrapText(true);
            wrapped.setMaxWidth(30);
            wrapped.setMinHeight(80);
            javafx.scene.control.Button button = new javafx.scene.control.Button("Run");
            stage.setScene(new Scene(new javafx.scene.layout.VBox(cut, wrapped, button), 300, 200));
            stage.show();
            made.set(stage.getScene());
        });
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = made.get();
        java.util.List<String> cut = WaitForAsyncUtils.asyncFx(() -> LayoutChecks.truncatedTexts(scene))
                .get();
        assertEquals(2, cut.size(), cut.toString());
        assertTrue(cut.get(0).contains("best: 9543") && cut.get(0).contains("..."), cut.get(0));
        assertTrue(cut.get(1).contains("breaks \"progress\""), cut.get(1));
        javafx.scene.Node button = scene.getRoot().getChildrenUnmodifiable().get(2);
        javafx.geometry.Bounds b = button.localToScene(button.getLayoutBounds());
        assertEquals(
                1,
                WaitForAsyncUtils.asyncFx(() -> LayoutChecks.controlsUnder(scene, b))
                        .get()
                        .size());
        assertEquals(
                0,
                WaitForAsyncUtils.asyncFx(() -> LayoutChecks.controlsUnder(scene, b, button))
                        .get()
                        .size());
        FxToolkit.cleanupStages();
    }

    @org.junit.jupiter.api.Test
    void aLegendJavaFxDroppedIsFoundAndOneItKeptIsNot() throws Exception {
        FxToolkit.registerPrimaryStage();
        AtomicReference<Scene> made = new AtomicReference<>();
        AtomicReference<javafx.scene.chart.LineChart<Number, Number>> chart = new AtomicReference<>();
        FxToolkit.setupStage(stage -> {
            javafx.scene.chart.LineChart<Number, Number> c = new javafx.scene.chart.LineChart<>(
                    new javafx.scene.chart.NumberAxis(), new javafx.scene.chart.NumberAxis());
            c.setId("squeezed");
            c.setLegendSide(javafx.geometry.Side.RIGHT);
            javafx.scene.chart.XYChart.Series<Number, Number> s = new javafx.scene.chart.XYChart.Series<>();
            s.setName("a series with a long name, wider than the chart leaves it");
            s.getData().add(new javafx.scene.chart.XYChart.Data<>(0, 1));
            c.getData().add(s);
            stage.setScene(new Scene(c, 420, 300));
            stage.sizeToScene(); // the primary stage keeps an earlier test's size otherwise
            stage.show();
            made.set(stage.getScene());
            chart.set(c);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = made.get();
        java.util.List<String> hidden =
                WaitForAsyncUtils.asyncFx(() -> laidOutLegends(scene)).get();
        assertEquals(java.util.List.of("LineChart #squeezed hides its legend (right)"), hidden);
        // At the bottom the same legend leaves the plot its height: kept, and not reported.
        WaitForAsyncUtils.asyncFx(() -> chart.get().setLegendSide(javafx.geometry.Side.BOTTOM))
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                java.util.List.of(),
                WaitForAsyncUtils.asyncFx(() -> laidOutLegends(scene)).get());
        FxToolkit.cleanupStages();
    }

    /** The legends hidden once the scene is laid out (a chart decides its legend's room in its layout pass). */
    private static java.util.List<String> laidOutLegends(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return LayoutChecks.hiddenLegends(scene);
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"1280, 720, en", "1280, 720, zh_CN", "1920, 1080, en", "1920, 1080, zh_CN"})
    void nothingIsCutHiddenOrCovered(int width, int height, String language) throws Exception {
        AtomicReference<TestWindow> window = new AtomicReference<>();
        AtomicReference<Stage> shown = new AtomicReference<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            I18n.setLocale(language.equals("zh_CN") ? I18n.CHINESE : Locale.ENGLISH);
            Theme.apply(Theme.LIGHT, null); // the window's own look, as at a start
            window.set(TestWindow.showWithData(stage));
            Theme.style(stage.getScene());
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            shown.set(stage);
        });
        TestWindow w = window.get();
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> w.lab().stateProperty().get() == LabState.READY);
        Scene scene = shown.get().getScene();
        LessonHost host = TestWindow.lessons(scene);
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> host.viewModel().catalogue().size() == LessonCatalog.BUILT_IN.size());
        assertEquals(width, scene.getWidth(), 1, "the window's width");
        CompletableFuture<LayoutAudit.Findings> audit = new CompletableFuture<>();
        Platform.runLater(() -> LayoutAudit.start(scene, w.lab(), host, org.initlab.ui.app.Presentation::setLook)
                .whenComplete((f, e) -> {
                    if (e != null) audit.completeExceptionally(e);
                    else audit.complete(f);
                }));
        LayoutAudit.Findings found = audit.get(400, TimeUnit.SECONDS);
        FxToolkit.cleanupStages();
        String report = "at " + width + "x" + height + " " + language + ":\n" + found.report(Integer.MAX_VALUE);
        // Presentation mode's charts count too: every chart keeps a readable plot height at 1280 × 720.
        assertTrue(found.clean(), report);
        assertTrue(found.checkedSteps() > 20, "every lesson step was audited: " + found.checkedSteps());
    }
}
