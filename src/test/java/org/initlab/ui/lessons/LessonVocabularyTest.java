package org.initlab.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import org.initlab.lessons.Placeholders;
import org.initlab.ui.app.TestWindow;
import org.initlab.ui.training.LabState;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lesson can only name what exists: every pointer target the lesson format accepts is a node of the
 * window, and every placeholder it accepts is filled with a value once a run has ended — the whole
 * vocabulary, not only what the shipped lessons use.
 */
class LessonVocabularyTest extends FxRobot {
    @Test
    void everyTargetIsANodeAndEveryPlaceholderIsFilled() throws Exception {
        AtomicReference<TestWindow> made = new AtomicReference<>();
        AtomicReference<Scene> scene = new AtomicReference<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            made.set(TestWindow.showWithData(stage));
            scene.set(stage.getScene());
        });
        TestWindow w = made.get();
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> w.lab().stateProperty().get() == LabState.READY);
        interact(() -> {
            w.lab().form().epochsField().textProperty().set("1");
            w.theory().recompute();
            w.lab().run();
        });
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> w.lab().stateProperty().get() == LabState.FINISHED);
        LessonHost host = TestWindow.lessons(scene.get());
        TabPane tabs = (TabPane) scene.get().lookup("#viewTabs");
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int at = i;
            interact(() -> tabs.getSelectionModel().select(at)); // a tab's content is built when first shown
        }
        WaitForAsyncUtils.waitForFxEvents();
        List<String> missing = new ArrayList<>();
        for (String target : LessonTargets.NODES.keySet()) if (interact(() -> host.find(target)) == null) missing.add(target);
        assertEquals(List.of(), missing, "pointer targets that name no node of the window");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> w.theory().resultAProperty().get() != null && w.theory().resultBProperty().get() != null);
        LiveNumbers numbers = host.viewModel().numbers();
        List<String> unfilled = new ArrayList<>();
        for (String name : Placeholders.GLOBAL.keySet()) check(numbers, new Placeholders.Ref(name, null), unfilled);
        for (String name : Placeholders.PER_SCHEME.keySet()) {
            for (String scheme : List.of("standard", "lecun")) check(numbers, new Placeholders.Ref(name, scheme), unfilled);
        }
        FxToolkit.cleanupStages();
        assertEquals(List.of(), unfilled, "placeholders the window does not fill");
    }

    private void check(LiveNumbers numbers, Placeholders.Ref ref, List<String> unfilled) throws Exception {
        String text = WaitForAsyncUtils.asyncFx(() -> numbers.text(ref)).get();
        if (text.isEmpty() || text.equals(LiveNumbers.PENDING) || text.equals(LiveNumbers.NONE)) unfilled.add("{" + ref.token() + "} = " + text);
    }
}
