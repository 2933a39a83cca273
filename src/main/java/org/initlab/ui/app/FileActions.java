package org.initlab.ui.app;

import javafx.stage.Stage;
import org.initlab.io.OutputPaths;
import org.initlab.report.RunJson;
import org.initlab.settings.SettingsJson;
import org.initlab.ui.base.I18n;
import org.initlab.ui.chart.ChartExport;
import org.initlab.ui.lessons.LessonCatalog;
import org.initlab.ui.lessons.LessonHost;
import org.initlab.ui.training.LabViewModel;

/** What the File menu does: open and save settings, open a saved run, export the last run or a chart. */
final class FileActions {
    private final LabViewModel lab;

    FileActions(LabViewModel lab) {
        this.lab = lab;
    }

    void openSettings(Stage stage) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.getExtensionFilters()
                .add(new javafx.stage.FileChooser.ExtensionFilter(I18n.t("filter.settings"), "*.json"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f == null) return;
        try {
            lab.apply(SettingsJson.load(f.toPath(), lab.form().settingKeys()));
            lab.statusProperty().set(I18n.f("status.openedSettings", f));
        } catch (java.io.IOException ex) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, refusal(ex)).show();
        }
    }

    /** A file refused or an action that must wait, in the window's language: "Nothing changed. …". */
    static String refusal(Exception ex) {
        return I18n.f("alert.nothingChanged", I18n.explain(ex));
    }

    void saveSettings(Stage stage) {
        saveAs(
                stage,
                "my-experiment.json",
                null,
                f -> SettingsJson.save(f, lab.form().settings()),
                "status.savedSettings");
    }

    /** Something that writes a file: settings, the last run as CSV or JSON, a PNG. */
    interface SaveAction {
        void write(java.nio.file.Path file) throws java.io.IOException;
    }

    void exportLastRun(Stage stage, String initialName, SaveAction writer) {
        if (!lab.hasResults()) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION, I18n.t("alert.runFirst"))
                    .show();
            return;
        }
        saveAs(stage, initialName, null, writer, "status.wrote");
    }

    void exportPng(Stage stage, javafx.scene.Node node) {
        saveAs(
                stage,
                "initlab.png",
                new javafx.stage.FileChooser.ExtensionFilter(I18n.t("filter.png"), "*.png"),
                f -> ChartExport.writePng(node, f),
                "status.wrote");
    }

    /** Asks where, writes, and says so in the status bar; a failed write is shown and nothing else changes. */
    void saveAs(
            Stage stage,
            String initialName,
            javafx.stage.FileChooser.ExtensionFilter filter,
            SaveAction writer,
            String statusKey) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setInitialFileName(initialName);
        if (filter != null) chooser.getExtensionFilters().add(filter);
        java.io.File f = chooser.showSaveDialog(stage);
        if (f == null) return;
        java.util.Optional<org.initlab.format.Message> problem = OutputPaths.wording(f.toPath());
        if (problem.isPresent()) { // checked before anything is written or drawn
            new javafx.scene.control.Alert(
                            javafx.scene.control.Alert.AlertType.ERROR,
                            I18n.f("alert.couldNotWrite", f, I18n.text(problem.get())))
                    .show();
            return;
        }
        try {
            writer.write(f.toPath());
            lab.statusProperty().set(I18n.f(statusKey, f));
        } catch (java.io.IOException ex) {
            new javafx.scene.control.Alert(
                            javafx.scene.control.Alert.AlertType.ERROR,
                            I18n.f("alert.couldNotWrite", f, I18n.explain(ex)))
                    .show();
        }
    }

    /** Shows a saved run; a file that cannot be read is named in an alert and nothing changes. */
    void openRun(Stage stage) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(I18n.t("filter.run"), "*.json"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f == null) return;
        try {
            lab.openSavedRun(RunJson.load(f.toPath()));
        } catch (java.io.IOException | IllegalStateException ex) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, refusal(ex)).show();
        }
    }

    /** Reads a lesson file and opens it; a refused file is named in an alert with its step and problem, and nothing changes. */
    void openLesson(Stage stage, LessonHost lessons) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.getExtensionFilters()
                .add(new javafx.stage.FileChooser.ExtensionFilter(I18n.t("filter.lesson"), "*.json"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f == null) return;
        try {
            lessons.open(
                    LessonCatalog.reader(lessons.viewModel().numbers().names()).read(f.toPath()));
        } catch (java.io.IOException ex) {
            new javafx.scene.control.Alert(
                            javafx.scene.control.Alert.AlertType.ERROR, I18n.f("alert.lessonRefused", I18n.explain(ex)))
                    .show();
        }
    }
}
