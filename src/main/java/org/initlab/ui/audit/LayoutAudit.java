package org.initlab.ui.audit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import javafx.animation.AnimationTimer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.initlab.lessons.Lesson;
import org.initlab.ui.base.LayoutChecks;
import org.initlab.ui.lessons.LessonHost;
import org.initlab.ui.look.Theme;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.LabViewModel;
import org.initlab.ui.training.Presets;

/**
 * The window's audit of itself (INITLAB_AUDIT=1, and {@code LayoutAuditTest}): at the window's size it shows
 * every tab with the lesson panel closed and open, then every step of every shipped lesson, then every tab in
 * presentation mode's look and in the dark theme, and after each reads the laid-out scene with {@link LayoutChecks}:
 * cut texts, charts whose legend JavaFX dropped for want of room, pointer targets out of view, pointer notes over
 * controls they do not point at, and (in presentation mode, where every lesson step is seen again) charts too short
 * to read. A short run first fills the table and charts, so that their numbers
 * are measured too. Runs on the FX thread, one state per few pulses.
 */
public final class LayoutAudit {
    /** Frames to wait after a change: a lazily built tab, the pointer's placing and the redraws each take one. */
    private static final int SETTLE_FRAMES = 6;

    private static final int NAMED = 5;
    /** A chart's plot area under this many pixels shows 50–100% with its curves a few pixels apart: too short to read. */
    static final double MIN_PLOT_HEIGHT = 160;

    /** Presentation mode's look on this window (the window passes it in: the audit sits below ui.app). */
    private final BiConsumer<Scene, Boolean> presentationLook;
    /** Whether the audit has put presentation mode's look on (its short charts count only then). */
    private boolean presenting;

    private final Scene scene;
    private final LabViewModel lab;
    private final LessonHost host;
    private final TabPane tabs;
    private final Deque<Runnable> todo = new ArrayDeque<>();
    private final Map<String, String> truncated = new LinkedHashMap<>(),
            hidden = new LinkedHashMap<>(),
            overlapping = new LinkedHashMap<>(),
            shortCharts = new LinkedHashMap<>(),
            hiddenLegends = new LinkedHashMap<>();
    private final CompletableFuture<Findings> done = new CompletableFuture<>();
    private String where = "";
    private int checkedSteps;

    /** What the audit found: each problem once, with the first place it was seen. */
    public record Findings(
            Map<String, String> truncated,
            Map<String, String> hiddenTargets,
            Map<String, String> overlappingNotes,
            Map<String, String> shortCharts,
            Map<String, String> hiddenLegends,
            int checkedSteps) {
        public boolean clean() {
            return truncated.isEmpty()
                    && hiddenTargets.isEmpty()
                    && overlappingNotes.isEmpty()
                    && shortCharts.isEmpty()
                    && hiddenLegends.isEmpty();
        }

        /** The lines INITLAB_AUDIT prints: each count, then the first few problems under it. */
        public String report() {
            return report(NAMED);
        }

        /** The report naming up to {@code named} problems of each kind. */
        public String report(int named) {
            StringBuilder out = new StringBuilder();
            section(out, "truncated_texts", truncated, named);
            section(out, "pointer_targets_hidden", hiddenTargets, named);
            section(out, "overlapping_notes", overlappingNotes, named);
            section(out, "short_charts", shortCharts, named);
            section(out, "hidden_legends", hiddenLegends, named);
            return out.toString();
        }

        private static void section(StringBuilder out, String name, Map<String, String> found, int named) {
            out.append(name).append(' ').append(found.size()).append('\n');
            found.entrySet().stream()
                    .limit(named)
                    .forEach(e -> out.append("  ")
                            .append(e.getValue())
                            .append(": ")
                            .append(e.getKey())
                            .append('\n'));
        }
    }

    private LayoutAudit(Scene scene, LabViewModel lab, LessonHost host, BiConsumer<Scene, Boolean> presentationLook) {
        this.presentationLook = presentationLook;
        this.scene = scene;
        this.lab = lab;
        this.host = host;
        this.tabs = (TabPane) scene.lookup("#viewTabs");
    }

    /** Starts the audit of {@code scene} (on the FX thread, once the data is loaded); the future completes with its findings. */
    public static CompletableFuture<Findings> start(
            Scene scene, LabViewModel lab, LessonHost host, BiConsumer<Scene, Boolean> presentationLook) {
        LayoutAudit a = new LayoutAudit(scene, lab, host, presentationLook);
        a.plan();
        a.step();
        return a.done;
    }

