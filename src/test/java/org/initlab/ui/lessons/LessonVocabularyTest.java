package org.initlab.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import org.initlab.lessons.LessonFormatException;
import org.initlab.lessons.LessonReader;
import org.initlab.lessons.Placeholders;
import org.initlab.ui.app.TestWindow;
import org.initlab.ui.app.WindowModel;
import org.initlab.ui.base.LessonNumbers;
import org.initlab.ui.base.LessonTarget;
import org.initlab.ui.training.LabState;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lesson can only name what exists: the targets the views register are the ones the reader accepts, each on
 * its tab, every one is a node of the window, and every number a feature declares (the reader accepts their union
 * and nothing else) is filled with a value once a run and a sweep have ended — the whole vocabulary, not only what
 * the shipped lessons use.
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
        WaitForAsyncUtils.waitFor(
                240, TimeUnit.SECONDS, () -> w.lab().stateProperty().get() == LabState.READY);
        interact(() -> {
            w.lab().form().epochsField().textProperty().set("1");
            w.lab().form().evalStepsField().textProperty().set("2500"); // the per-step numbers ({run.step.first:lecun})
            w.theory().recompute();
            w.lab().run();
        });
        WaitForAsyncUtils.waitFor(
                300, TimeUnit.SECONDS, () -> w.lab().stateProperty().get() == LabState.FINISHED);
        // A small depth × σ_w² map for the sweep.* numbers (they exist once its sweep is complete).
        var sweep = TestWindow.sweep(scene.get());
        interact(() -> {
            sweep.fill("param=sigma-w2;values=1,4;param2=depth;values2=1,2;seeds=1;epochs=1;batches=20;schemes=lecun;"
                    + "evalSteps=10");
            sweep.start();
        });
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> sweep.completeProperty().get());
        LessonHost host = TestWindow.lessons(scene.get());
        TabPane tabs = (TabPane) scene.get().lookup("#viewTabs");
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int at = i;
            interact(() -> tabs.getSelectionModel().select(at)); // a tab's content is built when first shown
        }
        WaitForAsyncUtils.waitForFxEvents();
        // The views' registrations and the reader's list agree, and a target said to be on a tab is in that tab's
        // content.
        assertEquals(
                new TreeMap<>(LessonTargets.TAB_OF),
                new TreeMap<>(LessonTarget.under(scene.get().getRoot())),
                "LessonTargets.BY_TAB and the targets the views register (LessonTarget.mark) differ");
        List<String> misplaced = new ArrayList<>();
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            String tab = WindowModel.View.values()[i].id();
            for (Map.Entry<String, String> e :
                    LessonTarget.under(tabs.getTabs().get(i).getContent()).entrySet()) {
                if (!e.getValue().equals(tab))
                    misplaced.add(e.getKey() + " is on " + tab + ", registered on '" + e.getValue() + "'");
            }
        }
        assertEquals(List.of(), misplaced, "targets registered on another tab than the one showing them");
        List<String> missing = new ArrayList<>();
        for (String target : LessonTargets.TAB_OF.keySet())
            if (interact(() -> host.find(target)) == null) missing.add(target);
        assertEquals(List.of(), missing, "pointer targets that name no node of the window");

        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> w.theory().resultAProperty().get() != null
                        && w.theory().resultBProperty().get() != null);
        // Every number every feature declares is filled, asked through the window's lesson numbers.
        LiveNumbers numbers = host.viewModel().numbers();
        assertEquals(3, numbers.features().size(), "the z theory's, the run's and the sweep's numbers");
        List<String> unfilled = new ArrayList<>();
        for (LessonNumbers feature : numbers.features()) {
            for (String name : feature.names().global().keySet())
                check(numbers, feature, new Placeholders.Ref(name, null), unfilled);
            for (String name : feature.names().perScheme().keySet()) {
                for (String scheme : List.of("standard", "lecun"))
                    check(numbers, feature, new Placeholders.Ref(name, scheme), unfilled);
            }
        }
        // The window reads lessons with the union of the features' names: all of them, and nothing else.
        assertEquals(LessonCatalog.BUILT_IN.size(), host.viewModel().catalogue().size());
        LessonReader reader = LessonCatalog.reader(numbers.names());
        StringBuilder all = new StringBuilder();
        numbers.names().global().keySet().forEach(n -> all.append('{').append(n).append("} "));
        numbers.names()
                .perScheme()
                .keySet()
                .forEach(n -> all.append('{').append(n).append(":he} "));
        assertEquals(
                1,
                reader.read("all.json", textLesson(all.toString())).steps().size(),
                "a lesson quoting every declared number reads");
        String refused = assertThrows(
                        LessonFormatException.class, () -> reader.read("demo.json", textLesson("{run.nothing:lecun}")))
                .getMessage();
        assertEquals("demo.json: step 1: \"text\": unknown placeholder {run.nothing:lecun}", refused);
        FxToolkit.cleanupStages();
        assertEquals(List.of(), unfilled, "placeholders the window does not fill");
    }

    @Test
    void aLessonNamingAnUnregisteredTargetIsRefused() {
        String lesson =
                "{\"schema\":\"initlab-lesson\",\"version\":1,\"id\":\"demo\",\"minutes\":3,\"title\":{\"en\":\"D\",\"zh\":\"D\"},"
                        + "\"steps\":[{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"tab\":\"gradient\"},\"point\":{\"target\":\"%s\"}}]}";
        LessonReader reader = LessonCatalog.reader(Placeholders.Names.NONE);
        byte[] named = lesson.formatted("gradientChart").getBytes(StandardCharsets.UTF_8);
        assertDoesNotThrow(() -> reader.read("demo.json", named)); // the same lesson naming a registered target reads
        // rowSpreadChart was once listed with no node carrying it.
        byte[] unregistered = lesson.formatted("rowSpreadChart").getBytes(StandardCharsets.UTF_8);
        String message = assertThrows(LessonFormatException.class, () -> reader.read("demo.json", unregistered))
                .getMessage();
        assertTrue(message.contains("\"target\" must be one of"), message);
    }

    private static byte[] textLesson(String text) {
        return ("{\"schema\":\"initlab-lesson\",\"version\":1,\"id\":\"demo\",\"minutes\":3,"
                        + "\"title\":{\"en\":\"D\",\"zh\":\"D\"},\"steps\":[{\"text\":{\"en\":\"" + text
                        + "\",\"zh\":\"b\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The number is filled, and the window asks the feature that declares it. */
    private void check(LiveNumbers numbers, LessonNumbers feature, Placeholders.Ref ref, List<String> unfilled)
            throws Exception {
        String text = WaitForAsyncUtils.asyncFx(() -> numbers.text(ref)).get();
        String own = WaitForAsyncUtils.asyncFx(() -> feature.text(ref.name(), ref.scheme()))
                .get();
        String who = feature.getClass().getSimpleName() + " {" + ref.token() + "} = " + text;
        if (text.isEmpty() || text.equals(LiveNumbers.PENDING) || text.equals(LiveNumbers.NONE)) unfilled.add(who);
        else if (!text.equals(own)) unfilled.add(who + ", but the feature says " + own);
    }
}
