package org.initlab.ui.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.initlab.lessons.Lesson;
import org.initlab.lessons.Placeholders;
import org.initlab.lessons.Step;
import org.initlab.lessons.Text;
import org.initlab.settings.LabParameters;
import org.initlab.settings.LabSettings;
import org.initlab.settings.Presets;
import org.initlab.settings.SettingsFormatException;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LessonNumbers;
import org.initlab.ui.controls.ParamField;
import org.initlab.ui.sweep.SweepViewModel;
import org.initlab.ui.theory.ZViewModel;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.LabViewModel;

/**
 * The lesson player's model: the lesson open, the step shown ("3 / 8"), its text with the lab's live
 * numbers filled in, what it points at, its question and the measured answer, and what it waits for.
 * Entering a step (Next, or opening a lesson) sets the lab's state the step asks for; going Back only
 * shows the earlier step's tab and epoch, so a run the learner made is not wiped.
 */
public final class LessonViewModel {
    private final LabViewModel lab;
    private final ZViewModel theory;
    private final LessonWindow window;
    private final LiveNumbers numbers;
    private final ObservableList<Lesson> catalogue = FXCollections.observableArrayList();
    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final StringProperty lessonTitle = new SimpleStringProperty("");
    private final StringProperty counter = new SimpleStringProperty("");
    private final StringProperty stepTitle = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    private final StringProperty pointTarget = new SimpleStringProperty("");
    private final StringProperty pointNote = new SimpleStringProperty("");
    private final StringProperty question = new SimpleStringProperty("");
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final IntegerProperty chosen = new SimpleIntegerProperty(-1);
    private final IntegerProperty rightChoice = new SimpleIntegerProperty(-1);
    private final StringProperty reveal = new SimpleStringProperty("");
    private final StringProperty waitHint = new SimpleStringProperty("");
    private final BooleanProperty waitDone = new SimpleBooleanProperty(true);
    private final BooleanProperty canBack = new SimpleBooleanProperty(false);
    private final BooleanProperty canNext = new SimpleBooleanProperty(false);
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty claimNote = new SimpleStringProperty("");
    private final ObjectProperty<ParamField> stepField = new SimpleObjectProperty<>();
    private final BooleanProperty stepRuns = new SimpleBooleanProperty(false);
    /** The Sweep tab a step may fill and wait for; null until the window hands it over ({@link #useSweep}). */
    private SweepViewModel sweep;

    /** {@code numbers}: the features' live numbers the texts quote (the window model's). */
    public LessonViewModel(LabViewModel lab, ZViewModel theory, LiveNumbers numbers, LessonWindow window) {
        this.lab = lab;
        this.theory = theory;
        this.window = window;
        this.numbers = numbers;
        // What the texts quote or the waits watch; a change refills the step (plain string work, cheap).
        List<Observable> watched = new ArrayList<>(List.of(
                lab.stateProperty(),
                lab.results().snapshotsProperty(),
                lab.results().rows(),
                lab.results().summaryProperty(),
                theory.resultAProperty(),
                theory.resultBProperty(),
                theory.analyticAProperty(),
                theory.analyticBProperty(),
                theory.thresholdProperty(),
                chosen,
                window.selectedTab()));
        for (var p : LabParameters.zView())
            if (theory.field(p.id()) != null) watched.add(theory.field(p.id()).textProperty());
        for (var p : LabParameters.fileSettings())
            if (lab.form().field(p.id()) != null)
                watched.add(lab.form().field(p.id()).textProperty());
        for (Observable o : watched) o.addListener(x -> refresh());
    }

    /** The window's Sweep tab: steps fill its grid and wait for its sweep, and its finished map refills the texts. */
    public void useSweep(SweepViewModel s) {
        sweep = s;
        s.completeProperty().addListener(x -> refresh());
    }

    public ObservableList<Lesson> catalogue() {
        return catalogue;
    }
    /** True while the player shows a lesson (false: it shows the list of lessons). */
    public BooleanProperty openProperty() {
        return open;
    }

