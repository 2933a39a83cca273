package org.initlab.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.initlab.lessons.Lesson;
import org.initlab.lessons.Step;
import org.initlab.ui.app.TestWindow;
import org.initlab.ui.training.LabState;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The guard against lessons that say what their own numbers contradict: plays every shipped lesson in the
 * real window with real training, and after each run checks every claim its steps state and that each
 * question has a measured answer. A run whose claims and questions only compare epoch-0 numbers is trained
 * for one epoch (the numbers they compare are the same as in the full run); any other runs in full.
 */
class LessonClaimsTest extends FxRobot {
    /** Numbers fixed once epoch 0 has ended: a run quoting only these needs no more epochs. */
    private static final Set<String> EPOCH0 = Set.of(
            "run.epoch0",
            "run.epoch0.sd",
            "run.epoch0.min",
            "run.epoch0.max",
            "run.saturated.init",
            "run.grad.init",
            "run.grad.epoch0");

    @Test
    void everyShippedLessonsClaimsHoldOnTheNumbersItMeasures() throws Exception {
        AtomicReference<TestWindow> made = new AtomicReference<>();
        AtomicReference<javafx.scene.Scene> scene = new AtomicReference<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            made.set(TestWindow.showWithData(stage));
            scene.set(stage.getScene());
        });
        TestWindow w = made.get();
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> w.lab().stateProperty().get() == LabState.READY);
        LessonHost host = TestWindow.lessons(scene.get());
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> host.viewModel().catalogue().size() == LessonCatalog.BUILT_IN.size());
        LessonViewModel vm = host.viewModel();
        var sweep = TestWindow.sweep(scene.get());
        List<String> broken = new ArrayList<>();
        int claims = 0, questions = 0;
        for (Lesson l : List.copyOf(vm.catalogue())) {
            interact(() -> host.open(l));
            for (int i = 0; i < l.steps().size(); i++) {
                int at = i;
                interact(() -> vm.jumpTo(at));
                Step s = l.steps().get(i);
                String where = l.id() + " step " + (i + 1) + ": ";
                if (s.waitFor() != null && s.waitFor().kind() == Step.Wait.Kind.SETTING) {
                    interact(() -> vm.stepFieldProperty()
                            .get()
                            .textProperty()
                            .set(s.waitFor().value())); // as the learner types it
                    WaitForAsyncUtils.waitForFxEvents();
                }
                if (s.waitFor() != null && s.waitFor().kind() == Step.Wait.Kind.RUN_FINISHED) {
                    if (onlyEpoch0(l, i))
                        interact(() ->
                                w.lab().form().epochsField().textProperty().set("1"));
                    interact(() -> w.lab().run());
                    WaitForAsyncUtils.waitFor(
                            900, TimeUnit.SECONDS, () -> w.lab().stateProperty().get() == LabState.FINISHED);
                    WaitForAsyncUtils.waitForFxEvents();
                }
                if (s.waitFor() != null && s.waitFor().kind() == Step.Wait.Kind.SWEEP_FINISHED) {
                    // The step filled the Sweep tab's grid: the learner presses Run sweep.
                    long t0 = System.nanoTime();
                    interact(sweep::start);
                    WaitForAsyncUtils.waitFor(
                            900,
                            TimeUnit.SECONDS,
                            () -> sweep.completeProperty().get());
                    WaitForAsyncUtils.waitForFxEvents();
                    System.out.printf(
                            "LessonClaimsTest: %s step %d: the sweep took %.1f s%n",
                            l.id(), i + 1, (System.nanoTime() - t0) / 1e9);
                }
                if (s.ask() != null) {
                    interact(() -> vm.choose(0));
                    questions++;
                    if (vm.rightChoiceProperty().get() < 0)
                        broken.add(
                                where + "no choice of \"" + s.ask().question().en() + "\" is measured right");
                }
                if (!s.claims().isEmpty()) {
                    claims += s.claims().size();
                    if (!WaitForAsyncUtils.asyncFx(vm::claimsMeasured).get())
                        broken.add(where + "its claims' numbers were not measured");
                    for (String b : WaitForAsyncUtils.asyncFx(vm::brokenClaims).get()) broken.add(where + b);
                }
            }
        }
        FxToolkit.cleanupStages();
        assertEquals(List.of(), broken, "claims the lessons' own numbers contradict");
        assertTrue(
                claims >= 4 && questions >= 2,
                "the shipped lessons state claims and ask questions: " + claims + " claims, " + questions
                        + " questions");
    }

    /** True when the claims and questions from step {@code run} up to the next run compare only epoch-0 numbers. */
    private static boolean onlyEpoch0(Lesson l, int run) {
        for (int i = run; i < l.steps().size(); i++) {
            Step s = l.steps().get(i);
            if (i > run && s.waitFor() != null && s.waitFor().kind() == Step.Wait.Kind.RUN_FINISHED) break;
            List<String> tokens = new ArrayList<>();
            for (Step.Claim c : s.claims()) tokens.addAll(List.of(c.greater(), c.than()));
            if (s.ask() != null)
                for (Step.Choice c : s.ask().choices())
                    if (c.greater() != null) tokens.addAll(List.of(c.greater(), c.than()));
            for (String t : tokens)
                if (!EPOCH0.contains(t.split(":", 2)[0])) return false; // the reader checked the token
        }
        return true;
    }
}
