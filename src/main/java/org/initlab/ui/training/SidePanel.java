package org.initlab.ui.training;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.OutputLayer;
import org.initlab.data.DatasetChoice;
import org.initlab.train.EpochMode;
import org.initlab.train.EvalSplit;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LessonTarget;
import org.initlab.ui.controls.FieldGrid;
import org.initlab.ui.controls.LazyContent;
import org.initlab.ui.controls.SchemeChoice;

/** The controls on the left: dataset, schemes, network and training settings, and the run buttons ({@link #runButtons}). Thin: binds. */
public final class SidePanel extends VBox {
    private final ValidationSupport validation = new ValidationSupport();
    private final HBox buttons;

    public SidePanel(LabViewModel vm) {
        setSpacing(8);
        setPadding(new Insets(10));
        setPrefWidth(370);
        getStyleClass().add("side-panel");
        validation.setValidationDecorator(new GraphicValidationDecoration());

        Label datasetLabel = new Label();
        datasetLabel.setId("datasetLabel");
        datasetLabel.setWrapText(true);
        datasetLabel
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.datasetProperty().get() == null
                                ? I18n.t("dataset.loading")
                                : I18n.f(
                                                "dataset.inUse",
                                                vm.datasetProperty().get().directory())
                                        + I18n.t(
                                                vm.datasetProperty().get().verified()
                                                        ? "dataset.verified"
                                                        : "dataset.unverified"),
                        vm.datasetProperty()));
        Button openData = new Button(I18n.t("button.folder"));
        openData.setMinWidth(
                javafx.scene.layout.Region.USE_PREF_SIZE); // the dataset's name may be long; the button keeps its word
        openData.setTooltip(new Tooltip(I18n.t("tip.folder")));
        openData.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(I18n.t("chooser.folder"));
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) vm.loadDataset(dir.toPath());
        });
        ChoiceBox<DatasetChoice> datasets = new ChoiceBox<>();
        datasets.setId("datasetBox");
        datasets.getItems().setAll(DatasetChoice.builtIn());
        datasets.getSelectionModel().select(0);
        datasets.setConverter(new StringConverter<>() {
            @Override
            public String toString(DatasetChoice c) {
                if (c == null) return "";
                String name = c.installHint().isEmpty() ? I18n.t("dataset.mnist") : c.name();
                return c.isAvailable() || c.installHint().isEmpty() ? name : name + I18n.t("dataset.notInstalled");
            }

            @Override
            public DatasetChoice fromString(String s) {
                return null;
            }
        });
        datasets.setTooltip(new Tooltip(I18n.t("tip.datasets")));
        datasets.setOnAction(e -> {
            if (datasets.getValue() != null) vm.loadDataset(datasets.getValue());
        });
        // Also locked while a dataset loads: the window starts that way, so the first Run finds the disabled
        // styles already computed — restyling them for the first time took 17–42 ms.
        javafx.beans.value.ObservableBooleanValue locking = lockedOnePulseLater(vm.settingsLockedProperty());
        datasets.disableProperty().bind(locking);
        openData.disableProperty().bind(datasets.disableProperty());
        HBox datasetRow = new HBox(8, datasets, openData);
        VBox datasetBox = new VBox(4, datasetRow, datasetLabel);

        VBox schemeBox = new VBox(4);
        schemeBox.setId("schemeBox");
        LessonTarget.mark(schemeBox, LessonTarget.EVERY_TAB, "schemes");
        for (SchemeChoice c : vm.form().schemes()) {
            CheckBox box = new CheckBox(c.text());
            box.setId("scheme-" + c.init().id());
            box.setWrapText(true); // a long formula takes a second line rather than being cut
            box.selectedProperty().bindBidirectional(c.selectedProperty());
            box.setTooltip(new Tooltip(I18n.f("tip.scheme", c.displayName(), SchemeChoice.formula(c.init()))
                    + (c.init().id().equals("lecun") ? "\n" + I18n.t("tip.lecun") : "")));
            schemeBox.getChildren().add(box);
        }

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        row = FieldGrid.addField(validation, grid, row, vm.form().hiddenField(), "hiddenField", "field.hidden");
        row = FieldGrid.addField(validation, grid, row, vm.form().etaField(), "etaField", "field.eta");
        row = FieldGrid.addField(validation, grid, row, vm.form().batchField(), "batchField", "field.batch");
        row = FieldGrid.addField(validation, grid, row, vm.form().batchesPerEpochField(), "batchesField");
        row = FieldGrid.addField(validation, grid, row, vm.form().epochsField(), "epochsField", "field.epochs");
        ChoiceBox<Loss> loss = new ChoiceBox<>();
        loss.setId("lossBox");
        loss.getItems().setAll(Loss.values());
        loss.valueProperty().bindBidirectional(vm.form().lossProperty());
        loss.setConverter(new StringConverter<>() {
            @Override
            public String toString(Loss l) {
                return l == null ? "" : I18n.t(l == Loss.QUADRATIC ? "loss.quadratic" : "loss.crossEntropy");
            }

            @Override
            public Loss fromString(String s) {
                return Loss.parse(s);
            }
        });
        grid.add(new Label(I18n.t("label.loss")), 0, row);
        grid.add(loss, 1, row++);
        row = FieldGrid.addField(validation, grid, row, vm.form().seedField(), "seedField", "field.seed");

        javafx.scene.control.TitledPane beyond = new javafx.scene.control.TitledPane();
        beyond.setText(I18n.t("pane.beyond"));
        beyond.setId("beyondPane");
        beyond.setExpanded(false);
        LazyContent.onFirstExpand(beyond, () -> beyondContent(vm));

        VBox settings = new VBox(
                8,
                section(I18n.t("section.schemes")),
                schemeBox,
                new Separator(),
                section(I18n.t("section.network")),
                grid,
                beyond);
        settings.setId("settingsBox");
        settings.disableProperty().bind(locking);
        Label locked = new Label();
        locked.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> I18n.t(
                                vm.stateProperty().get() == LabState.LOADING ? "label.lockedLoading" : "label.locked"),
                        vm.stateProperty()));
        locked.setStyle("-fx-font-style: italic;");
        locked.setId("lockedLabel");
        locked.visibleProperty().bind(settings.disabledProperty());
        locked.managedProperty().bind(locked.visibleProperty());

        Label problems = new Label();
        problems.setId("validationLabel");
        problems.setWrapText(true);
        problems.setStyle("-fx-text-fill: #b00020;");
        problems.textProperty().bind(vm.form().validationMessageProperty());

        Button run = new Button(I18n.t("button.run"));
        run.setId("runButton");
        LessonTarget.mark(run, LessonTarget.EVERY_TAB, "runButton");
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.runDisabledProperty());
        run.setOnAction(e -> vm.run());
        Button pause = new Button(I18n.t("button.pause"));
        pause.setId("pauseButton");
        pause.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> I18n.t(vm.stateProperty().get() == LabState.PAUSED ? "button.resume" : "button.pause"),
                        vm.stateProperty()));
        pause.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.stateProperty().get() != LabState.RUNNING
                                && vm.stateProperty().get() != LabState.PAUSED,
                        vm.stateProperty()));
        pause.setOnAction(e -> vm.pauseOrResume());
        Button cancel = new Button(I18n.t("button.cancel"));
        cancel.setId("cancelButton");
        cancel.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.stateProperty().get() != LabState.RUNNING
                                && vm.stateProperty().get() != LabState.PAUSED,
                        vm.stateProperty()));
        cancel.setOnAction(e -> vm.cancel());
        Button reset = new Button(I18n.t("button.reset"));
        reset.setId("resetButton");
        reset.setTooltip(new Tooltip(I18n.t("tip.reset")));
        reset.disableProperty().bind(vm.settingsLockedProperty());
        reset.setOnAction(e -> vm.reset());
        buttons = new HBox(6, run, pause, cancel, reset);
        buttons.setId("runButtons");
        buttons.setPadding(new Insets(8, 10, 10, 10));

        getChildren()
                .addAll(section(I18n.t("section.dataset")), datasetBox, new Separator(), settings, locked, problems);
    }

    /**
     * Run, Pause, Cancel and Reset: not in the panel itself, the window keeps them under it, in view while the
     * settings scroll (on a 1280 × 720 screen the settings are taller than the window).
     */
    public HBox runButtons() {
        return buttons;
    }

    /**
     * Follows {@code busy}, but greys the settings out one pulse after Run rather than in Run's own pulse:
     * restyling ~20 controls as disabled costs 12–28 ms of CSS, and Run's pulse already carries the run's
     * start (~10 ms) and the buttons' new states — together they made the one pulse over 50 ms. The run
     * itself reads the settings when Run is pressed, so nothing typed in those 16 ms could reach it.
     * Unlocking is immediate. The caller keeps {@code busy} alive (a binding held only by this listener
     * would be collected, its weak listeners on the state with it).
     */
    public static javafx.beans.value.ObservableBooleanValue lockedOnePulseLater(
            javafx.beans.value.ObservableBooleanValue busy) {
        javafx.beans.property.BooleanProperty locked = new javafx.beans.property.SimpleBooleanProperty(busy.get());
        busy.addListener((o, was, now) -> {
            if (!now) locked.set(false);
            else javafx.application.Platform.runLater(() -> locked.set(busy.get()));
        });
        return locked;
    }

    /** Settings beyond the reference experiment: activation, output, bias rule, L2, evaluation split, seeds per scheme. */
    private GridPane beyondContent(LabViewModel vm) {
        GridPane more = new GridPane();
        more.setHgap(8);
        more.setVgap(6);
        int m = 0;
        more.add(new Label(I18n.t("label.activation")), 0, m);
        more.add(
                FieldGrid.combo("activationBox", vm.form().activationProperty(), Activation.values(), Activation::id),
                1,
                m++);
        more.add(new Label(I18n.t("label.output")), 0, m);
        more.add(
                FieldGrid.combo("outputBox", vm.form().outputProperty(), OutputLayer.values(), OutputLayer::id),
                1,
                m++);
        more.add(new Label(I18n.t("label.bias")), 0, m);
        more.add(
                FieldGrid.combo(
                        "biasBox",
                        vm.form().biasRuleProperty(),
                        SettingsForm.biasRules().toArray(new String[0]),
                        b -> I18n.t("bias." + b)),
                1,
                m++);
        m = FieldGrid.addField(validation, more, m, vm.form().lambdaField(), "lambdaField");
        more.add(new Label(I18n.t("label.eval")), 0, m);
        more.add(
                FieldGrid.combo(
                        "evalBox", vm.form().evalSplitProperty(), EvalSplit.values(), e -> I18n.t("eval." + e.id())),
                1,
                m++);
        more.add(new Label(I18n.t("label.epochIs")), 0, m);
        more.add(
                FieldGrid.combo(
                        "epochModeBox",
                        vm.form().epochModeProperty(),
                        EpochMode.values(),
                        e -> I18n.t(e == EpochMode.BATCHES ? "epochMode.batches" : "epochMode.pass")),
                1,
                m++);
        m = FieldGrid.addField(validation, more, m, vm.form().seedsPerSchemeField(), "seedsPerSchemeField");
        m = FieldGrid.addField(validation, more, m, vm.form().targetField(), "targetField");
        atlantafx.base.controls.ToggleSwitch seeds =
                new atlantafx.base.controls.ToggleSwitch(I18n.t("switch.showSeeds"));
        seeds.setId("showSeedsSwitch");
        seeds.selectedProperty().bindBidirectional(vm.results().showSeedsProperty());
        more.add(seeds, 0, m++, 2, 1);
        return more;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
