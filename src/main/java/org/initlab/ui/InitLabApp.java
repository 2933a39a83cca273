package org.initlab.ui;

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

    /** Called by {@code org.initlab.Main}, which does not extend Application. */
    public static void launchApp(String[] args) {
        Application.launch(InitLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        CrashHandler.install();
        BackgroundRunner runner = new FxTaskRunner();
        lab = new LabViewModel(runner);
        theory = new ZViewModel(runner, lab.saturationThresholdProperty());
        stage.setScene(createScene(lab, theory, pulses));
        stage.setTitle("InitLab — what weight initialization does to a neural network");
        stage.setOnCloseRequest(e -> {
            lab.shutdown();
            theory.shutdown();
        });
        stage.show();
        autoRunForScreenshots(stage);
        reportResponsiveness();
        lab.loadBundledData();
        theory.recompute();
    }

    /** Builds the whole scene for a view-model pair; tests use it with their own stage. */
    public static Scene createScene(LabViewModel lab, ZViewModel theory, PulseMonitor pulses) {
        BorderPane root = new BorderPane();
        ScrollPane side = new ScrollPane(new javafx.scene.layout.VBox(new SidePanel(lab), new ZPanel(theory)));
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setLeft(side);
        TabPane tabs = new TabPane(
                new Tab("Training", new TrainingView(lab)),
                new Tab("z distribution (500 ones)", new ZDistributionView(theory)),
                new Tab("σ'(z) saturation", new SaturationView(theory, lab)),
                new Tab("Layers (deep nets)", new LayersView(lab)));
        tabs.setId("viewTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);
        javafx.scene.control.Menu presets = new javafx.scene.control.Menu("Presets");
        presets.setId("presetsMenu");
        for (Presets.Preset p : Presets.all()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(p.name());
            item.setOnAction(e -> Presets.apply(lab, p));
            item.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> lab.stateProperty().get().isBusy(), lab.stateProperty()));
            presets.getItems().add(item);
        }
        root.setTop(new javafx.scene.control.MenuBar(presets));
        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.textProperty().bind(lab.statusProperty());
        status.progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> lab.stateProperty().get() == LabState.LOADING ? -1.0 : 0.0, lab.stateProperty()));
        root.setBottom(status);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.frame(now, lab.stateProperty().get().isBusy());
                lab.applyPendingEvents();
                theory.applyPendingResult();
            }
        }.start();
        return new Scene(root, 1400, 860);
    }

    /**
     * INITLAB_PULSES=1 prints when the first frame was drawn (ms after the JVM started) and, after each
     * run, how many pulses there were while training and the longest gap between two of them.
     */
    private void reportResponsiveness() {
        if (!"1".equals(System.getenv("INITLAB_PULSES"))) return;
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                System.out.println("first_frame_ms_after_jvm_start " + (System.currentTimeMillis() - jvmStart));
                stop();
            }
        }.start();
        lab.stateProperty().addListener((o, old, now) -> {
            if (old.isBusy() && !now.isBusy()) {
                System.out.printf(java.util.Locale.ROOT, "pulses_while_training %d%nlongest_pulse_gap_ms %.1f%n", pulses.frames(), pulses.longestGapMillis());
                pulses.reset();
            }
        });
    }

    /** INITLAB_PRESET=name applies a preset; INITLAB_AUTORUN=1 starts the run once the data is loaded; INITLAB_TAB=N opens tab N (0-based). For screenshots and demos. */
    private void autoRunForScreenshots(Stage stage) {
        String tab = System.getenv("INITLAB_TAB");
        if (tab != null && tab.matches("[0-9]")) {
            TabPane tabs = (TabPane) stage.getScene().lookup("#viewTabs");
            tabs.getSelectionModel().select(Math.min(Integer.parseInt(tab), tabs.getTabs().size() - 1));
        }
        String preset = System.getenv("INITLAB_PRESET");
        if (preset != null) Presets.apply(lab, Presets.byName(preset));
        if ("1".equals(System.getenv("INITLAB_AUTORUN"))) {
            lab.datasetProperty().addListener((o, old, now) -> {
                if (old == null && now != null) Platform.runLater(lab::run);
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
