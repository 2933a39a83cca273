package org.initlab.ui.app;

import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.initlab.data.Dataset;
import org.initlab.lessons.Lesson;
import org.initlab.train.RunResult;
import org.initlab.ui.audit.LayoutAudit;
import org.initlab.ui.base.Hook;
import org.initlab.ui.base.I18n;
import org.initlab.ui.lessons.LessonHost;
import org.initlab.ui.training.LabViewModel;
import org.initlab.ui.training.Presets;

/** What the window's INITLAB_* hooks ({@link Hook}) do at start: measurements, screenshots and demos. */
final class StartupHooks {
    private StartupHooks() {}

    /**
     * INITLAB_PULSES=1 prints when the first frame was drawn (ms after the JVM started) and, after each
     * run and each sweep, how many pulses there were meanwhile and the longest gap between two of them; after
     * each run also how each of its runs ended ({@code run_status completed}, {@code cancelled} or {@code diverged}).
     * {@code lab} is the window's training view-model at the time (a language switch replaces it).
     */
    static void reportResponsiveness(long startEntered, Supplier<LabViewModel> lab, PulseMonitor pulses) {
        if (!Hook.PULSES.isOn()) return;
        long jvmStart =
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("start_method_ms_after_jvm_start " + (startEntered - jvmStart));
        System.out.println("scene_built_and_shown_ms_after_jvm_start " + (System.currentTimeMillis() - jvmStart));
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                System.out.println("first_frame_ms_after_jvm_start " + (System.currentTimeMillis() - jvmStart));
                stop();
            }
        }.start();
        pulses.trainingProperty().addListener((o, was, now) -> {
            if (!was || now) return;
            lab.get().lastRun().ifPresent(r -> r.results().forEach(run -> System.out.println(runStatusLine(run))));
            report(pulses, "pulses_while_training");
        });
        pulses.sweepingProperty().addListener((o, was, now) -> {
            if (was && !now) report(pulses, "pulses_while_sweeping");
        });
    }

    /** {@code run_status completed}: how one run of a comparison ended, in the words of its status. */
    static String runStatusLine(RunResult run) {
        return "run_status " + run.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void report(PulseMonitor pulses, String what) {
        System.out.printf(
                java.util.Locale.ROOT,
                "%s %d%nlongest_pulse_gap_ms %.1f%ngaps_over_50_ms_at %s%n",
                what,
                pulses.frames(),
                pulses.longestGapMillis(),
                pulses.longGaps());
        System.out.printf(
                java.util.Locale.ROOT,
                "gaps_over_50_ms %d%nlongest_event_work_ms %.1f%n",
                pulses.gapsOver50(),
                pulses.longestWorkMillis());
        pulses.reset();
    }

    /**
     * INITLAB_PRESET=name applies a preset; INITLAB_PRESENTATION=1 starts in presentation mode; INITLAB_AUTORUN=1
     * starts the run three seconds after the data is in; INITLAB_TAB=N or =name shows a view; INITLAB_LESSON opens a
     * lesson; INITLAB_SWEEP fills the Sweep tab's grid and starts it three seconds after the data is in.
     */
    static void autoRunForScreenshots(Stage stage, WindowModel model) {
        LabViewModel lab = model.lab();
        if (Hook.PRESENTATION.isOn()) Presentation.setPresenting(stage, true);
        Hook.TAB
                .value()
                .ifPresent(
                        tab -> WindowModel.View.parse(tab)
                                .ifPresentOrElse(
                                        model.selectedProperty()::set,
                                        () -> System.err.println(
                                                "initlab: INITLAB_TAB: '" + tab
                                                        + "' is not a view (0–6 or training, z, saturation, layers, gradient, depth, sweep)")));
        Hook.AUDIT.value().ifPresent(v -> audit(stage, lab, "all".equals(v) ? Integer.MAX_VALUE : 5));
        Hook.LESSON.value().ifPresent(lesson -> openLesson(stage, lesson));
        Hook.PRESET.value().ifPresent(preset -> Presets.apply(lab, Presets.byName(preset)));
        if (Hook.AUTORUN.isOn()) afterTheData(lab, lab::run);
        Hook.SWEEP.value().ifPresent(spec -> {
            for (String k : model.sweep().fill(spec)) System.err.println("initlab: INITLAB_SWEEP: unknown key " + k);
            afterTheData(lab, model.sweep()::start);
        });
    }

    /**
     * Three seconds after the data is in, as a person would press Run after reading the window: a pulse
     * measurement then sees a run or a sweep start as in use (not tangled with the loading, the code compiled).
     */
    private static void afterTheData(LabViewModel lab, Runnable press) {
        Runnable wait = () -> {
            javafx.animation.PauseTransition pause =
                    new javafx.animation.PauseTransition(javafx.util.Duration.seconds(3));
            pause.setOnFinished(e -> press.run());
            pause.play();
        };
        if (lab.datasetProperty().get() != null) {
            wait.run();
            return;
        }
        lab.datasetProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Dataset> o, Dataset a, Dataset b) {
                if (b == null) return;
                lab.datasetProperty().removeListener(this);
                wait.run();
            }
        });
    }

    /** INITLAB_AUDIT=1 (=all: naming every problem): once the data and lessons are in, runs the layout audit, prints its counts, exits. */
    private static void audit(Stage stage, LabViewModel lab, int named) {
        LessonHost host = InitLabApp.lessons(stage.getScene());
        javafx.animation.AnimationTimer ready = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (lab.datasetProperty().get() == null
                        || host.viewModel().catalogue().isEmpty()) return;
                stop();
                System.out.printf(
                        java.util.Locale.ROOT,
                        "audit_window %.0fx%.0f %s%n",
                        stage.getScene().getWidth(),
                        stage.getScene().getHeight(),
                        I18n.locale().toLanguageTag());
                LayoutAudit.start(stage.getScene(), lab, host, Presentation::setLook)
                        .whenComplete((found, error) -> {
                            if (error != null) error.printStackTrace();
                            else System.out.print(found.report(named));
                            System.out.flush();
                            javafx.application.Platform.exit();
                        });
            }
        };
        ready.start();
    }

    /** INITLAB_LESSON=id[:step] opens a built-in lesson at a step (1-based; the steps before it are entered in turn), once the lessons are read. */
    private static void openLesson(Stage stage, String spec) {
        String id = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        int step;
        try {
            step = spec.contains(":") ? Integer.parseInt(spec.substring(spec.indexOf(':') + 1)) : 1;
        } catch (NumberFormatException e) {
            System.err.println("initlab: INITLAB_LESSON: '" + spec + "' is not id or id:step");
            return;
        }
        LessonHost host = InitLabApp.lessons(stage.getScene());
        Runnable open = () -> host.viewModel().catalogue().stream()
                .filter(l -> l.id().equals(id))
                .findFirst()
                .ifPresent(l -> {
                    host.open(l);
                    host.viewModel().jumpTo(step - 1);
                });
        if (!host.viewModel().catalogue().isEmpty()) open.run();
        else host.viewModel().catalogue().addListener((javafx.collections.ListChangeListener<Lesson>) c -> open.run());
    }
}
