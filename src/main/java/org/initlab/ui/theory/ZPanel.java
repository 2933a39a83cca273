package org.initlab.ui.theory;

import atlantafx.base.controls.ToggleSwitch;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.initlab.ui.base.I18n;
import org.initlab.ui.controls.FieldGrid;
import org.initlab.ui.controls.LazyContent;
import org.initlab.ui.controls.ParamField;

/** The side panel's section for the two theory views: the 500-ones experiment's inputs. */
public final class ZPanel extends TitledPane {
    private final ValidationSupport validation = new ValidationSupport();

    public ZPanel(ZViewModel vm) {
        setText(I18n.t("z.panel"));
        setExpanded(false); // opened when a theory tab is shown; keeps the first paint light
        validation.setValidationDecorator(new GraphicValidationDecoration());
        LazyContent.onFirstExpand(this, () -> content(vm));
    }

    private VBox content(ZViewModel vm) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        int row = 0;
        row = field(grid, row, vm.inputsField(), "zInputsField", "field.inputs");
        row = field(grid, row, vm.onesField(), "zOnesField", "field.ones");
        grid.add(new Label(I18n.t("z.schemeA")), 0, row);
        grid.add(picker(vm.schemeAProperty(), "zSchemeA"), 1, row++);
        grid.add(new Label(I18n.t("z.schemeB")), 0, row);
        grid.add(picker(vm.schemeBProperty(), "zSchemeB"), 1, row++);
        row = field(grid, row, vm.customSigmaField(), "zCustomSigmaField");
        row = field(grid, row, vm.biasSigmaField(), "zBiasField", "field.biasSigma");
        row = field(grid, row, vm.samplesField(), "zSamplesField");
        row = field(grid, row, vm.seedField(), "zSeedField");
        row = field(grid, row, vm.thresholdField(), "zThresholdField", "field.threshold");
        ToggleSwitch shared = new ToggleSwitch(I18n.t("z.sharedAxis"));
        shared.setId("sharedAxisSwitch");
        shared.selectedProperty().bindBidirectional(vm.sharedAxisProperty());
        grid.add(shared, 0, row++, 2, 1);
        Label problems = new Label();
        problems.setId("zValidationLabel");
        problems.setWrapText(true);
        problems.setStyle("-fx-text-fill: #b00020;");
        problems.textProperty().bind(vm.messageProperty());
        return new VBox(6, grid, problems);
    }

    private static ComboBox<String> picker(javafx.beans.property.ObjectProperty<String> value, String id) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(ZViewModel.schemeIds());
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private int field(GridPane grid, int row, ParamField field, String id) {
        return field(grid, row, field, id, null);
    }

    private int field(GridPane grid, int row, ParamField field, String id, String target) {
        return FieldGrid.addField(validation, grid, row, field, id, target);
    }
}