    public ObjectProperty<Lesson> lessonProperty() {
        return lesson;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public StringProperty lessonTitleProperty() {
        return lessonTitle;
    }

    public StringProperty counterProperty() {
        return counter;
    }

    public StringProperty stepTitleProperty() {
        return stepTitle;
    }

    public StringProperty bodyProperty() {
        return body;
    }
    /** The pointer target's name ("" for none) and its note. */
    public StringProperty pointTargetProperty() {
        return pointTarget;
    }

    public StringProperty pointNoteProperty() {
        return pointNote;
    }

    public StringProperty questionProperty() {
        return question;
    }

    public ObservableList<String> choices() {
        return choices;
    }
    /** The learner's answer (-1: none yet). */
    public IntegerProperty chosenProperty() {
        return chosen;
    }
    /** The answer the measured numbers make right (-1: not measured yet). */
    public IntegerProperty rightChoiceProperty() {
        return rightChoice;
    }

    public StringProperty revealProperty() {
        return reveal;
    }

    public StringProperty waitHintProperty() {
        return waitHint;
    }

    public BooleanProperty waitDoneProperty() {
        return waitDone;
    }

    public BooleanProperty canBackProperty() {
        return canBack;
    }

    public BooleanProperty canNextProperty() {
        return canNext;
    }
    /** Why a step's state could not be set ("" normally). */
    public StringProperty problemProperty() {
        return problem;
    }

    public LiveNumbers numbers() {
        return numbers;
    }
    /** Says which of the step's claims the numbers measured here contradict ("" while they hold or are not measured yet). */
    public StringProperty claimNoteProperty() {
        return claimNote;
    }
    /** The field the step waits for the learner to set (null for none): the panel shows it beside the text. */
    public ObjectProperty<ParamField> stepFieldProperty() {
        return stepField;
    }
    /** True while the step waits for a run: the panel shows its own Run button. */
    public BooleanProperty stepRunsProperty() {
        return stepRuns;
    }
    /** Run as the side panel's button would (the panel shows one while the side panel gives it its place). */
    public void run() {
        lab.run();
    }

    public javafx.beans.binding.BooleanBinding runDisabledProperty() {
        return lab.runDisabledProperty();
    }

    /** Opens {@code l} at its first step, setting that step's state. */
    public void open(Lesson l) {
        lesson.set(l);
        open.set(true);
        index.set(0);
        enter(true);
    }

    /** Shows {@code l} at step {@code at} without setting any state (the window was rebuilt in another language). */
    public void resume(Lesson l, int at) {
        lesson.set(l);
        open.set(true);
        index.set(Math.max(0, Math.min(at, l.steps().size() - 1)));
        refresh();
    }

    /** Back to the list of lessons. */
    public void close() {
        open.set(false);
        lesson.set(null);
        pointTarget.set("");
        refresh();
    }

    public void next() {
        if (!canNext.get()) return;
        index.set(index.get() + 1);
        enter(true);
    }

    public void back() {
        if (!canBack.get()) return;
        index.set(index.get() - 1);
        enter(false);
    }

    /** Goes to step {@code target} (0-based), entering each step on the way as Next would, without waiting (demos, tests). */
    public void jumpTo(int target) {
        Lesson l = lesson.get();
        if (l == null) return;
        while (index.get() < Math.min(target, l.steps().size() - 1)) {
            index.set(index.get() + 1);
            enter(true);
        }
    }

    public void choose(int i) {
        if (i >= -1 && i < choices.size()) chosen.set(i);
    }

    public Step step() {
        Lesson l = lesson.get();
        return l == null ? null : l.steps().get(index.get());
    }

    private void enter(boolean forward) {
        Step s = step();
        chosen.set(-1);
        problem.set("");
        if (s.set() != null) apply(s.set(), forward);
        refresh();
    }

    /** Sets the step's state: forward all of it, backward only what shows (tab, epoch). */
    private void apply(Step.State st, boolean forward) {
        if (forward && !lab.busyProperty().get()) {
            try {
                if (st.preset() != null) {
                    lab.reset();
                    lab.apply(Presets.byId(st.preset()).orElseThrow().settings());
                }
                if (!st.settings().isEmpty() || st.schemes() != null) {
                    LabSettings now = lab.form().settings();
                    Map<String, String> v = new LinkedHashMap<>(now.values());
                    v.putAll(st.settings());
                    lab.apply(new LabSettings(v, st.schemes() == null ? now.schemes() : st.schemes()));
                }
            } catch (SettingsFormatException e) {
                problem.set(e.getMessage()); // checked at load; only a changed settings model gets here
            }
            st.z().forEach((id, text) -> theory.field(id).textProperty().set(text));
            if (st.zSchemes() != null) {
                theory.schemeAProperty().set(st.zSchemes().get(0));
                theory.schemeBProperty().set(st.zSchemes().get(1));
            }
            if (st.showSeeds() != null) lab.results().showSeedsProperty().set(st.showSeeds());
            if (!st.sweep().isEmpty() && sweep != null) sweep.fillGrid(st.sweep());
        }
        if (st.tab() != null) window.selectTab(st.tab());
        if (st.epoch() != null)
            lab.results()
                    .cursorProperty()
                    .set(
                            st.epoch() == Step.State.INITIALIZATION
                                    ? 0
                                    : st.epoch() == Step.State.NEWEST ? -1 : st.epoch() + 1);
    }

    /** Fills the step's texts from the live numbers and re-checks what it waits for. */
    public void refresh() {
        Lesson l = lesson.get();
        if (l == null) {
            lessonTitle.set(I18n.t("lesson.chooserTitle"));
            stepField.set(null);
            stepRuns.set(false);
            claimNote.set("");
            counter.set("");
            canBack.set(false);
            canNext.set(false);
            return;
        }
        Step s = step();
        lessonTitle.set(tr(l.title()));
        counter.set((index.get() + 1) + " / " + l.steps().size());
        stepTitle.set(fill(s.title()));
        body.set(fill(s.text()));
        pointTarget.set(s.point() == null ? "" : s.point().target());
        pointNote.set(s.point() == null ? "" : fill(s.point().note()));
        Step.Prediction ask = s.ask();
        question.set(ask == null ? "" : fill(ask.question()));
        List<String> c = ask == null
                ? List.of()
                : ask.choices().stream().map(x -> fill(x.text())).toList();
        if (!choices.equals(c)) choices.setAll(c);
        int right = ask == null ? -1 : measuredRight(ask);
        rightChoice.set(right);
        reveal.set(ask != null && right >= 0 && chosen.get() >= 0 ? fill(ask.reveal()) : "");
        stepField.set(
                s.waitFor() != null && s.waitFor().kind() == Step.Wait.Kind.SETTING
                        ? field(s.waitFor().param())
                        : null);
        stepRuns.set(s.waitFor() != null && s.waitFor().kind() == Step.Wait.Kind.RUN_FINISHED);
        boolean done = waitSatisfied(s.waitFor());
        waitDone.set(done);
        waitHint.set(
                s.waitFor() == null
                        ? ""
                        : (done ? "✓ " : "… ") + fill(s.waitFor().hint()));
        List<String> broken = brokenClaims();
        claimNote.set(broken.isEmpty() ? "" : I18n.f("lesson.claimNotShown", String.join("; ", broken)));
        canBack.set(index.get() > 0);
        boolean answered = ask == null || chosen.get() >= 0;
        boolean last = index.get() == l.steps().size() - 1;
        Step following = last ? null : l.steps().get(index.get() + 1);
        boolean blocked = following != null
                && following.set() != null
                && lab.busyProperty().get();
        canNext.set(!last && done && answered && !blocked);
    }

    /** The first choice whose comparison the measured numbers make true, once the run that measures them is done. */
    private int measuredRight(Step.Prediction ask) {
        if (lab.stateProperty().get().isBusy()) return -1;
        for (int i = 0; i < ask.choices().size(); i++) {
            Step.Choice ch = ask.choices().get(i);
            if (ch.greater() == null) continue;
            OptionalDouble a = value(ch.greater()), b = value(ch.than());
            if (a.isEmpty() || b.isEmpty()) return -1;
            if (a.getAsDouble() > b.getAsDouble()) return i;
        }
        return -1;
    }

    /** True once every number the step's claims compare is measured (and no run is under way). */
    public boolean claimsMeasured() {
        Step s = step();
        if (s == null || lab.stateProperty().get().isBusy()) return false;
        for (Step.Claim c : s.claims())
            if (value(c.greater()).isEmpty() || value(c.than()).isEmpty()) return false;
        return true;
    }

    /** The step's claims the measured numbers contradict, as "A 93.23 ≤ B 93.23 + 1"; empty while any is not measured. */
    public List<String> brokenClaims() {
        Step s = step();
        if (s == null || s.claims().isEmpty() || !claimsMeasured()) return List.of();
        List<String> out = new ArrayList<>();
        for (Step.Claim c : s.claims()) {
            double a = value(c.greater()).getAsDouble(), b = value(c.than()).getAsDouble();
            if (!(a > b + c.by())) {
                out.add(c.greater() + " " + LessonNumbers.significant(a) + " ≤ " + c.than() + " "
                        + LessonNumbers.significant(b) + (c.by() > 0 ? " + " + LessonNumbers.significant(c.by()) : ""));
            }
        }
        return out;
    }

    private OptionalDouble value(String token) {
        return numbers.value(Placeholders.parse(token, numbers.names()));
    }

    private boolean waitSatisfied(Step.Wait w) {
        if (w == null) return true;
        return switch (w.kind()) {
            case RUN_FINISHED -> lab.stateProperty().get() == LabState.FINISHED && lab.hasResults();
            case TAB -> w.value().equals(window.selectedTab().get());
            case SWEEP_FINISHED -> sweep != null && sweep.completeProperty().get();
            case SETTING -> {
                ParamField f = field(w.param());
                yield f != null
                        && f.isValid()
                        && f.value().equals(f.param().parse(w.value()).value());
            }
        };
    }

    private ParamField field(String id) {
        return lab.form().field(id) != null ? lab.form().field(id) : theory.field(id);
    }

    private String fill(Text t) {
        return Placeholders.fill(tr(t), numbers.names(), numbers::text);
    }

    private static String tr(Text t) {
        return t.in(I18n.locale());
    }
}
