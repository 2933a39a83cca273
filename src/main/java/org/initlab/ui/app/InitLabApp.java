package org.initlab.ui.app;

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
import org.initlab.data.Dataset;
import org.initlab.io.AtomicFiles;
import org.initlab.lessons.Lesson;
import org.initlab.report.RunJson;
import org.initlab.settings.LabSettings;
import org.initlab.ui.base.FrameDelay;
import org.initlab.ui.base.FxTaskRunner;
import org.initlab.ui.base.Hook;
import org.initlab.ui.base.I18n;
import org.initlab.ui.depth.DepthView;
import org.initlab.ui.gradient.GradientView;
import org.initlab.ui.layers.LayersView;
import org.initlab.ui.lessons.LessonHost;
import org.initlab.ui.lessons.LiveNumbers;
import org.initlab.ui.look.Theme;
import org.initlab.ui.sweep.SweepView;
import org.initlab.ui.theory.SaturationView;
import org.initlab.ui.theory.ZDistributionView;
import org.initlab.ui.theory.ZPanel;
import org.initlab.ui.theory.ZViewModel;
import org.initlab.ui.training.EpochScrubber;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.LabViewModel;
import org.initlab.ui.training.Presets;
import org.initlab.ui.training.SidePanel;
import org.initlab.ui.training.TrainingView;

/**
 * The window: side panel on the left, views in tabs, status bar at the bottom. Paints at once; ND4J and
 * MNIST load in the background. Training events are drained into the view-models once per pulse.
 */
public final class InitLabApp extends Application {
    private final PulseMonitor pulses = new PulseMonitor();
    private final SessionStore session = SessionStore.inUserHome();
    private Stage stage;

    /** The window's training view-model (tests drive the real window through it). */
    LabViewModel lab() {
        return model(stage.getScene()).lab();
    }

