package org.initlab.ui.app;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.initlab.ui.base.I18n;
import org.initlab.ui.look.Theme;
import org.initlab.ui.training.LabViewModel;

/** The window's File, View and Help menus, its keyboard shortcuts and the charts' context menu. */
final class AppMenus {
    private AppMenus() {}

    /** Switches the whole window's theme at once (no rebuild: the settings, data and results stay) and remembers it. */
    static void switchTheme(Stage stage, LabViewModel lab, Theme t) {
        Theme.apply(t, stage.getScene());
        Theme.remember(t);
        lab.statusProperty().set(I18n.f("status.themeChanged", I18n.t("theme." + t.id())));
    }

    /**
     * A menu's first line while the window is busy, saying why the items below it are greyed out (a disabled
     * menu item shows no tooltip): "Not now: a sweep is running …". Hidden otherwise.
     */
    static javafx.scene.control.MenuItem busyNote(LabViewModel lab) {
        javafx.scene.control.MenuItem note = new javafx.scene.control.MenuItem();
        note.getStyleClass().add("busy-note");
        note.textProperty().bind(lab.busyReasonProperty());
        note.visibleProperty().bind(lab.busyProperty());
        note.setDisable(true);
        return note;
    }

    /** File, View and Help menus and the keyboard shortcuts; they need the stage, so they are added after the scene is built. */
    static void install(Stage stage, Scene scene, LabViewModel lab, Consumer<Locale> switchLanguage) {
        FileActions files = new FileActions(lab);
        BorderPane root = (BorderPane) scene.getRoot();
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) root.getTop();
        TabPane tabs = (TabPane) scene.lookup("#viewTabs");
        javafx.scene.control.Menu file = new javafx.scene.control.Menu(I18n.t("menu.file"));
        javafx.scene.control.MenuItem png = new javafx.scene.control.MenuItem(I18n.t("item.exportPng"));
        png.setOnAction(e -> files.exportPng(
                stage, tabs.getSelectionModel().getSelectedItem().getContent()));
        javafx.scene.control.MenuItem csv = new javafx.scene.control.MenuItem(I18n.t("item.exportCsv"));
        csv.setOnAction(e -> files.exportLastRun(stage, "runs.csv", lab::exportCsv));
        javafx.scene.control.MenuItem json = new javafx.scene.control.MenuItem(I18n.t("item.exportJson"));
        json.setOnAction(e -> files.exportLastRun(stage, "run.json", lab::exportJson));
        javafx.scene.control.MenuItem openRun = new javafx.scene.control.MenuItem(I18n.t("item.openRun"));
        openRun.setOnAction(e -> files.openRun(stage));
        openRun.setId("openRunItem");
        openRun.disableProperty().bind(lab.busyProperty()); // refused before a file is chosen, not after
        javafx.scene.control.MenuItem quit = new javafx.scene.control.MenuItem(I18n.t("item.quit"));
        quit.setOnAction(e -> stage.close());
        javafx.scene.control.MenuItem open = new javafx.scene.control.MenuItem(I18n.t("item.openSettings"));
        open.setOnAction(e -> files.openSettings(stage));
        javafx.scene.control.MenuItem save = new javafx.scene.control.MenuItem(I18n.t("item.saveSettings"));
        save.setOnAction(e -> files.saveSettings(stage));
        javafx.scene.control.MenuItem openLesson = new javafx.scene.control.MenuItem(I18n.t("item.openLesson"));
        openLesson.setOnAction(e -> files.openLesson(stage, InitLabApp.lessons(scene)));
        file.getItems()
                .addAll(
                        busyNote(lab),
                        open,
                        save,
                        new javafx.scene.control.SeparatorMenuItem(),
                        openRun,
                        json,
                        csv,
                        png,
                        new javafx.scene.control.SeparatorMenuItem(),
                        openLesson,
                        new javafx.scene.control.SeparatorMenuItem(),
                        quit);
        javafx.scene.control.Menu view = new javafx.scene.control.Menu(I18n.t("menu.view"));
        javafx.scene.control.MenuItem presentation = new javafx.scene.control.MenuItem(I18n.t("item.presentation"));
        presentation.setAccelerator(Presentation.presentationKey());
        presentation.setOnAction(e -> Presentation.toggle(stage));
        javafx.scene.control.Menu language = new javafx.scene.control.Menu(I18n.t("menu.language"));
        javafx.scene.control.ToggleGroup languages = new javafx.scene.control.ToggleGroup();
        for (Locale l : I18n.LANGUAGES) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(I18n.nameOf(l));
            item.setToggleGroup(languages);
            item.setSelected(l.equals(I18n.locale()));
            item.setOnAction(e -> switchLanguage.accept(l));
            item.disableProperty().bind(lab.busyProperty());
            language.getItems().add(item);
        }
        language.getItems().add(0, busyNote(lab));
        javafx.scene.control.Menu theme = new javafx.scene.control.Menu(I18n.t("menu.theme"));
        theme.setId("themeMenu");
        javafx.scene.control.ToggleGroup themes = new javafx.scene.control.ToggleGroup();
        for (Theme t : Theme.values()) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(I18n.t("theme." + t.id()));
            item.setId("theme-" + t.id());
            item.setToggleGroup(themes);
            item.setSelected(t == Theme.current());
            item.setOnAction(e -> switchTheme(stage, lab, t));
            theme.getItems().add(item);
        }
        javafx.scene.control.MenuItem side = new javafx.scene.control.MenuItem(I18n.t("item.sidePanel"));
        side.setAccelerator(Presentation.sidePanelKey());
        side.setOnAction(e -> Presentation.toggleSidePanel(stage.getScene()));
        view.getItems().addAll(presentation, side, theme, language);
        javafx.scene.control.Menu help = new javafx.scene.control.Menu(I18n.t("menu.help"));
        javafx.scene.control.MenuItem keys = new javafx.scene.control.MenuItem(I18n.t("item.shortcuts"));
        keys.setOnAction(e -> {
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.INFORMATION, Presentation.shortcutsHelp());
            a.setHeaderText(I18n.t("item.shortcuts"));
            a.show();
        });
        javafx.scene.control.MenuItem lessonsItem = new javafx.scene.control.MenuItem(I18n.t("item.lessons"));
        lessonsItem.setId("lessonsItem");
        lessonsItem.setOnAction(e -> InitLabApp.lessons(scene).show());
        help.getItems().addAll(lessonsItem, keys);
        bar.getMenus().add(0, file);
        bar.getMenus().addAll(view, help);
        Presentation.installShortcuts(scene, stage, lab, tabs);
        root.addEventHandler(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            javafx.scene.Node n = e.getPickResult().getIntersectedNode();
            while (n != null && !(n instanceof javafx.scene.chart.Chart)) n = n.getParent();
            if (n == null) return;
            javafx.scene.Node chart = n;
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(I18n.t("item.exportChart"));
            item.setOnAction(a -> files.exportPng(stage, chart));
            new javafx.scene.control.ContextMenu(item).show(chart, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }
}
