package org.initlab.ui.app;

import javafx.animation.AnimationTimer;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.initlab.ui.training.LabViewModel;
import org.initlab.ui.training.Presets;

/** The INITLAB_* environment hooks, for measurements, screenshots and demos. */
final class StartupHooks {
    private StartupHooks() {}

    /**
     * INITLAB_PULSES=1 prints when the first frame was drawn (ms after the JVM started) and, after each
     * run and each sweep, how many pulses there were meanwhile and the longest gap between two of them.
     */
    static void reportResponsiveness(long startEntered, LabViewModel lab, PulseMonitor pulses) {
        if (!"1".equals(System.getenv("INITLAB_PULSES"))) return;
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("start_method_ms_after_jvm_start " + (startEntered - jvmStart));
        System.out.println("scene_built_and_shown_ms_after_jvm_start " + (System.currentTimeMillis() - jvmStart));
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                System.out.println("first_frame_ms_after_jvm_start " + (System.currentTimeMillis() - jvmStart));
                stop();
            }
        }.start();
        lab.stateProperty().addListener((o, old, now) -> {
            if (old.isBusy() && !now.isBusy()) report(pulses, "pulses_while_training");
        });
        pulses.sweepingProperty().addListener((o, was, now) -> {
            if (was && !now) report(pulses, "pulses_while_sweeping");
        });
    }

    private static void report(PulseMonitor pulses, String what) {
        System.out.printf(java.util.Locale.ROOT, "%s %d%nlongest_pulse_gap_ms %.1f%ngaps_over_50_ms_at %s%n", what, pulses.frames(),
                pulses.longestGapMillis(), pulses.longGaps());
        System.out.printf(java.util.Locale.ROOT, "gaps_over_50_ms %d%nlongest_event_work_ms %.1f%n", pulses.gapsOver50(), pulses.longestWorkMillis());
        pulses.reset();
    }

    /** INITLAB_PRESET=name applies a preset; INITLAB_PRESENTATION=1 starts in presentation mode; INITLAB_AUTORUN=1 starts the run once the data is loaded; INITLAB_TAB=N opens tab N (0-based). For screenshots and demos. */
    static void autoRunForScreenshots(Stage stage, LabViewModel lab) {
        String tab = System.getenv("INITLAB_TAB");
        if ("1".equals(System.getenv("INITLAB_PRESENTATION"))) Presentation.toggle(stage);
        if (tab != null && tab.matches("[0-9]")) {
            TabPane tabs = (TabPane) stage.getScene().lookup("#viewTabs");
            tabs.getSelectionModel().select(Math.min(Integer.parseInt(tab), tabs.getTabs().size() - 1));
        }
        if (System.getenv("INITLAB_AUDIT") != null) audit(stage, lab, "all".equals(System.getenv("INITLAB_AUDIT")) ? Integer.MAX_VALUE : 5);
        String lesson = System.getenv("INITLAB_LESSON");
        if (lesson != null) openLesson(stage, lesson);
        String preset = System.getenv("INITLAB_PRESET");
        if (preset != null) Presets.apply(lab, Presets.byName(preset));
        if ("1".equals(System.getenv("INITLAB_AUTORUN"))) {
            // Three seconds after the data is in, as a person would press Run after reading the window (a pulse
            // measurement then sees a run start as in use: not tangled with the loading, the code compiled).
            lab.datasetProperty().addListener((o, old, now) -> {
                if (old == null && now != null) {
                    javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(3));
                    wait.setOnFinished(e -> lab.run());
                    wait.play();
                }
            });
        }
    }

    /** INITLAB_LANG=en|zh_CN: the window's language for this start (not remembered); empty when unset. */
    static java.util.Optional<java.util.Locale> language() {
        String lang = System.getenv("INITLAB_LANG");
        if (lang == null || lang.isBlank()) return java.util.Optional.empty();
        return java.util.Optional.of(lang.replace('_', '-').equalsIgnoreCase("zh-CN") ? org.initlab.ui.base.I18n.CHINESE : java.util.Locale.ENGLISH);
    }

    /** INITLAB_AUDIT=1 (=all: naming every problem): once the data and lessons are in, runs the layout audit, prints its counts, exits. */
    private static void audit(Stage stage, LabViewModel lab, int named) {
        org.initlab.ui.lessons.LessonHost host = InitLabApp.lessons(stage.getScene());
        javafx.animation.AnimationTimer ready = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (lab.datasetProperty().get() == null || host.viewModel().catalogue().isEmpty()) return;
                stop();
                System.out.printf(java.util.Locale.ROOT, "audit_window %.0fx%.0f %s%n", stage.getScene().getWidth(), stage.getScene().getHeight(),
                        org.initlab.ui.base.I18n.locale().toLanguageTag());
                org.initlab.ui.audit.LayoutAudit.start(stage.getScene(), lab, host).whenComplete((found, error) -> {
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
        int step = spec.contains(":") ? Integer.parseInt(spec.substring(spec.indexOf(':') + 1)) : 1;
        org.initlab.ui.lessons.LessonHost host = InitLabApp.lessons(stage.getScene());
        Runnable open = () -> host.viewModel().catalogue().stream().filter(l -> l.id().equals(id)).findFirst().ifPresent(l -> {
            host.open(l);
            host.viewModel().jumpTo(step - 1);
        });
        if (!host.viewModel().catalogue().isEmpty()) open.run();
        else host.viewModel().catalogue().addListener((javafx.collections.ListChangeListener<org.initlab.lessons.Lesson>) c -> open.run());
    }
}