    /** Called by {@code Main}, which does not extend Application. */
    public static void launchApp(String[] args) {
        Application.launch(InitLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        long entered = System.currentTimeMillis();
        this.stage = stage;
        CrashHandler.install();
        I18n.setLocale(Hook.language().orElseGet(I18n::remembered)); // INITLAB_LANG: this start only, not remembered
        // INITLAB_THEME=modena keeps JavaFX's own look: a measurement hook, to compare the theme's cost
        // (docs/performance.md).
        if (!"modena".equals(Hook.THEME.value().orElse(""))) Theme.apply(Theme.atStart(), null);
        WindowModel model = WindowModel.create(new FxTaskRunner());
        Scene scene = createScene(model, pulses);
        Theme.style(scene);
        stage.setScene(scene);
        AppMenus.install(stage, scene, model.lab(), locale -> switchLanguage(stage, locale));
        Presentation.followFullScreen(stage);
        stage.setTitle(I18n.t("app.title"));
        fitToScreen(stage);
        stage.setOnCloseRequest(e -> {
            WindowModel m = model(stage.getScene());
            m.dispose();
            session.save(m.lab());
        });
        if (!Hook.PRESET.isSet()) session.restore(model.lab());
        stage.show();
        StartupHooks.autoRunForScreenshots(stage, model);
        StartupHooks.reportResponsiveness(entered, () -> model(stage.getScene()).lab(), pulses);
        model.lab().loadBundledData();
        model.theory().recompute();
        offerLessonsOnFirstStart(stage.getScene());
    }

    /** The first start shows the list of lessons beside the views (remembered in ~/.initlab/lessons-offered). */
    private static void offerLessonsOnFirstStart(Scene scene) {
        java.nio.file.Path marker =
                java.nio.file.Path.of(System.getProperty("user.home"), ".initlab", "lessons-offered");
        if (java.nio.file.Files.exists(marker) || Hook.PRESET.isSet()) return;
        lessons(scene).show();
        try {
            AtomicFiles.writeString(marker, "the list of lessons was shown at the first start\n");
        } catch (java.io.IOException e) {
            System.err.println("initlab: could not remember that the lessons were offered: " + e.getMessage());
        }
    }

    /** Builds the whole scene for a view-model pair (the sweep and the Depth tab on an FX task runner); tests use it with their own stage. */
    public static Scene createScene(LabViewModel lab, ZViewModel theory, PulseMonitor pulses) {
        return createScene(new WindowModel(new FxTaskRunner(), lab, theory), pulses);
    }

    /** Builds the whole scene for a window model. */
    public static Scene createScene(WindowModel model, PulseMonitor pulses) {
        LabViewModel lab = model.lab();
        ZViewModel theory = model.theory();
        lab.setFrameDelay(FrameDelay.PULSES);
        lab.drainEventsInPulses();
        BorderPane root = new BorderPane();
        ZPanel zPanel = new ZPanel(theory);
        SidePanel sidePanel = new SidePanel(lab);
        ScrollPane settings = new ScrollPane(new javafx.scene.layout.VBox(sidePanel, zPanel));
        settings.setFitToWidth(true);
        settings.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // The settings scroll; Run and Cancel stay in view under them (a 1280 × 720 window has no room for both).
        BorderPane side = new BorderPane(settings, null, null, sidePanel.runButtons(), null);
        root.setLeft(side);
        // Only the training tab is built now; the others on first selection (their charts cost start-up time).
        TabPane tabs = new TabPane();
        java.util.List<Runnable> refreshers = new java.util.ArrayList<>();
        java.util.Map<Tab, LazyView> lazy = new java.util.HashMap<>();
        java.util.List<String> tabNames = new java.util.ArrayList<>();
        for (LazyView v : views(model)) {
            Tab tab = new Tab(I18n.t(v.view().titleKey()));
            if (v.view() == WindowModel.View.TRAINING) tab.setContent(new TrainingView(lab));
            else lazy.put(tab, v);
            tabs.getTabs().add(tab);
            tabNames.add(v.view().id()); // a lesson's name for it
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
        // The model's selected view and the tabs follow each other (keys, lessons, hooks and clicks all select through
        // either).
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) model.selectedProperty().set(WindowModel.View.values()[i.intValue()]);
        });
        model.selectedProperty()
                .addListener((o, a, view) -> tabs.getSelectionModel().select(view.ordinal()));
        tabs.getSelectionModel().select(model.selectedProperty().get().ordinal());
        tabs.setId("viewTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // One epoch scrubber under the views: every view that depends on a run follows it.
        javafx.scene.layout.VBox center = new javafx.scene.layout.VBox(tabs, new EpochScrubber(lab.results()));
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
        javafx.scene.control.MenuItem fiveHundredOnes =
                new javafx.scene.control.MenuItem(I18n.t("preset.fiveHundredOnes"));
        fiveHundredOnes.setOnAction(e -> {
            theory.reset();
            model.selectedProperty().set(WindowModel.View.Z);
        });
        presets.getItems().add(1, fiveHundredOnes);
        presets.getItems().add(0, AppMenus.busyNote(lab));
        root.setTop(new javafx.scene.control.MenuBar(presets));
        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.textProperty().bind(lab.statusProperty());
        status.progressProperty()
                .bind(javafx.beans.binding.Bindings.createDoubleBinding(
                        () -> lab.stateProperty().get() == LabState.LOADING ? -1.0 : 0.0, lab.stateProperty()));
        root.setBottom(status);
        pulses.sweepingProperty().bind(model.sweep().runningProperty());
        pulses.trainingProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> lab.stateProperty().get().isBusy(), lab.stateProperty()));
        AnimationTimer pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.frame(now, lab.busyProperty().get());
                long t0 = System.nanoTime();
                model.applyForOnePulse();
                pulses.work(System.nanoTime() - t0);
            }
        };
        pump.start();
        Scene scene = new Scene(root, 1400, 860);
        // The pump holds the view-models (and through them the dataset): it runs while the window shows. The
        // listener leaves the window with the scene (a language switch), or the window would hold the old model.
        javafx.beans.value.ChangeListener<Boolean> showing = (w, was, shown) -> {
            if (shown) pump.start();
            else pump.stop();
        };
        scene.windowProperty().addListener((o, old, window) -> {
            if (old != null) old.showingProperty().removeListener(showing);
            if (window != null) window.showingProperty().addListener(showing);
        });
        LessonHost lessons = new LessonHost(
                root, tabs, tabNames, lab, theory, new LiveNumbers(model.lessonNumbers()), new FxTaskRunner());
        lessons.viewModel().useSweep(model.sweep());
        lessons.installKeys(scene);
        scene.getProperties().put(LESSONS, lessons);
        scene.getProperties().put(PUMP, pump);
        scene.getProperties().put(MODEL, model);
        scene.getProperties().put(PULSES, pulses);
        return scene;
    }

    /** The window's views in tab order (keys 1, 2, … select them); all but Training are built when first selected. */
    private static java.util.List<LazyView> views(WindowModel model) {
        LabViewModel lab = model.lab();
        ZViewModel theory = model.theory();
        return java.util.List.of(
                new LazyView(WindowModel.View.TRAINING, false, () -> {
                    throw new IllegalStateException("the Training tab is built with the window");
                }),
                new LazyView(WindowModel.View.Z, true, () -> {
                    ZDistributionView v = new ZDistributionView(theory);
                    return new LazyView.Built(v, v::refresh);
                }),
                new LazyView(WindowModel.View.SATURATION, true, () -> {
                    SaturationView v = new SaturationView(theory, lab);
                    return new LazyView.Built(v, v::refresh);
                }),
                new LazyView(WindowModel.View.LAYERS, false, () -> {
                    LayersView v = new LayersView(lab);
                    return new LazyView.Built(v, v::refresh);
                }),
                new LazyView(WindowModel.View.GRADIENT, false, () -> {
                    GradientView v = new GradientView(lab);
                    return new LazyView.Built(v, v::refresh);
                }),
                new LazyView(WindowModel.View.DEPTH, false, () -> {
                    DepthView v = new DepthView(model.depth());
                    return new LazyView.Built(v, v::refresh);
                }),
                new LazyView(WindowModel.View.SWEEP, false, () -> {
                    SweepView v = new SweepView(
                            model.sweep(), lab, () -> model.selectedProperty().set(WindowModel.View.TRAINING));
                    return new LazyView.Built(v, v::refresh);
                }));
    }

    /**
     * Rebuilds the window in another language, keeping the settings, the loaded dataset, the last run's
     * results, the open lesson's step and each view's state ({@link WindowModel.Kept}); not while the window
     * is busy (the items are disabled then). The old views are detached from the scene, which stops their
     * timers, and the old model is disposed. The choice is remembered.
     */
    static void switchLanguage(Stage stage, java.util.Locale l) {
        Scene old = stage.getScene();
        WindowModel was = model(old);
        if (l.equals(I18n.locale()) || was.lab().busyProperty().get()) return;
        LabViewModel lab = was.lab();
        LabSettings settings = lab.form().settings();
        Dataset dataset = lab.datasetProperty().get();
        java.util.Optional<RunJson.SavedRun> last = lab.lastRun();
        WindowModel.Kept kept = was.keep();
        LessonHost oldLessons = lessons(old);
        boolean lessonsShown = oldLessons.isShown();
        Lesson lesson = oldLessons.viewModel().lessonProperty().get();
        int lessonStep = oldLessons.viewModel().indexProperty().get();
        boolean presenting = Presentation.isPresenting(stage);
        was.dispose();
        if (old.getProperties().get(PUMP) instanceof AnimationTimer t) t.stop();
        I18n.setLocale(l);
        I18n.remember(l);
        WindowModel model = WindowModel.create(new FxTaskRunner());
        try {
            model.lab().apply(settings);
        } catch (java.io.IOException ex) {
            // the settings came from a valid view-model; nothing to report
        }
        Scene scene = createScene(model, (PulseMonitor) old.getProperties().get(PULSES));
        Theme.style(scene);
        if (presenting) Presentation.setPresenting(stage, false);
        // The old views leave their scene while it is still the window's: their own timers stop, and skins that
        // listen to the window (the menu bar's focus) let go of it. Then the old scene leaves the window.
        old.getProperties().clear();
        old.setRoot(new javafx.scene.Group());
        stage.setScene(scene);
        AppMenus.install(stage, scene, model.lab(), locale -> switchLanguage(stage, locale));
        stage.setTitle(I18n.t("app.title"));
        if (presenting) Presentation.setPresenting(stage, true);
        if (dataset != null) model.lab().useLoaded(dataset);
        else model.lab().loadBundledData();
        last.ifPresent(model.lab()::openSavedRun);
        model.restore(kept);
        model.lab().statusProperty().set(I18n.t("status.languageChanged"));
        if (lessonsShown) lessons(scene).show();
        if (lesson != null) lessons(scene).viewModel().resume(lesson, lessonStep);
        model.theory().recompute();
    }

    static final String PUMP = "initlab.pump";
    static final String LESSONS = "initlab.lessons";
    static final String MODEL = "initlab.model";
    static final String PULSES = "initlab.pulses";

    /** The scene's window model. */
    static WindowModel model(Scene scene) {
        return (WindowModel) scene.getProperties().get(MODEL);
    }

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
        if (stage != null && stage.getScene() != null && model(stage.getScene()) != null)
            model(stage.getScene()).dispose();
        Platform.exit();
    }
}
