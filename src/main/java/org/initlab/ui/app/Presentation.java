package org.initlab.ui.app;

import org.initlab.ui.base.I18n;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.LabViewModel;

import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * Classroom use: presentation mode (full screen, larger text, thicker lines, high-contrast palette) and
 * keyboard shortcuts — Space run / pause / resume, Esc cancel, 1–4 switch views, F11 presentation mode.
 */
public final class Presentation {
    public static final String STYLE_CLASS = "presentation";
    private static final String CSS = "data:text/css;base64," + java.util.Base64.getEncoder().encodeToString((
            ".presentation { -fx-font-size: 17px; }\n"
                    + ".presentation .chart-series-line { -fx-stroke-width: 4px; }\n"
                    + ".presentation .chart-title { -fx-font-size: 22px; }\n"
                    + ".presentation .axis { -fx-tick-label-font-size: 16px; }\n"
                    + ".presentation .chart-legend { -fx-font-size: 16px; }\n"
                    + ".presentation .chart-plot-background { -fx-background-color: white; }\n"
                    + ".presentation .default-color0.chart-series-line { -fx-stroke: #000000; }\n"
                    + ".presentation .default-color1.chart-series-line { -fx-stroke: #d62728; }\n"
                    + ".presentation .default-color2.chart-series-line { -fx-stroke: #1f5fd6; }\n"
                    + ".presentation .default-color3.chart-series-line { -fx-stroke: #2ca02c; }\n"
                    + ".presentation .default-color0.chart-line-symbol { -fx-background-color: #000000, white; }\n"
                    + ".presentation .default-color1.chart-line-symbol { -fx-background-color: #d62728, white; }\n"
                    + ".presentation .default-color2.chart-line-symbol { -fx-background-color: #1f5fd6, white; }\n"
                    + ".presentation .default-color3.chart-line-symbol { -fx-background-color: #2ca02c, white; }\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private Presentation() {}

    public static void toggle(Stage stage) {
        Scene scene = stage.getScene();
        if (!scene.getStylesheets().contains(CSS)) scene.getStylesheets().add(CSS);
        boolean on = !scene.getRoot().getStyleClass().contains(STYLE_CLASS);
        if (on) scene.getRoot().getStyleClass().add(STYLE_CLASS);
        else scene.getRoot().getStyleClass().remove(STYLE_CLASS);
        stage.setFullScreenExitHint(I18n.t("help.fullScreenExit"));
        stage.setFullScreen(on);
    }


    /** Shortcuts that do not steal keys from text fields: Space and digits only act when no text field has focus. */
    public static void installShortcuts(Scene scene, Stage stage, LabViewModel lab, TabPane tabs) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F11), () -> toggle(stage));
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl;
            if (e.getCode() == KeyCode.ESCAPE && lab.stateProperty().get().isBusy()) {
                lab.cancel();
                e.consume();
            } else if (!typing && e.getCode() == KeyCode.SPACE) {
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

    /** The text of Help > Keyboard shortcuts. */
    public static String shortcutsHelp() {
        return I18n.t("help.shortcuts");
    }

    static KeyCombination presentationKey() {
        return new KeyCodeCombination(KeyCode.F11);
    }
}
