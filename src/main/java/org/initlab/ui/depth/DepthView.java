package org.initlab.ui.depth;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.initlab.settings.Presets;
import org.initlab.theory.meanfield.Phi;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LessonTarget;
import org.initlab.ui.controls.FieldGrid;

// Exists so the Depth tab has one node that lays out its controls and composes its panels.
/**
 * The Depth tab: the controls on the left, and in a grid the phase diagram ({@link PhaseDiagramPanel}) with
 * its words beside it, q^l and the squared gradient per layer ({@link LayerPlots}), and the Jacobian
 * spectrum ({@link JacobianPanel}) with its words ({@link DepthExplanations}). It only binds, lays out and
 * pumps the background results once per pulse; {@link DepthViewModel} computes.
 */
public final class DepthView extends BorderPane {
    private final DepthViewModel vm;
    private final PhaseDiagramPanel phase;
    private final LayerPlots layers;
    private final JacobianPanel jacobian;
    private final DeepComparisonPanel comparison;
    private final ValidationSupport validation = new ValidationSupport();
    private final AnimationTimer pump;

    public DepthView(DepthViewModel vm) {
        this.vm = vm;
        setId("depthView");
        validation.setValidationDecorator(new GraphicValidationDecoration());
        phase = new PhaseDiagramPanel(vm);
        layers = new LayerPlots(vm);
        jacobian = new JacobianPanel(vm.measurements());

        ScrollPane controls = controls();
        setLeft(controls);
        setTop(presets());
        // The trained comparison takes the tab's width: the point's fields belong to the theory view.
        controls.visibleProperty().bind(vm.comparison().shownProperty().not());
        controls.managedProperty().bind(controls.visibleProperty());
        GridPane charts = new GridPane();
        charts.setHgap(8);
        charts.setVgap(8);
        charts.setPadding(new Insets(8));
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(50);
        c.setHgrow(Priority.ALWAYS);
        charts.getColumnConstraints().addAll(c, c);
        for (int i = 0; i < 3; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(i == 0 ? 38 : 31);
            r.setVgrow(Priority.ALWAYS);
            charts.getRowConstraints().add(r);
        }
        charts.add(phase.canvas, 0, 0);
        charts.add(DepthExplanations.summary(vm), 1, 0);
        charts.add(layers.q, 0, 1);
        charts.add(layers.grad, 1, 1);
        charts.add(jacobian.canvas, 0, 2);
        charts.add(DepthExplanations.jacobian(vm.measurements()), 1, 2);
        comparison = new DeepComparisonPanel(vm.comparison());
        setCenter(views(charts));

        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.applyPendingResults();
            }
        };
        pump.start();
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) pump.stop();
            else pump.start();
        });
        vm.requestDiagram();
        vm.recompute();
    }

    /** The redraw the window calls when the tab is shown. */
    public void refresh() {
        phase.redraw();
        layers.redraw();
        jacobian.redraw();
        comparison.redraw();
    }

    /** The theory at initialization, and one click away the trained comparison; the view-model says which is shown. */
    private TabPane views(GridPane theory) {
        Tab theoryTab = new Tab(I18n.t("depth.view.theory"), theory);
        theoryTab.setId("depthTheoryView");
        Tab comparisonTab = new Tab(I18n.t("depth.view.comparison"), comparison.node);
        comparisonTab.setId("depthComparisonView");
        TabPane views = new TabPane(theoryTab, comparisonTab);
        views.setId("depthViews");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        DeepComparisonViewModel cmp = vm.comparison();
        views.getSelectionModel().select(cmp.shownProperty().get() ? 1 : 0);
        views.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            cmp.shownProperty().set(i.intValue() == 1);
            javafx.application.Platform.runLater(this::refresh); // the view shown catches up after layout
        });
        cmp.shownProperty().addListener((o, a, on) -> views.getSelectionModel().select(on ? 1 : 0));
        return views;
    }

    /** The deep presets: choosing one sets the point above to its network; the button trains the comparison. */
    private HBox presets() {
        DeepComparisonViewModel cmp = vm.comparison();
        Label title = new Label(I18n.t("depth.cmp.presets"));
        title.setStyle("-fx-font-weight: bold;");
        ComboBox<String> choice = FieldGrid.combo(
                "depthPresetChoice",
                cmp.presetProperty(),
                Presets.deepIds().toArray(new String[0]),
                id -> I18n.t("depth.cmp.preset." + id));
        choice.setPromptText(I18n.t("depth.cmp.choose"));
        choice.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // short names, shown whole
        LessonTarget.mark(choice, "depth", "depthPresetChoice");
        Button train = new Button(I18n.t("depth.cmp.train"));
        train.setId("depthTrainPreset");
        LessonTarget.mark(train, "depth", "depthTrainPreset");
        train.disableProperty().bind(cmp.trainDisabledProperty());
        train.setOnAction(e -> cmp.train());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(cmp.trainReasonProperty());
        train.setTooltip(tip);
        // A disabled button shows no tooltip: why it waits is written beside it.
        Label why = new Label();
        why.setId("depthTrainWhy");
        why.setWrapText(true);
        why.setStyle("-fx-font-size: 0.9em;");
        why.setMinWidth(0);
        HBox.setHgrow(why, Priority.ALWAYS);
        why.textProperty()
                .bind(javafx.beans.binding.Bindings.when(cmp.trainDisabledProperty())
                        .then(cmp.trainReasonProperty())
                        .otherwise(""));
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        train.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox box = new HBox(8, title, choice, train, why);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 8, 2, 8));
        return box;
    }

    private ScrollPane controls() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        int row = 0;
        grid.add(new Label(I18n.t("field.depthActivation")), 0, row);
        grid.add(FieldGrid.combo("depthActivation", vm.activationProperty(), Phi.values(), Phi::id), 1, row++);
        row = FieldGrid.addField(validation, grid, row, vm.sigmaW2Field(), "depthSigmaW2Field");
        row = FieldGrid.addField(validation, grid, row, vm.sigmaB2Field(), "depthSigmaB2Field");
        row = FieldGrid.addField(validation, grid, row, vm.depthField(), "depthDepthField");
        row = FieldGrid.addField(validation, grid, row, vm.widthField(), "depthWidthField");
        grid.add(new Label(I18n.t("depth.inputs")), 0, row);
        grid.add(
                FieldGrid.combo(
                        "depthInputs",
                        vm.inputsProperty(),
                        DepthViewModel.Inputs.values(),
                        i -> I18n.t("depth.inputs." + i.name().toLowerCase(Locale.ROOT))),
                1,
                row++);
        row = FieldGrid.addField(validation, grid, row, vm.q0Field(), "depthQ0Field");
        row = FieldGrid.addField(validation, grid, row, vm.samplesField(), "depthSamplesField");
        row = FieldGrid.addField(validation, grid, row, vm.networksField(), "depthNetworksField");
        row = FieldGrid.addField(validation, grid, row, vm.seedField(), "depthSeedField");
        grid.add(new Label(I18n.t("depth.heat")), 0, row);
        grid.add(
                FieldGrid.combo(
                        "depthHeat",
                        vm.heatProperty(),
                        PhaseDiagramViewModel.Heat.values(),
                        h -> I18n.t("depth.heat." + h.name().toLowerCase(Locale.ROOT))),
                1,
                row++);
        Button critical = new Button(I18n.t("depth.toCritical"));
        critical.setId("depthToCritical");
        critical.setOnAction(e -> vm.toCriticalLine(0));
        Button off = new Button(I18n.t("depth.offCritical"));
        off.setId("depthOffCritical");
        off.setOnAction(e -> vm.toCriticalLine(0.1));
        Label problems = new Label();
        problems.setId("depthValidationLabel");
        problems.setWrapText(true);
        problems.setStyle("-fx-text-fill: #b00020;");
        problems.textProperty().bind(vm.messageProperty());
        Label status = new Label();
        status.setId("depthMeasureStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.measureStatusProperty());
        VBox box = new VBox(8, grid, critical, off, status, problems);
        box.setPadding(new Insets(4, 8, 8, 4));
        box.setMinWidth(
                javafx.scene.layout.Region.USE_PREF_SIZE); // as wide as its labels and choices, in either language
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(labels, inputs);
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return sp;
    }
}
