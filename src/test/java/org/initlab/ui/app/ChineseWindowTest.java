package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.initlab.core.init.InitCatalog;
import org.initlab.settings.SweepAxis;
import org.initlab.theory.meanfield.Phi;
import org.initlab.ui.base.I18n;
import org.initlab.ui.training.LabState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Chinese window shows no English word: after a short run, with the lesson list open (then closed, for the side
 * panel in its place), every tab built and every panel expanded, the visible texts (labels, buttons, drawn texts,
 * tab titles, menus, a text field's own context menu, the run's table cells and summary) are read and any Latin
 * word that is not a name, an identifier the user types (scheme, activation, sweep parameter) or a formula's symbol
 * fails the test.
 */
@ExtendWith(ApplicationExtension.class)
class ChineseWindowTest {
    /** Names and symbols that stay as they are in a Chinese text (people, datasets, libraries, formulas' functions). */
    static final Set<String> ALLOWED = Set.of(
            "MNIST",
            "Fashion",
            "Xavier",
            "Glorot",
            "He",
            "Kaiming",
            "LeCun",
            "LSUV",
            "Saxe",
            "Mishkin",
            "Matas",
            "Pennington",
            "Nielsen",
            "ReLU",
            "ND4J",
            "InitLab",
            "PNG",
            "JSON",
            "CSV",
            "QR",
            "Var",
            "max",
            "min",
            "log",
            "ln",
            "exp",
            "sd",
            "std",
            "sigmoid",
            "tanh",
            "relu",
            "softmax",
            "Monte",
            "Carlo",
            "OpenBLAS",
            "CPU",
            "SGD",
            "et",
            "al",
            "Ctrl",
            "Shift",
            "Esc",
            "F11",
            "Space");

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z]+");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void theChineseWindowShowsNoEnglishWord(FxRobot robot) throws Exception {
        robot.interact(() -> I18n.setLocale(I18n.CHINESE));
        TestWindow[] window = new TestWindow[1];
        robot.interact(() -> window[0] = TestWindow.showWithData(stage));
        window[0].awaitData(90);
        TestWindow.type(robot, "#epochsField", "1");
        TestWindow.type(robot, "#batchesField", "50");
        robot.interact(() -> window[0].lab().run());
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> window[0].lab().stateProperty().get() == LabState.FINISHED);
        robot.interact(() -> InitLabApp.lessons(stage.getScene()).show());
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#viewTabs").queryAs(TabPane.class);
        Set<String> english = new TreeSet<>();
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int tab = i;
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> stage.getScene()
                    .getRoot()
                    .lookupAll(".titled-pane")
                    .forEach(n -> ((TitledPane) n).setExpanded(true)));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                for (String text : visibleTexts(stage.getScene().getRoot())) english.addAll(englishWords(text));
                for (Tab t : tabs.getTabs()) english.addAll(englishWords(t.getText()));
            });
        }
        // The lesson panel takes the side panel's place: closed, the side panel is back, its collapsed panels opened.
        robot.interact(() -> {
            InitLabApp.lessons(stage.getScene()).hide();
            stage.getScene().getRoot().lookupAll(".titled-pane").forEach(n -> ((TitledPane) n).setExpanded(true));
        });
        WaitForAsyncUtils.waitForFxEvents();
        // The side panel's texts, the menus, and the context menu of a text field (JavaFX's own words: Undo, Cut,
        // Paste…).
        robot.interact(() -> {
            for (String text : visibleTexts(stage.getScene().getRoot())) english.addAll(englishWords(text));
            MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
            if (bar != null) for (Menu m : bar.getMenus()) english.addAll(menuWords(m));
            TextField field = (TextField) stage.getScene().getRoot().lookup("#epochsField");
            ContextMenu menu = field.getContextMenu() != null ? field.getContextMenu() : skinMenu(field);
            for (MenuItem item : menu.getItems()) english.addAll(englishWords(item.getText()));
        });
        assertEquals(Set.of(), english, "English words in the Chinese window");
    }

    /** The context menu a text field's skin builds (JavaFX's, in the default locale's words). */
    private static ContextMenu skinMenu(TextField field) {
        field.fireEvent(new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 1, 1, 1, 1, false, null));
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w instanceof ContextMenu cm) {
                cm.hide();
                return cm;
            }
        }
        throw new AssertionError("the text field showed no context menu");
    }

    private static List<String> menuWords(Menu m) {
        List<String> out = new ArrayList<>(englishWords(m.getText()));
        for (MenuItem item : m.getItems()) {
            if (item instanceof Menu sub) out.addAll(menuWords(sub));
            else out.addAll(englishWords(item.getText()));
        }
        return out;
    }

    /** The texts a person sees: labelled controls and drawn texts that are visible, with every parent visible. */
    static List<String> visibleTexts(Parent root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) return;
        if (n instanceof Labeled l && l.getText() != null) out.add(l.getText());
        if (n instanceof Text t && t.getText() != null) out.add(t.getText());
        if (n instanceof TextField f && f.getPromptText() != null && f.getText().isEmpty()) out.add(f.getPromptText());
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, out);
    }

    /** The Latin words of {@code text} that are neither allowed names nor identifiers a user types. */
    static List<String> englishWords(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        // Not words: file paths, the subscripts of n_in and n_out, and a word cut short by an ellipsis ("Va…").
        String read = text.replaceAll("/[^\\s—，。）)]+", " ")
                .replaceAll("\\bn_?(in|out)\\b", " ")
                .replaceAll("[A-Za-z]+(\\.\\.\\.|…)", " ");
        Matcher m = WORD.matcher(read);
        while (m.find()) {
            String w = m.group();
            if (!ALLOWED.contains(w) && !identifiers().contains(w.toLowerCase(Locale.ROOT))) {
                out.add(w + "  ← " + text.replace('\n', ' '));
            }
        }
        return out;
    }

    /** The words of the identifiers typed in settings files and on the command line: scheme, activation, loss and sweep ids. */
    private static Set<String> identifiers() {
        Set<String> ids = new TreeSet<>();
        List<String> all = new ArrayList<>(InitCatalog.ids());
        for (SweepAxis a : SweepAxis.values()) all.add(a.id());
        for (Phi p : Phi.values()) all.add(p.id());
        for (String id : all) for (String part : id.split("[^A-Za-z]+")) ids.add(part.toLowerCase(Locale.ROOT));
        return ids;
    }
}
