package org.initlab.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.initlab.settings.ChoiceParam;
import org.initlab.settings.IdListParam;
import org.initlab.settings.LabParameters;
import org.initlab.settings.LabSettings;
import org.initlab.settings.Param;
import org.initlab.settings.Parsed;
import org.initlab.settings.SettingsFormatException;
import org.initlab.testutil.ParamSamples;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.training.LabViewModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The window's side of the parameter walk (the command line's and the files' are in ParameterWalkTest):
 * a field built from a parameter refuses exactly what the parameter refuses, and the training settings
 * accept a settings file's value exactly when the parameter does, showing it as given.
 */
class WindowParameterWalkTest {
    static Stream<Param<?>> windowParameters() {
        return Stream.concat(LabParameters.fileSettings().stream(), LabParameters.zView().stream())
                .distinct();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String format(Param p, Object value) {
        return p.format(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windowParameters")
    void aFieldRefusesWhatTheParameterRefuses(Param<?> p) {
        if (p instanceof ChoiceParam<?> || p instanceof IdListParam<?>) return; // pickers, not text fields
        ParamField field = new ParamField(p);
        assertTrue(
                field.isValid(),
                "the default is valid: " + field.errorProperty().get());
        for (String text : ParamSamples.texts(p)) {
            Parsed<?> parsed = p.parse(text);
            String message = field.check(text);
            assertEquals(parsed.ok(), message.isEmpty(), p.id() + " = '" + text + "': " + message);
            if (!parsed.ok())
                assertTrue(
                        message.contains(field.label())
                                || !parsed.problem().reason().ofOneValue(),
                        "names the field: " + message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windowParameters")
    void theTrainingSettingsTakeAFileValueWhenTheParameterDoes(Param<?> p) {
        if (!LabParameters.fileSettings().contains(p)) return;
        LabViewModel vm = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        for (String text : ParamSamples.texts(p)) {
            Parsed<?> parsed = p.parse(text);
            LabSettings s = new LabSettings(Map.of(p.id(), text), List.of("standard"));
            try {
                vm.form().apply(s);
                assertTrue(parsed.ok(), p.id() + " = '" + text + "': the parameter refuses it, the window took it");
                String shown = vm.form().settings().values().get(p.id());
                assertEquals(
                        format(p, parsed.value()),
                        format(p, p.parse(shown).value()),
                        p.id() + " = '" + text + "' reads back as given");
            } catch (SettingsFormatException e) {
                assertTrue(
                        !parsed.ok(),
                        p.id() + " = '" + text + "': the parameter takes it, the window refused: " + e.getMessage());
            }
        }
    }
}
