package org.initlab.ui.app;

import org.initlab.ui.lessons.LessonHost;

import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.FrameDelay;
import org.initlab.ui.base.FxTaskRunner;
import org.initlab.ui.base.I18n;
import org.initlab.ui.chart.ChartExport;
import org.initlab.ui.layers.LayersView;
import org.initlab.ui.theory.SaturationView;
import org.initlab.ui.theory.ZDistributionView;
import org.initlab.ui.theory.ZPanel;
import org.initlab.ui.theory.ZViewModel;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.LabViewModel;
import org.initlab.ui.training.Presets;
import org.initlab.ui.training.SidePanel;
import org.initlab.ui.training.TrainingView;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/**
 * The window: side panel on the left, views in tabs, status bar at the bottom. Paints at once; ND4J and
 * MNIST load in the background. Training events are drained into the view-models once per pulse.
 */
public final class InitLabApp extends Application {
    private LabViewModel lab;
    private ZViewModel theory;
    private final PulseMonitor pulses = new PulseMonitor();
    private final SessionStore session = SessionStore.inUserHome();

    /** The window's training view-model (tests drive the real window through it). */
    LabViewModel lab() {
        return lab;
    }

    /** Called by {@code org.initlab.Main}, which does not extend Application. */
    public static void launchApp(String[] args) {
        Application.launch(InitLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        long entered = System.currentTimeMillis();
        CrashHandler.install();
        I18n.setLocale(StartupHooks.language().orElse(I18n.remembered()));
        // INITLAB_THEME=modena keeps JavaFX's own look: a measurement hook, to compare the theme's cost (docs/performance.md).
        if (!"modena".equals(System.getenv("INITLAB_THEME"))) org.initlab.ui.look.Theme.apply(org.initlab.ui.look.Theme.atStart(), null);
        BackgroundRunner runner = new FxTaskRunner();
        lab = new LabViewModel(runner);
        theory = new ZViewModel(runner, lab.results().saturationThresholdProperty());
        Scene scene = createScene(lab, theory, pulses);
        org.initlab.ui.look.Theme.style(scene);
        stage.setScene(scene);
        AppMenus.install(stage, scene, lab, locale -> switchLanguage(stage, locale));
        stage.setTitle(I18n.t("app.title"));
        fitToScreen(stage);
        stage.setOnCloseRequest(e -> {
            lab.shutdown();
            theory.shutdown();
            session.save(lab);
        });
        if (System.getenv("INITLAB_PRESET") == null) session.restore(lab);
        stage.show();
        StartupHooks.autoRunForScreenshots(stage, lab);
        StartupHooks.reportResponsiveness(entered, lab, pulses);
        lab.loadBundledData();
        theory.recompute();
        offerLessonsOnFirstStart(stage.getScene());
    }

    /** The first start shows the list of lessons beside the views (remembered in ~/.initlab/lessons-offered). */
    private static void offerLessonsOnFirstStart(Scene scene) {
        java.nio.file.Path marker = java.nio.file.Path.of(System.getProperty("user.home"), ".initlab", "lessons-offered");
        if (java.nio.file.Files.exists(marker) || System.getenv("INITLAB_PRESET") != null) return;
        lessons(scene).show();
        try {
            org.initlab.io.AtomicFiles.writeString(marker, "the list of lessons was shown at the first start\n");
        } catch (java.io.IOException e) {
            System.err.println("initlab: could not remember that the lessons were offered: " + e.getMessage());
        }
    }

    /** Builds the whole scene for a view-model pair; tests use it with their own stage. */
    public static Scene createScene(LabViewModel lab, ZViewModel theory, PulseMonitor pulses) {
        lab.setFrameDelay(FrameDelay.PULSES);
        lab.drainEventsInPulses();
        BorderPane root = new BorderPane();
        ZPanel zPanel = new ZPanel(theory);
        ScrollPane side = new ScrollPane(new javafx.scene.layout.VBox(new SidePanel(lab), zPanel));
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setLeft(side);
        // Only the training tab is built now; the others on first selection (their charts cost start-up time).
        TabPane tabs = new TabPane(new Tab(I18n.t("tab.training"), new TrainingView(lab)));
        java.util.List<Runnable> refreshers = new java.util.ArrayList<>();
        java.util.Map<Tab, LazyView> lazy = new java.util.HashMap<>();
        java.util.List<String> tabNames = new java.util.ArrayList<>(java.util.List.of("training"));
        for (LazyView v : lazyViews(lab, theory, pulses)) {
            Tab tab = new Tab(I18n.t(v.titleKey()));
            lazy.put(tab, v);
            tabs.getTabs().add(tab);
            tabNames.add(v.titleKey().substring("tab.".length())); // a lesson's name for it
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            LazyView v = lazy.get(tab);
            if (v != null && v.usesZInputs()) zPanel.setExpanded(true);
            if (v != null && tab.getContent() == null) {
                LazyView.Built built = v.build().get();
                refreshers.add(built.refresh());
                tab.setContent(built.node());
            }
            // Hidden views skip their redraws; the one being shown catches up (after layout, so it counts as shown).
            javafx.application.Platform.runLater(() -> refreshers.forEach(Runnable::run));
        });
        tabs.setId("viewTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // One epoch scrubber under the views: every view that depends on a run follows it.
        javafx.scene.layout.VBox center = new javafx.scene.layout.VBox(tabs, new org.initlab.ui.training.EpochScrubber(lab.results()));
        javafx.scene.layout.VBox.setVgrow(tabs, javafx.scene.layout.Priority.ALWAYS);
        root.setCenter(center);
        javafx.scene.control.Menu presets = new javafx.scene.control.Menu(I18n.t("menu.presets"));
        presets.setId("presetsMenu");
        for (Presets.Preset p : Presets.all()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(p.name());
            item.setOnAction(e -> Presets.apply(lab, p));
            item.disableProperty().bind(lab.busyProperty());
            presets.getItems().add(item);
        }
        javafx.scene.control.MenuItem fiveHundredOnes = new javafx.scene.control.MenuItem(I18n.t("preset.fiveHundredOnes"));
        fiveHundredOnes.setOnAction(e -> {
            theory.reset();
            tabs.getSelectionModel().select(1);
        });
        presets.getItems().add(1, fiveHundredOnes);
        root.setTop(new javafx.scene.control.MenuBar(presets));
        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.textProperty().bind(lab.statusProperty());
        status.progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> lab.stateProperty().get() == LabState.LOADING ? -1.0 : 0.0, lab.stateProperty()));
        root.setBottom(status);
        AnimationTimer pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.frame(now, lab.stateProperty().get().isBusy() || pulses.sweepingProperty().get());
                long t0 = System.nanoTime();
                lab.applyEventsForOnePulse();
                theory.applyPendingResult();
                pulses.work(System.nanoTime() - t0);
            }
        };
        pump.start();
        Scene scene = new Scene(root, 1400, 860);
        // The pump holds the view-models (and through them the dataset): it runs while the window shows.
        scene.windowProperty().addListener((o, old, window) -> {
            if (window != null) window.showingProperty().addListener((w, was, showing) -> {
                if (showing) pump.start();
                else pump.stop();
            });
        });
        LessonHost lessons = new LessonHost(root, tabs, tabNames, lab, theory, new FxTaskRunner());
        lessons.installKeys(scene);
        scene.getProperties().put(LESSONS, lessons);
        scene.getProperties().put(PUMP, pump);
        return scene;
    }

    /** The tabs after Training, in order (keys 2, 3, … select them); each is built when first selected. */
    private static java.util.List<LazyView> lazyViews(LabViewModel lab, ZViewModel theory, PulseMonitor pulses) {
        return java.util.List.of(
                new LazyView("tab.z", true, () -> {
                    ZDistributionView v = new ZDistributionView(theory);
                    return new LazyView.Built(v, v::refresh);
                }),
                new LazyView("tab.saturation", true, () -> {
                    SaturationView v = new SaturationView(theory, lab);
                    return new LazyView.Built(v, v::refresh);
                }),
                new LazyView("tab.layers", false, () -> {
                    LayersView v = new LayersView(lab);
                    return new LazyView.Built(v, v::refresh);
                }),
                new LazyView("tab.gradient", false, () -> {
                    org.initlab.ui.gradient.GradientView v = new org.initlab.ui.gradient.GradientView(lab);
                    return new LazyView.Built(v, v::refresh);
                }),
                new LazyView("tab.depth", false, () -> {
                    org.initlab.ui.depth.DepthView v = new org.initlab.ui.depth.DepthView(new org.initlab.ui.depth.DepthViewModel(
                            new org.initlab.ui.base.FxTaskRunner(), () -> lab.datasetProperty().get() == null ? null : lab.datasetProperty().get().train()));
                    return new LazyView.Built(v, v::refresh);
                }),
                new LazyView("tab.sweep", false, () -> {
                    org.initlab.ui.sweep.SweepViewModel vm = new org.initlab.ui.sweep.SweepViewModel(lab.datasetProperty()::get, () -> lab.form().settings());
                    pulses.sweepingProperty().bind(vm.runningProperty());
                    org.initlab.ui.sweep.SweepView v = new org.initlab.ui.sweep.SweepView(vm, lab);
                    return new LazyView.Built(v, v::refresh);
                }));
    }

    /**
     * Rebuilds the window in another language, keeping the settings, the loaded dataset and the last
     * run's results (not during a run: the item is disabled then). The choice is remembered.
     */
    private void switchLanguage(Stage stage, java.util.Locale l) {
        if (l.equals(I18n.locale()) || lab.stateProperty().get().isBusy()) return;
        org.initlab.settings.LabSettings settings = lab.form().settings();
        org.initlab.data.Dataset dataset = lab.datasetProperty().get();
        java.util.Optional<org.initlab.report.RunJson.SavedRun> last = lab.lastRun();
        LessonHost oldLessons = lessons(stage.getScene());
        boolean lessonsShown = oldLessons.isShown();
        org.initlab.lessons.Lesson lesson = oldLessons.viewModel().lessonProperty().get();
        int lessonStep = oldLessons.viewModel().indexProperty().get();
        lab.shutdown();
        theory.shutdown();
        Object oldPump = stage.getScene().getProperties().get(PUMP);
        if (oldPump instanceof AnimationTimer t) t.stop();
        I18n.setLocale(l);
        I18n.remember(l);
        BackgroundRunner runner = new FxTaskRunner();
        lab = new LabViewModel(runner);
        theory = new ZViewModel(runner, lab.results().saturationThresholdProperty());
        try {
            lab.apply(settings);
        } catch (java.io.IOException ex) {
            // the settings came from a valid view-model; nothing to report
        }
        Scene scene = createScene(lab, theory, pulses);
        org.initlab.ui.look.Theme.style(scene);
        boolean fullScreen = stage.isFullScreen();
        stage.setScene(scene);
        AppMenus.install(stage, scene, lab, locale -> switchLanguage(stage, locale));
        stage.setTitle(I18n.t("app.title"));
        if (fullScreen) Presentation.toggle(stage);
        if (dataset != null) lab.useLoaded(dataset);
        else lab.loadBundledData();
        last.ifPresent(lab::openSavedRun);
        lab.statusProperty().set(I18n.t("status.languageChanged"));
        if (lessonsShown) lessons(scene).show();
        if (lesson != null) lessons(scene).viewModel().resume(lesson, lessonStep);
        theory.recompute();
    }

    static final String PUMP = "initlab.pump";
    static final String LESSONS = "initlab.lessons";

    /** The scene's lesson player. */
    static LessonHost lessons(Scene scene) {
        return (LessonHost) scene.getProperties().get(LESSONS);
    }

    /**
     * The window opens at its designed 1400 × 860 where the screen it is on has room (centred there), and
     * fills the screen's usable area where it has not (a 1280 × 720 projector).
     */
    static void fitToScreen(Stage stage) {
        javafx.geometry.Rectangle2D area = javafx.stage.Screen.getPrimary().getVisualBounds();
        double w = Math.min(DESIGNED_WIDTH, area.getWidth()), h = Math.min(DESIGNED_HEIGHT, area.getHeight());
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(area.getMinX() + (area.getWidth() - w) / 2);
        stage.setY(area.getMinY() + (area.getHeight() - h) / 2);
    }

    static final double DESIGNED_WIDTH = 1400, DESIGNED_HEIGHT = 860;

    @Override
    public void stop() {
        if (lab != null) lab.shutdown();
        if (theory != null) theory.shutdown();
        Platform.exit();
    }
}
