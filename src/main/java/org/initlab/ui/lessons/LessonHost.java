package org.initlab.ui.lessons;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import org.initlab.lessons.Lesson;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LessonTarget;
import org.initlab.ui.theory.ZViewModel;
import org.initlab.ui.training.LabViewModel;

/**
 * Puts the lesson player into the window: the panel on the right (shown on demand), the pointer over the
 * window, ← and → for Back and Next, and the window side of {@link LessonWindow} (tabs by name).
 */
public final class LessonHost implements LessonWindow {
    private final BorderPane root;
    private final TabPane tabs;
    private final List<String> tabNames;
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper("training");
    private final LessonViewModel vm;
    private final LessonPanel panel;
    private final PointerOverlay pointer = new PointerOverlay();
    /** The side panel while the lesson panel has its place (null while it is in the window). */
    private Node sideAway;

    /**
     * {@code tabNames} names the tabs in order ("training", "z", …); {@code numbers} are the live numbers the lessons
     * may quote, and the built-in lessons are read with their names.
     */
    public LessonHost(
            BorderPane root,
            TabPane tabs,
            List<String> tabNames,
            LabViewModel lab,
            ZViewModel theory,
            LiveNumbers numbers,
            BackgroundRunner runner) {
        this.root = root;
        this.tabs = tabs;
        this.tabNames = tabNames;
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> selected.set(nameOf(b.intValue())));
        vm = new LessonViewModel(lab, theory, numbers, this);
        panel = new LessonPanel(vm, this::hide);
        root.getChildren().add(pointer); // unmanaged, drawn over the window
        vm.pointTargetProperty().addListener((o, a, b) -> point());
        vm.pointNoteProperty().addListener((o, a, b) -> point());
        vm.indexProperty().addListener((o, a, b) -> point());
        vm.openProperty().addListener((o, a, b) -> point());
        // Lessons are read off the FX thread (the JSON reader's first use costs tens of ms).
        runner.submit(
                "lessons",
                () -> LessonCatalog.builtIn(numbers.names()),
                vm.catalogue()::setAll,
                error -> lab.statusProperty().set(I18n.f("lesson.notLoaded", "", I18n.explain(error))));
    }

    public LessonViewModel viewModel() {
        return vm;
    }

    public PointerOverlay pointer() {
        return pointer;
    }

    /** ← and → step the lesson while the focus is not in a text field. */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (root.getRight() != panel
                    || !vm.openProperty().get()
                    || scene.getFocusOwner() instanceof TextInputControl) return;
            if (e.getCode() == KeyCode.RIGHT) {
                vm.next();
                e.consume();
            } else if (e.getCode() == KeyCode.LEFT) {
                vm.back();
                e.consume();
            }
        });
    }

    /**
     * Shows the panel with the list of lessons (or the lesson already open). The panel takes the side
     * panel's place, so that the charts and the table keep their room; a step that points into the side
     * panel brings it back, and F9 shows it as always.
     */
    public void show() {
        root.setRight(panel);
        moveSidePanelAway();
        vm.refresh();
    }

    public void hide() {
        vm.close();
        root.setRight(null);
        pointer.pointAt(null, "");
        bringSidePanelBack();
    }

    private void moveSidePanelAway() {
        if (sideAway != null || root.getLeft() == null) return;
        sideAway = root.getLeft();
        // Presentation mode's side-panel switch remembers the panel under this key; it must know it while it is away.
        root.getProperties().putIfAbsent("initlab.sidePanel", sideAway);
        root.setLeft(null);
    }

    private void bringSidePanelBack() {
        // In presentation mode the folded panel's strip may hold the place meanwhile: the panel replaces it.
        if (sideAway != null && root.getLeft() != sideAway) root.setLeft(sideAway);
        sideAway = null;
    }

    public boolean isShown() {
        return root.getRight() == panel;
    }

    /** Opens a lesson in the panel. */
    public void open(Lesson l) {
        show();
        vm.open(l);
    }

    @Override
    public void selectTab(String name) {
        int i = tabNames.indexOf(name);
        if (i >= 0 && i < tabs.getTabs().size()) tabs.getSelectionModel().select(i);
    }

    @Override
    public ObservableStringValue selectedTab() {
        return selected.getReadOnlyProperty();
    }

    private String nameOf(int index) {
        return index >= 0 && index < tabNames.size() ? tabNames.get(index) : "";
    }

    /**
     * The node a target names (null while it is not built yet): the panel's own field or Run button while the
     * step asks for that, else the node in the window or in the side panel while that is away.
     */
    public Node find(String target) {
        if (target.equals(vm.pointTargetProperty().get())) {
            if (target.startsWith("field.") && vm.stepFieldProperty().get() != null) return panel.stepField();
            if (target.equals("runButton") && vm.stepRunsProperty().get()) return panel.runButton();
        }
        if (!LessonTargets.TAB_OF.containsKey(target) || root.getScene() == null) return null;
        String registered = LessonTarget.selectorOf(target); // the node its view registered (LessonTarget.mark)
        Node n = root.getScene().lookup(registered);
        return n == null && sideAway != null ? sideAway.lookup(registered) : n;
    }

    private void point() {
        String target = vm.pointTargetProperty().get();
        if (target.isEmpty() || !isShown()) {
            pointer.pointAt(null, "");
            if (isShown()) moveSidePanelAway();
            return;
        }
        // A lazily built tab's content appears after its selection: look again on the next pulse.
        javafx.application.Platform.runLater(() -> {
            if (!target.equals(vm.pointTargetProperty().get()) || !isShown()) return; // a later step took over
            Node n = find(target);
            if (n != null && sideAway != null && LayoutReveal.isInside(n, sideAway)) bringSidePanelBack();
            else if (n != null && isShown()) moveSidePanelAway();
            LayoutReveal.bringIntoView(n);
            pointer.pointAt(n, vm.pointNoteProperty().get());
        });
    }
}