    private void plan() {
        todo.add(this::shortRun);
        todo.add(host::hide);
        everyTab("lesson panel closed");
        todo.add(host::show);
        everyTab("lesson list open");
        for (Lesson l : List.copyOf(host.viewModel().catalogue())) {
            todo.add(() -> host.open(l));
            for (int i = 0; i < l.steps().size(); i++) {
                int at = i;
                todo.add(() -> host.viewModel().jumpTo(at));
                todo.add(() -> checkStep(l, at));
            }
        }
        todo.add(host::hide);
        // Presentation mode's larger text on the same window (a projector's full screen is the window's size),
        // in the light theme and then the dark one.
        todo.add(() -> {
            presenting = true;
            presentationLook.accept(scene, true);
        });
        everyTab("presentation mode");
        todo.add(host::show);
        everyTab("presentation mode, lesson list open");
        // Each lesson step's view beside the lesson's own panel at presentation mode's text size (pointers: above),
        // with a run's numbers again: a lesson's steps may have cleared them.
        todo.add(this::shortRun);
        for (Lesson l : List.copyOf(host.viewModel().catalogue())) {
            todo.add(() -> host.open(l));
            for (int i = 0; i < l.steps().size(); i++) {
                int at = i;
                todo.add(() -> host.viewModel().jumpTo(at));
                todo.add(() -> {
                    where = "lesson " + l.id() + " step " + (at + 1) + ", presentation mode";
                    check();
                });
            }
        }
        todo.add(host::hide);
        Theme before = Theme.current();
        todo.add(() -> Theme.apply(Theme.DARK, scene));
        everyTab("presentation mode, dark theme");
        todo.add(() -> {
            presenting = false;
            presentationLook.accept(scene, false);
        });
        everyTab("dark theme");
        todo.add(() -> Theme.apply(before, scene));
    }

    private void everyTab(String state) {
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            Tab tab = tabs.getTabs().get(i);
            todo.add(() -> tabs.getSelectionModel().select(tab));
            todo.add(() -> {
                where = "tab " + tab.getText() + ", " + state;
                check();
            });
        }
    }

    /** The reference experiment for one epoch: the table's cells and the charts get real numbers to show. */
    private void shortRun() {
        if (lab.hasResults() || lab.datasetProperty().get() == null) return;
        Presets.apply(lab, Presets.byName("reference"));
        lab.form().epochsField().textProperty().set("1");
        lab.run();
        todo.addFirst(this::awaitRun);
    }

    private void awaitRun() {
        if (lab.stateProperty().get().isBusy() || lab.stateProperty().get() == LabState.LOADING)
            todo.addFirst(this::awaitRun);
    }

    private void checkStep(Lesson l, int at) {
        where = "lesson " + l.id() + " step " + (at + 1);
        checkedSteps++;
        check();
        String target = host.viewModel().pointTargetProperty().get();
        if (target.isEmpty()) return;
        Node node = host.find(target);
        if (node == null) hidden.putIfAbsent(target + " is not in the window", where);
        else if (!LayoutChecks.fullyInView(node) || !host.pointer().showing())
            hidden.putIfAbsent(target + " is not (all) in view", where);
        else if (!host.pointer().isOnTop())
            hidden.putIfAbsent("the pointer at " + target + " is drawn under other parts of the window", where);
        javafx.scene.control.Label note = host.pointer().note();
        if (!note.isVisible() || note.getText().isEmpty() || !host.pointer().showing()) return;
        Bounds b = note.localToScene(note.getLayoutBounds());
        if (b.getMinX() < 0
                || b.getMinY() < 0
                || b.getMaxX() > scene.getWidth() + 1
                || b.getMaxY() > scene.getHeight() + 1) {
            overlapping.putIfAbsent("the note of " + target + " leaves the window", where);
        }
        Node[] except = node == null ? new Node[] {host.pointer()} : new Node[] {host.pointer(), node};
        for (Node under : LayoutChecks.controlsUnder(scene, b, except)) {
            overlapping.putIfAbsent("the note of " + target + " covers " + LayoutChecks.describe(under), where);
        }
    }

    private void check() {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        for (String t : LayoutChecks.truncatedTexts(scene)) truncated.putIfAbsent(t, where);
        for (String l : LayoutChecks.hiddenLegends(scene)) hiddenLegends.putIfAbsent(l, where);
        // Counted in presentation mode, the projector's case the charts' heights were laid out for.
        if (!presenting()) return;
        for (String c : LayoutChecks.shortCharts(scene, MIN_PLOT_HEIGHT)) shortCharts.putIfAbsent(c, where);
    }

    private boolean presenting() {
        return presenting;
    }

    /** Runs the next action, then waits a few frames for the window to lay it out. */
    private void step() {
        Runnable next = todo.poll();
        if (next == null) {
            done.complete(new Findings(truncated, hidden, overlapping, shortCharts, hiddenLegends, checkedSteps));
            return;
        }
        try {
            next.run();
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        afterFrames(SETTLE_FRAMES, this::step);
    }

    private static void afterFrames(int frames, Runnable then) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen < frames) return;
                stop();
                then.run();
            }
        }.start();
    }
}
