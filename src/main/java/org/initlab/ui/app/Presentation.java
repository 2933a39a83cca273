package org.initlab.ui.app;

import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.initlab.ui.base.I18n;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.LabViewModel;

/**
 * Classroom use: presentation mode (full screen, larger text, thicker lines, high-contrast palette) and
 * keyboard shortcuts — Space run / pause / resume (when the focused control has no use for it), Esc leaves
 * presentation mode (and nothing else: a run is cancelled by its Cancel button), 1–7 switch views, F9 the side
 * panel, F11 presentation mode.
 */
public final class Presentation {
    public static final String STYLE_CLASS = "presentation";
    // Larger text and thicker lines; the colours are the theme's (org.initlab.ui.look), in both themes.
    private static final String CSS = "data:text/css;base64,"
            + java.util.Base64.getEncoder()
                    .encodeToString((".root.presentation { -fx-font-size: 17px; }\n"
                                    + ".presentation .chart-series-line { -fx-stroke-width: 4px; }\n"
                                    + ".presentation .chart-title { -fx-font-size: 22px; }\n"
                                    + ".presentation .axis { -fx-tick-label-font-size: 16px; }\n"
                                    + ".presentation .chart-legend { -fx-font-size: 16px; }\n"
                                    + ".presentation .axis-label { -fx-font-size: 15px; }\n"
                                    + ".presentation .table-view .column-header .label { -fx-font-size: 15px; }\n"
                                    + ".presentation .chart-line-symbol { -fx-padding: 6px; }\n"
                                    // Every tab stays one click away on a 1280-pixel projector, the lesson panel open:
                                    // the titles keep their size.
                                    + ".presentation .tab-pane > .tab-header-area .tab-label { -fx-font-size: 13px; }\n"
                                    // The charts come first: the summary text keeps a few lines and scrolls.
                                    + ".presentation #summaryScroll { -fx-pref-height: 60px; }\n"
                                    // The stacked charts of the Layers and σ'(z) tabs: a legend at the side leaves the
                                    // plot its height.
                                    + ".presentation #zLayersChart, .presentation #aLayersChart, .presentation #gradLayersChart,"
                                    + " .presentation #saturationCurves, .presentation #liveZChart { -fx-legend-side: right; }\n"
                                    // Their titles at the text's size: one line each beside the lesson panel at 1280
                                    // px.
                                    + ".presentation #zLayersChart .chart-title, .presentation #aLayersChart .chart-title,"
                                    + " .presentation #gradLayersChart .chart-title, .presentation #saturationCurves .chart-title,"
                                    + " .presentation #liveZChart .chart-title, .presentation #zChartA .chart-title,"
                                    + " .presentation #zChartB .chart-title { -fx-font-size: 17px; }\n"
                                    // The z tab's derivations wrap beside the lesson panel: a size that keeps the
                                    // histograms above 160 px at 1280 × 720.
                                    + ".presentation #derivationA, .presentation #derivationB { -fx-font-size: 14px; }\n"
                                    // The σ'(z) numbers' 13 lines fit beside the σ curves in half the tab's height, and
                                    // the curves' side legend leaves their plot a readable width beside them.
                                    + ".presentation #saturationNumbers { -fx-font-size: 13px; }\n"
                                    + ".presentation #saturationCurves .chart-legend { -fx-font-size: 14px; }\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    /** Presentation text is this much larger than the default 13px: the table's columns widen with it. */
    static final double TEXT_SCALE = 17.0 / 13.0;

    private static final String SIDE_BEFORE = "initlab.sidePanelBeforePresenting";
    private static final String SIDE = "initlab.sidePanel",
            STRIP = "initlab.sideStrip",
            WRAPPER = "initlab.sideWrapper",
            WIDTH = "initlab.designedWidth";

    private Presentation() {}

    public static void toggle(Stage stage) {
        setPresenting(stage, !isPresenting(stage));
    }

    /** Whether the window is in presentation mode. */
    static boolean isPresenting(Stage stage) {
        return stage.getScene() != null
                && stage.getScene().getRoot().getStyleClass().contains(STYLE_CLASS);
    }

    /**
     * Enters or leaves presentation mode. Leaving restores the window as it was before: the normal text, the
     * table's columns, and the side panel shown or folded as it was.
     */
    static void setPresenting(Stage stage, boolean on) {
        Scene scene = stage.getScene();
        if (on == isPresenting(stage)) {
            if (stage.isFullScreen() != on) stage.setFullScreen(on);
            return;
        }
        setLook(scene, on);
        stage.setFullScreenExitHint(I18n.t("help.fullScreenExit"));
        if (stage.isFullScreen() != on) stage.setFullScreen(on);
    }

    /**
     * Presentation mode's look without full screen (the layout audit checks it at the window's size): the larger
     * text, the folded side panel and the table's columns, or back as they were.
     */
    public static void setLook(Scene scene, boolean on) {
        if (on == scene.getRoot().getStyleClass().contains(STYLE_CLASS)) return;
        if (!scene.getStylesheets().contains(CSS)) scene.getStylesheets().add(CSS);
        javafx.scene.layout.BorderPane root = scene.getRoot() instanceof javafx.scene.layout.BorderPane b ? b : null;
        if (on) {
            if (root != null) root.getProperties().put(SIDE_BEFORE, isSidePanelShown(root));
            scene.getRoot().getStyleClass().add(STYLE_CLASS);
        } else {
            scene.getRoot().getStyleClass().remove(STYLE_CLASS);
        }
        // The side panel folds away (F9 or the strip's button bring it back); the charts and the table take the room.
        if (root != null) {
            boolean shown =
                    on ? false : !Boolean.FALSE.equals(root.getProperties().remove(SIDE_BEFORE));
            setSidePanelShown(root, shown, on);
            scaleTableColumns(scene, on);
        }
    }

    /**
     * Full screen left by other means than the menu (the platform's own Esc, the window manager) leaves
     * presentation mode too, so that the large text and the folded panel never outlive it. Once per stage.
     */
    static void followFullScreen(Stage stage) {
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now && isPresenting(stage)) setPresenting(stage, false);
        });
    }

    /** F9 / View > side panel: shows or hides the settings panel (in presentation mode it starts folded). */
    static void toggleSidePanel(Scene scene) {
        if (!(scene.getRoot() instanceof javafx.scene.layout.BorderPane root)) return;
        boolean presenting = root.getStyleClass().contains(STYLE_CLASS);
        setSidePanelShown(root, !isSidePanelShown(root), presenting);
    }

    static boolean isSidePanelShown(javafx.scene.layout.BorderPane root) {
        Object side = root.getProperties().get(SIDE);
        if (side == null) return root.getLeft() != null;
        javafx.scene.Node left = root.getLeft();
        return left == side || left == root.getProperties().get(WRAPPER);
    }

    /**
     * Shows the side panel (with a "hide" button on top in presentation mode) or folds it to a narrow strip
     * whose button brings it back.
     */
    static void setSidePanelShown(javafx.scene.layout.BorderPane root, boolean shown, boolean presenting) {
        javafx.scene.Node side = (javafx.scene.Node) root.getProperties().computeIfAbsent(SIDE, k -> root.getLeft());
        if (side == null) return;
        javafx.scene.layout.BorderPane wrapper =
                (javafx.scene.layout.BorderPane) root.getProperties().computeIfAbsent(WRAPPER, k -> {
                    javafx.scene.control.Button hide = new javafx.scene.control.Button(I18n.t("button.hideSettings"));
                    hide.setId("hideSidePanel");
                    hide.setFocusTraversable(false);
                    hide.setTooltip(new javafx.scene.control.Tooltip(I18n.t("tooltip.sidePanel")));
                    hide.setOnAction(e -> setSidePanelShown(root, false, true));
                    hide.setMaxWidth(Double.MAX_VALUE);
                    javafx.scene.layout.BorderPane w = new javafx.scene.layout.BorderPane();
                    w.setTop(hide);
                    return w;
                });
        javafx.scene.layout.VBox strip =
                (javafx.scene.layout.VBox) root.getProperties().computeIfAbsent(STRIP, k -> {
                    javafx.scene.control.Button show = new javafx.scene.control.Button(I18n.t("button.showSettings"));
                    show.setId("showSidePanel");
                    show.setFocusTraversable(false);
                    show.setTooltip(new javafx.scene.control.Tooltip(I18n.t("tooltip.sidePanel")));
                    show.setOnAction(e ->
                            setSidePanelShown(root, true, root.getStyleClass().contains(STYLE_CLASS)));
                    show.setRotate(-90); // read bottom to top: the strip is only a button's height wide
                    javafx.scene.layout.VBox v = new javafx.scene.layout.VBox(new javafx.scene.Group(show));
                    v.getStyleClass().add("side-panel-strip");
                    return v;
                });
        wrapper.setCenter(null);
        if (!shown) {
            root.setLeft(strip);
        } else if (presenting) {
            wrapper.setCenter(side);
            root.setLeft(wrapper);
        } else {
            root.setLeft(side);
        }
    }

    /** The summary table's columns widen with presentation mode's larger text, and narrow back after it. */
    private static void scaleTableColumns(Scene scene, boolean on) {
        if (!(scene.lookup("#summaryTable") instanceof javafx.scene.control.TableView<?> table)) return;
        var columns = table.getColumns();
        for (int i = 0; i < columns.size(); i++) {
            javafx.scene.control.TableColumn<?, ?> c = columns.get(i);
            double designed = (double) c.getProperties().computeIfAbsent(WIDTH, k -> c.getPrefWidth());
            // The numbers' columns widen with the text (a little more: bold headers); the scheme's name and the
            // progress bar need less, so that the whole row fits a 1280-pixel projector.
            double scale = i == 0 ? 1.1 : i == 1 ? 0.9 : TEXT_SCALE * 1.04;
            c.setPrefWidth(on ? Math.ceil(designed * scale) : designed);
        }
        // The table gets shorter and its rows scroll: the charts need the room at 1280 × 720.
        double height = (double) table.getProperties().computeIfAbsent(WIDTH, k -> table.getPrefHeight());
        table.setPrefHeight(on ? Math.ceil(height * 0.8) : height);
    }

    /**
     * Shortcuts that never destroy work and never steal a key from the focused control: Esc only leaves
     * presentation mode (a menu or dialog open takes its Esc first); Space runs, pauses or resumes only when the
     * focused control has no use for it; digits select views when no text field has the focus.
     */
    public static void installShortcuts(Scene scene, Stage stage, LabViewModel lab, TabPane tabs) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F11), () -> toggle(stage));
        scene.getAccelerators().put(sidePanelKey(), () -> toggleSidePanel(scene));
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            javafx.scene.Node focus = scene.getFocusOwner();
            boolean typing = focus instanceof javafx.scene.control.TextInputControl;
            if (e.getCode() == KeyCode.ESCAPE) {
                if (isPresenting(stage) && !popupShowing(stage)) {
                    setPresenting(stage, false);
                    e.consume();
                }
            } else if (e.getCode() == KeyCode.SPACE && !usesSpace(focus)) {
                LabState s = lab.stateProperty().get();
                if (s == LabState.RUNNING || s == LabState.PAUSED) lab.pauseOrResume();
                else lab.run();
                e.consume();
            } else if (!typing && e.getCode().isDigitKey()) {
                int index = e.getCode().getCode() - KeyCode.DIGIT1.getCode();
                if (index >= 0 && index < tabs.getTabs().size()) {
                    tabs.getSelectionModel().select(index);
                    e.consume();
                }
            }
        });
    }

    /** Controls that Space acts on (press a button, tick a box, choose in a list, type a space): they keep it. */
    static boolean usesSpace(javafx.scene.Node focus) {
        return focus instanceof javafx.scene.control.ButtonBase
                || focus instanceof javafx.scene.control.TextInputControl
                || focus instanceof javafx.scene.control.ListView
                || focus instanceof javafx.scene.control.TableView
                || focus instanceof javafx.scene.control.TreeView
                || focus instanceof javafx.scene.control.ComboBoxBase
                || focus instanceof javafx.scene.control.ChoiceBox
                || focus instanceof javafx.scene.control.Spinner
                || focus instanceof org.controlsfx.control.ToggleSwitch;
    }

    /** A menu, a context menu or another popup of this window is open: its Esc closes it, nothing more. */
    private static boolean popupShowing(Stage stage) {
        return javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.stage.PopupWindow p
                        && p.isShowing()
                        && !(w instanceof javafx.scene.control.Tooltip));
    }

    /** The text of Help > Keyboard shortcuts. */
    public static String shortcutsHelp() {
        return I18n.t("help.shortcuts") + "\n" + I18n.t("help.sidePanelKey");
    }

    static KeyCombination sidePanelKey() {
        return new KeyCodeCombination(KeyCode.F9);
    }

    static KeyCombination presentationKey() {
        return new KeyCodeCombination(KeyCode.F11);
    }
}
