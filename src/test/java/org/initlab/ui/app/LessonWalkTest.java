package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import org.initlab.lessons.Lesson;
import org.initlab.lessons.Step;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.FxTaskRunner;
import org.initlab.ui.base.I18n;
import org.initlab.ui.controls.ParamField;
import org.initlab.ui.lessons.LessonCatalog;
import org.initlab.ui.lessons.LessonHost;
import org.initlab.ui.lessons.LessonViewModel;
import org.initlab.ui.lessons.LiveNumbers;
import org.initlab.ui.theory.ZViewModel;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.LabViewModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks every shipped lesson, in English and in Chinese, from its first step to its last in the real window:
 * every state a step sets is applied, every pointer finds its target on screen, every placeholder is filled
 * with a number, and Next opens once the step's question is answered and its wait is met. Runs are shortened
 * (after the step's own settings are checked) so that the walk takes seconds, not minutes.
 */
class LessonWalkTest extends FxRobot {
    private LabViewModel lab;
    private ZViewModel theory;
    private LessonHost host;

    @AfterAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private void openWindow(Locale locale) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            I18n.setLocale(locale);
            BackgroundRunner runner = new FxTaskRunner();
            lab = new LabViewModel(runner);
            theory = new ZViewModel(runner, lab.results().saturationThresholdProperty());
            Scene scene = InitLabApp.createScene(lab, theory, new PulseMonitor());
            stage.setScene(scene);
            stage.show();
            host = InitLabApp.lessons(scene);
            lab.loadBundledData();
            theory.recompute();
        });
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> lab.stateProperty().get() == LabState.READY);
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> host.viewModel().catalogue().size() == LessonCatalog.BUILT_IN.size());
    }

    @Test
    void everyLessonWalksInEnglish() throws Exception {
        walkAll(Locale.ENGLISH);
    }

    @Test
    void everyLessonWalksInChinese() throws Exception {
        walkAll(I18n.CHINESE);
    }

    private void walkAll(Locale locale) throws Exception {
        openWindow(locale);
        for (Lesson l : List.copyOf(host.viewModel().catalogue())) walk(l);
        FxToolkit.cleanupStages();
    }

    private void walk(Lesson lesson) throws Exception {
        LessonViewModel vm = host.viewModel();
        interact(() -> host.open(lesson));
        for (int i = 0; i < lesson.steps().size(); i++) {
            Step step = lesson.steps().get(i);
            String where = lesson.id() + " step " + (i + 1) + " (" + I18n.locale() + ")";
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(i, vm.indexProperty().get(), where);
            assertEquals(
                    (i + 1) + " / " + lesson.steps().size(),
                    vm.counterProperty().get(),
                    where);
            if (step.set() != null) checkState(step.set(), where);
            if (step.point() != null) checkPointer(step.point().target(), where);
            if (step.ask() != null) {
                assertEquals(step.ask().choices().size(), vm.choices().size(), where);
                interact(() -> vm.choose(0));
            }
            if (step.waitFor() != null) satisfy(step.waitFor(), where);
            // Every placeholder is a number now: none pending ("…"), none missing ("—").
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !texts(vm).contains(LiveNumbers.PENDING));
            String texts = texts(vm);
            assertFalse(texts.contains(LiveNumbers.NONE), where + ": a placeholder has no value: " + texts);
            assertFalse(texts.matches("(?s).*\\{[a-zA-Z]+\\.[^}]*}.*"), where + ": unfilled: " + texts);
            assertFalse(vm.bodyProperty().get().isBlank(), where);
            if (step.ask() != null) {
                assertTrue(
                        vm.rightChoiceProperty().get() >= 0
                                || step.ask().choices().stream().noneMatch(c -> c.greater() != null),
                        where + ": no measured answer");
                assertFalse(vm.revealProperty().get().isBlank(), where + ": the measured answer is shown");
            }
            if (i < lesson.steps().size() - 1) {
                assertTrue(vm.canNextProperty().get(), where + ": Next stays disabled");
                interact(vm::next);
            } else {
                assertFalse(vm.canNextProperty().get(), where + ": the last step has no Next");
            }
        }
        interact(vm::close);
    }

    private static String texts(LessonViewModel vm) {
        return String.join(
                "\n",
                vm.stepTitleProperty().get(),
                vm.bodyProperty().get(),
                vm.pointNoteProperty().get(),
                vm.questionProperty().get(),
                String.join("\n", vm.choices()),
                vm.revealProperty().get(),
                vm.waitHintProperty().get());
    }

    private void checkState(Step.State s, String where) {
        for (var e : s.settings().entrySet()) {
            String shown = lab.form().settings().values().get(e.getKey());
            assertEquals(e.getValue(), shown, where + ": setting " + e.getKey());
        }
        if (s.schemes() != null) assertEquals(s.schemes(), lab.form().settings().schemes(), where);
        for (var e : s.z().entrySet())
            assertEquals(e.getValue(), theory.field(e.getKey()).textProperty().get(), where + ": z " + e.getKey());
        if (s.zSchemes() != null)
            assertEquals(
                    s.zSchemes(),
                    List.of(
                            theory.schemeAProperty().get(),
                            theory.schemeBProperty().get()),
                    where);
        if (s.tab() != null) assertEquals(s.tab(), host.selectedTab().get(), where + ": tab");
        if (s.showSeeds() != null)
            assertEquals(s.showSeeds(), lab.results().showSeedsProperty().get(), where);
        if (s.preset() != null && s.settings().isEmpty())
            assertEquals("", lab.form().validationMessageProperty().get(), where);
    }

    private void checkPointer(String target, String where) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> host.pointer().target() != null && host.pointer().showing());
        assertNotNull(host.find(target), where + ": pointer target " + target + " not found");
        assertTrue(host.pointer().target() == host.find(target), where + ": points at " + target);
    }

    private void satisfy(Step.Wait w, String where) throws Exception {
        switch (w.kind()) {
            case RUN_FINISHED -> {
                // Shortened: the step's own settings were checked above.
                interact(() -> {
                    ParamField epochs = lab.form().epochsField();
                    if (epochs.intValue() > 2) epochs.textProperty().set("2");
                    lab.form().batchesPerEpochField().textProperty().set("100");
                });
                assertTrue(vm().waitDoneProperty().get() == false, where + ": waits before the run");
                interact(lab::run);
                WaitForAsyncUtils.waitFor(
                        180,
                        TimeUnit.SECONDS,
                        () -> lab.stateProperty().get() == LabState.FINISHED
                                && vm().waitDoneProperty().get());
            }
            case SETTING -> {
                ParamField f =
                        lab.form().field(w.param()) != null ? lab.form().field(w.param()) : theory.field(w.param());
                assertFalse(vm().waitDoneProperty().get(), where + ": waits before the change");
                interact(() -> f.textProperty().set(w.value()));
            }
            case TAB -> interact(() -> host.selectTab(w.value()));
            case SWEEP_FINISHED -> {
                // Shortened as runs are (the grid the step filled was checked when the lesson loaded): 30 steps.
                var sweep = InitLabApp.model(host.find("sweepRun").getScene()).sweep();
                assertFalse(vm().waitDoneProperty().get(), where + ": waits before the sweep");
                interact(() -> {
                    sweep.fill("batches=30;evalSteps=10");
                    sweep.start();
                });
                WaitForAsyncUtils.waitFor(
                        180, TimeUnit.SECONDS, () -> sweep.completeProperty().get());
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm().waitDoneProperty().get(), where + ": the wait is met");
    }

    private LessonViewModel vm() {
        return host.viewModel();
    }
}
