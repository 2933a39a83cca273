package org.initlab.ui.lessons;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.initlab.lessons.Lesson;
import org.initlab.ui.base.I18n;

/**
 * The lesson player beside the views: the list of lessons, or a lesson's step ("3 / 8") with its text,
 * question, what it waits for, and Back / Next (← and → too). Thin: it binds to {@link LessonViewModel}.
 */
public final class LessonPanel extends VBox {
    private final LessonViewModel vm;
    private final VBox chooser = new VBox(8);
    private final VBox player = new VBox(8);
    private final VBox choiceBox = new VBox(4);
    private final ToggleGroup group = new ToggleGroup();
    private final javafx.scene.control.TextField field = new javafx.scene.control.TextField();
    private final Button run = new Button(I18n.t("button.run"));

    public LessonPanel(LessonViewModel vm, Runnable hide) {
        this.vm = vm;
        setId("lessonPanel");
        setPrefWidth(380);
        setMinWidth(300);
        setMaxWidth(460);
        setSpacing(8);
        setPadding(new Insets(10));
        getStyleClass().add("lesson-panel");
        setStyle(
                "-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default; -fx-border-width: 0 0 0 1;");

        Label title = wrapped("lessonTitle", "-fx-font-size: 1.25em; -fx-font-weight: bold;");
        title.textProperty().bind(vm.lessonTitleProperty());
        Button close = new Button("×");
        close.setId("lessonClose");
        close.setOnAction(e -> {
            if (vm.openProperty().get()) vm.close();
            else hide.run();
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(6, title, grow, close);
        head.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(title, Priority.ALWAYS);

        // The list of lessons.
        vm.catalogue().addListener((ListChangeListener<Lesson>) c -> fillChooser());
        fillChooser();

        // A lesson's step.
        Label counter = new Label();
        counter.setId("lessonCounter");
        counter.textProperty().bind(vm.counterProperty());
        Label stepTitle = wrapped("lessonStepTitle", "-fx-font-weight: bold;");
        stepTitle.textProperty().bind(vm.stepTitleProperty());
        Label body = wrapped("lessonBody", "");
        body.textProperty().bind(vm.bodyProperty());
        Label question = wrapped("lessonQuestion", "-fx-font-weight: bold;");
        question.textProperty().bind(vm.questionProperty());
        question.visibleProperty().bind(vm.questionProperty().isNotEmpty());
        question.managedProperty().bind(question.visibleProperty());
        vm.choices().addListener((ListChangeListener<String>) c -> fillChoices());
        vm.chosenProperty().addListener((o, a, b) -> markChoices());
        vm.rightChoiceProperty().addListener((o, a, b) -> markChoices());
        Label reveal = wrapped(
                "lessonReveal",
                "-fx-background-color: -color-bg-subtle; -fx-padding: 6; -fx-border-color: #009e73; -fx-border-width: 0 0 0 4;");
        reveal.textProperty().bind(vm.revealProperty());
        reveal.visibleProperty().bind(vm.revealProperty().isNotEmpty());
        reveal.managedProperty().bind(reveal.visibleProperty());
        Label wait = wrapped("lessonWait", "-fx-font-style: italic;");
        wait.textProperty().bind(vm.waitHintProperty());
        wait.visibleProperty().bind(vm.waitHintProperty().isNotEmpty());
        wait.managedProperty().bind(wait.visibleProperty());
        Label claim = wrapped("lessonClaim", "-fx-font-style: italic; -fx-text-fill: #b00020;");
        claim.textProperty().bind(vm.claimNoteProperty());
        claim.visibleProperty().bind(vm.claimNoteProperty().isNotEmpty());
        claim.managedProperty().bind(claim.visibleProperty());
        Label problem = wrapped("lessonProblem", "-fx-text-fill: #b00020;");
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Button back = new Button(I18n.t("lesson.back"));
        back.setId("lessonBack");
        back.disableProperty().bind(vm.canBackProperty().not());
        back.setOnAction(e -> vm.back());
        Button next = new Button(I18n.t("lesson.next"));
        next.setId("lessonNext");
        next.setDefaultButton(false);
        next.disableProperty().bind(vm.canNextProperty().not());
        // The focus stays in the panel: a Next that disables itself (the next step waits) handed the focus to
        // the first control of the window, which scrolled the side panel to its top.
        next.setOnAction(e -> {
            getScene().getRoot().requestFocus();
            vm.next();
            if (!next.isDisabled()) next.requestFocus();
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, back, gap, counter, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(10, stepTitle, body, stepAction(), question, choiceBox, reveal, claim, wait, problem);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: transparent;");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        player.getChildren().addAll(scroll, buttons);
        VBox.setVgrow(player, Priority.ALWAYS);

        ScrollPane chooserScroll = new ScrollPane(chooser);
        chooserScroll.setFitToWidth(true);
        chooserScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(chooserScroll, Priority.ALWAYS);
        chooserScroll.visibleProperty().bind(vm.openProperty().not());
        chooserScroll.managedProperty().bind(chooserScroll.visibleProperty());
        player.visibleProperty().bind(vm.openProperty());
        player.managedProperty().bind(player.visibleProperty());
        getChildren().addAll(head, chooserScroll, player);
    }

    /**
     * What the step asks the learner to do, in the panel itself: the field to set (the same setting as the
     * side panel's field) or Run. While a lesson plays the side panel gives its place to the charts.
     */
    private HBox stepAction() {
        Label label = new Label();
        field.setId("lessonField");
        field.setPrefColumnCount(8);
        vm.stepFieldProperty().addListener((o, old, now) -> {
            if (old != null) field.textProperty().unbindBidirectional(old.textProperty());
            if (now != null) field.textProperty().bindBidirectional(now.textProperty());
            label.setText(now == null ? "" : now.label());
        });
        HBox fieldRow = new HBox(8, label, field);
        fieldRow.setAlignment(Pos.CENTER_LEFT);
        fieldRow.visibleProperty().bind(vm.stepFieldProperty().isNotNull());
        fieldRow.managedProperty().bind(fieldRow.visibleProperty());
        run.setId("lessonRun");
        run.disableProperty().bind(vm.runDisabledProperty());
        run.setOnAction(e -> vm.run());
        run.visibleProperty().bind(vm.stepRunsProperty());
        run.managedProperty().bind(run.visibleProperty());
        HBox box = new HBox(8, fieldRow, run);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The panel's own field, shown while the step waits for a setting. */
    javafx.scene.control.TextField stepField() {
        return field;
    }

    /** The panel's own Run button, shown while the step waits for a run. */
    Button runButton() {
        return run;
    }

    private static Label wrapped(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        if (!style.isEmpty()) l.setStyle(style);
        return l;
    }

    private void fillChooser() {
        chooser.getChildren().clear();
        Label intro = wrapped("lessonIntro", "");
        intro.setText(I18n.t("lesson.intro"));
        chooser.getChildren().add(intro);
        int i = 0;
        for (Lesson l : vm.catalogue()) {
            Button b = new Button((++i) + ". " + l.title().in(I18n.locale()) + "  ("
                    + I18n.f("lesson.minutes", Integer.toString(l.minutes())) + ")");
            b.setId("lesson-" + l.id());
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setOnAction(e -> vm.open(l));
            Label summary = wrapped("", "-fx-opacity: 0.8;");
            summary.setText(l.summary().in(I18n.locale()));
            chooser.getChildren().addAll(b, summary);
        }
    }

    private void fillChoices() {
        choiceBox.getChildren().clear();
        group.getToggles().clear();
        for (int i = 0; i < vm.choices().size(); i++) {
            RadioButton r = new RadioButton(vm.choices().get(i));
            r.setId("lessonChoice" + i);
            r.setWrapText(true);
            r.setToggleGroup(group);
            int index = i;
            r.setOnAction(e -> vm.choose(index));
            choiceBox.getChildren().add(r);
        }
        markChoices();
    }

    /** The learner's answer stays selected; once measured, the right one is marked ✓. */
    private void markChoices() {
        for (int i = 0; i < choiceBox.getChildren().size(); i++) {
            RadioButton r = (RadioButton) choiceBox.getChildren().get(i);
            r.setSelected(i == vm.chosenProperty().get());
            boolean right =
                    i == vm.rightChoiceProperty().get() && vm.chosenProperty().get() >= 0;
            r.setText(vm.choices().get(i) + (right ? "   ✓ " + I18n.t("lesson.measured") : ""));
            r.setStyle(right ? "-fx-font-weight: bold; -fx-text-fill: #007a5e;" : "");
        }
    }
}
