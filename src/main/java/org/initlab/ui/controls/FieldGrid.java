package org.initlab.ui.controls;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.initlab.ui.base.LessonTarget;

/** Rows of a settings grid: a label and a validated text field, or a label and a picker. */
public final class FieldGrid {
    private FieldGrid() {}

    public static int addField(ValidationSupport validation, GridPane grid, int row, ValidatedText field, String id) {
        return addField(validation, grid, row, field, id, null);
    }

    /** {@link #addField} for a field a lesson may point at ({@code target}, null for none); the side panel is beside every tab. */
    public static int addField(
            ValidationSupport validation, GridPane grid, int row, ValidatedText field, String id, String target) {
        TextField tf = new TextField();
        tf.setId(id);
        if (target != null) LessonTarget.mark(tf, LessonTarget.EVERY_TAB, target);
        tf.setPrefColumnCount(8);
        tf.textProperty().bindBidirectional(field.textProperty());
        validation.registerValidator(tf, false, (control, value) -> {
            String message = field.check((String) value);
            return ValidationResult.fromErrorIf(control, message, !message.isEmpty());
        });
        grid.add(new Label(field.label()), 0, row);
        grid.add(tf, 1, row);
        return row + 1;
    }

    public static <T> ComboBox<T> combo(
            String id,
            javafx.beans.property.ObjectProperty<T> value,
            T[] items,
            java.util.function.Function<T, String> name) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.valueProperty().bindBidirectional(value);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        return box;
    }
}
