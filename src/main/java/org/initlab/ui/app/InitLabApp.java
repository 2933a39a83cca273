package org.initlab.ui.app;

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
        I18n.setLocale(I18n.remembered());
        BackgroundRunner runner = new FxTaskRunner();
        lab = new LabViewModel(runner);
        theory = new ZViewModel(runner, lab.results().saturationThresholdProperty());
        Scene scene = createScene(lab, theory, pulses);
        stage.setScene(scene);
        installMenus(stage, scene);
        stage.setTitle(I18n.t("app.title"));
        stage.setOnCloseRequest(e -> {
            lab.shutdown();
            theory.shutdown();
            session.save(lab);
        });
        if (System.getenv("INITLAB_PRESET") == null) session.restore(lab);
        stage.show();
        autoRunForScreenshots(stage);
        reportResponsiveness(entered);
        lab.loadBundledData();
        theory.recompute();
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
        Tab zTab = new Tab(I18n.t("tab.z"));
        Tab saturationTab = new Tab(I18n.t("tab.saturation"));
        Tab layersTab = new Tab(I18n.t("tab.layers"));
        TabPane tabs = new TabPane(new Tab(I18n.t("tab.training"), new TrainingView(lab)), zTab, saturationTab, layersTab);
        java.util.List<Runnable> refreshers = new java.util.ArrayList<>();
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            if (tab == zTab || tab == saturationTab) zPanel.setExpanded(true); // their inputs
            if (tab.getContent() == null) {
                if (tab == zTab) {
                    ZDistributionView v = new ZDistributionView(theory);
                    refreshers.add(v::refresh);
                    tab.setContent(v);
                } else if (tab == saturationTab) {
                    SaturationView v = new SaturationView(theory, lab);
                    refreshers.add(v::refresh);
                    tab.setContent(v);
                } else if (tab == layersTab) {
                    LayersView v = new LayersView(lab);
                    refreshers.add(v::refresh);
                    tab.setContent(v);
                }
            }
            // Hidden views skip their redraws; the one being shown catches up (after layout, so it counts as shown).
            javafx.application.Platform.runLater(() -> refreshers.forEach(Runnable::run));
        });
        tabs.setId("viewTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);
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
                pulses.frame(now, lab.stateProperty().get().isBusy());
                long t0 = System.nanoTime();
                lab.applyEventsForOnePulse();
                theory.applyPendingResult();
                pulses.work(System.nanoTime() - t0);
            }
        };
        pump.start();
        Scene scene = new Scene(root, 1400, 860);
        scene.getProperties().put(PUMP, pump);
        return scene;
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
        boolean fullScreen = stage.isFullScreen();
        stage.setScene(scene);
        installMenus(stage, scene);
        stage.setTitle(I18n.t("app.title"));
        if (fullScreen) Presentation.toggle(stage);
        if (dataset != null) lab.useLoaded(dataset);
        else lab.loadBundledData();
        last.ifPresent(lab::openSavedRun);
        lab.statusProperty().set(I18n.t("status.languageChanged"));
        theory.recompute();
    }

    static final String PUMP = "initlab.pump";

    private void openSettings(Stage stage) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("InitLab settings", "*.json"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f == null) return;
        try {
            lab.apply(org.initlab.settings.SettingsJson.load(f.toPath(), lab.form().settingKeys()));
            lab.statusProperty().set(I18n.f("status.openedSettings", f));
        } catch (java.io.IOException ex) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, I18n.f("alert.nothingChanged", ex.getMessage())).show();
        }
    }

    private void saveSettings(Stage stage) {
        saveAs(stage, "my-experiment.json", null, f -> org.initlab.settings.SettingsJson.save(f, lab.form().settings()), "status.savedSettings");
    }

    /** File, View and Help menus and the keyboard shortcuts; they need the stage, so they are added after the scene is built. */
    private void installMenus(Stage stage, Scene scene) {
        BorderPane root = (BorderPane) scene.getRoot();
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) root.getTop();
        TabPane tabs = (TabPane) root.getCenter();
        javafx.scene.control.Menu file = new javafx.scene.control.Menu(I18n.t("menu.file"));
        javafx.scene.control.MenuItem png = new javafx.scene.control.MenuItem(I18n.t("item.exportPng"));
        png.setOnAction(e -> exportPng(stage, tabs.getSelectionModel().getSelectedItem().getContent()));
        javafx.scene.control.MenuItem csv = new javafx.scene.control.MenuItem(I18n.t("item.exportCsv"));
        csv.setOnAction(e -> exportLastRun(stage, "runs.csv", lab::exportCsv));
        javafx.scene.control.MenuItem json = new javafx.scene.control.MenuItem(I18n.t("item.exportJson"));
        json.setOnAction(e -> exportLastRun(stage, "run.json", lab::exportJson));
        javafx.scene.control.MenuItem openRun = new javafx.scene.control.MenuItem(I18n.t("item.openRun"));
        openRun.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("InitLab run", "*.json"));
            java.io.File f = chooser.showOpenDialog(stage);
            if (f == null) return;
            try {
                lab.openSavedRun(org.initlab.report.RunJson.load(f.toPath()));
            } catch (java.io.IOException | IllegalStateException ex) {
                new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, I18n.f("alert.nothingChanged", ex.getMessage())).show();
            }
        });
        javafx.scene.control.MenuItem quit = new javafx.scene.control.MenuItem(I18n.t("item.quit"));
        quit.setOnAction(e -> stage.close());
        javafx.scene.control.MenuItem open = new javafx.scene.control.MenuItem(I18n.t("item.openSettings"));
        open.setOnAction(e -> openSettings(stage));
        javafx.scene.control.MenuItem save = new javafx.scene.control.MenuItem(I18n.t("item.saveSettings"));
        save.setOnAction(e -> saveSettings(stage));
        file.getItems().addAll(open, save, new javafx.scene.control.SeparatorMenuItem(), openRun, json, csv, png,
                new javafx.scene.control.SeparatorMenuItem(), quit);
        javafx.scene.control.Menu view = new javafx.scene.control.Menu(I18n.t("menu.view"));
        javafx.scene.control.MenuItem presentation = new javafx.scene.control.MenuItem(I18n.t("item.presentation"));
        presentation.setAccelerator(Presentation.presentationKey());
        presentation.setOnAction(e -> Presentation.toggle(stage));
        javafx.scene.control.Menu language = new javafx.scene.control.Menu(I18n.t("menu.language"));
        javafx.scene.control.ToggleGroup languages = new javafx.scene.control.ToggleGroup();
        for (java.util.Locale l : I18n.LANGUAGES) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(I18n.nameOf(l));
            item.setToggleGroup(languages);
            item.setSelected(l.equals(I18n.locale()));
            item.setOnAction(e -> switchLanguage(stage, l));
            item.disableProperty().bind(lab.busyProperty());
            language.getItems().add(item);
        }
        view.getItems().addAll(presentation, language);
        javafx.scene.control.Menu help = new javafx.scene.control.Menu(I18n.t("menu.help"));
        javafx.scene.control.MenuItem keys = new javafx.scene.control.MenuItem(I18n.t("item.shortcuts"));
        keys.setOnAction(e -> {
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION, Presentation.shortcutsHelp());
            a.setHeaderText(I18n.t("item.shortcuts"));
            a.show();
        });
        help.getItems().add(keys);
        bar.getMenus().add(0, file);
        bar.getMenus().addAll(view, help);
        Presentation.installShortcuts(scene, stage, lab, tabs);
        root.addEventHandler(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            javafx.scene.Node n = e.getPickResult().getIntersectedNode();
            while (n != null && !(n instanceof javafx.scene.chart.Chart)) n = n.getParent();
            if (n == null) return;
            javafx.scene.Node chart = n;
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(I18n.t("item.exportChart"));
            item.setOnAction(a -> exportPng(stage, chart));
            new javafx.scene.control.ContextMenu(item).show(chart, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /** Something that writes a file: settings, the last run as CSV or JSON, a PNG. */
    private interface SaveAction {
        void write(java.nio.file.Path file) throws java.io.IOException;
    }

    private void exportLastRun(Stage stage, String initialName, SaveAction writer) {
        if (!lab.hasResults()) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION, I18n.t("alert.runFirst")).show();
            return;
        }
        saveAs(stage, initialName, null, writer, "status.wrote");
    }

    private void exportPng(Stage stage, javafx.scene.Node node) {
        saveAs(stage, "initlab.png", new javafx.stage.FileChooser.ExtensionFilter("PNG image", "*.png"), f -> ChartExport.writePng(node, f), "status.wrote");
    }

    /** Asks where, writes, and says so in the status bar; a failed write is shown and nothing else changes. */
    private void saveAs(Stage stage, String initialName, javafx.stage.FileChooser.ExtensionFilter filter, SaveAction writer, String statusKey) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setInitialFileName(initialName);
        if (filter != null) chooser.getExtensionFilters().add(filter);
        java.io.File f = chooser.showSaveDialog(stage);
        if (f == null) return;
        try {
            writer.write(f.toPath());
            lab.statusProperty().set(I18n.f(statusKey, f));
        } catch (java.io.IOException ex) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, I18n.f("alert.couldNotWrite", f, ex.getMessage())).show();
        }
    }

    /**
     * INITLAB_PULSES=1 prints when the first frame was drawn (ms after the JVM started) and, after each
     * run, how many pulses there were while training and the longest gap between two of them.
     */
    private void reportResponsiveness(long startEntered) {
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
            if (old.isBusy() && !now.isBusy()) {
                System.out.printf(java.util.Locale.ROOT, "pulses_while_training %d%nlongest_pulse_gap_ms %.1f%ngaps_over_50_ms_at %s%n", pulses.frames(),
                        pulses.longestGapMillis(), pulses.longGaps());
                System.out.printf(java.util.Locale.ROOT, "gaps_over_50_ms %d%nlongest_event_work_ms %.1f%n", pulses.gapsOver50(), pulses.longestWorkMillis());
                pulses.reset();
            }
        });
    }

    /** INITLAB_PRESET=name applies a preset; INITLAB_PRESENTATION=1 starts in presentation mode; INITLAB_AUTORUN=1 starts the run once the data is loaded; INITLAB_TAB=N opens tab N (0-based). For screenshots and demos. */
    private void autoRunForScreenshots(Stage stage) {
        String tab = System.getenv("INITLAB_TAB");
        if ("1".equals(System.getenv("INITLAB_PRESENTATION"))) Presentation.toggle(stage);
        if (tab != null && tab.matches("[0-9]")) {
            TabPane tabs = (TabPane) stage.getScene().lookup("#viewTabs");
            tabs.getSelectionModel().select(Math.min(Integer.parseInt(tab), tabs.getTabs().size() - 1));
        }
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

    @Override
    public void stop() {
        if (lab != null) lab.shutdown();
        if (theory != null) theory.shutdown();
        Platform.exit();
    }
}
