package org.initlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.OutputLayer;
import org.initlab.settings.LabParameters;
import org.initlab.settings.LabSettings;
import org.initlab.train.EpochMode;
import org.initlab.train.EvalSplit;
import org.junit.jupiter.api.Test;

/** The form's fields and pickers start at, and reset to, the settings catalogue's defaults (no copies of their own). */
class SettingsFormDefaultsTest {

    @Test
    void aNewFormHoldsTheCataloguesDefaults() {
        SettingsForm form = new SettingsForm(() -> {});
        assertEquals(LabSettings.defaults(), form.settings());
        assertEquals("", form.validationMessageProperty().get());
    }

    @Test
    void resetReturnsEveryFieldAndPickerToTheDefaults() {
        SettingsForm form = new SettingsForm(() -> {});
        form.epochsField().textProperty().set("5");
        form.lossProperty().set(Loss.CROSS_ENTROPY);
        form.activationProperty().set(Activation.RELU);
        form.outputProperty().set(OutputLayer.SOFTMAX);
        form.biasRuleProperty().set("zeros");
        form.evalSplitProperty().set(EvalSplit.VALIDATION);
        form.epochModeProperty().set(EpochMode.PASS);
        form.schemes()
                .forEach(c -> c.selectedProperty().set(!c.selectedProperty().get()));
        assertNotEquals(LabSettings.defaults(), form.settings());
        form.reset();
        assertEquals(LabSettings.defaults(), form.settings());
    }

    @Test
    void theDefaultBiasRuleIsOneThePickerOffers() {
        assertTrue(SettingsForm.biasRules()
                .contains(new SettingsForm(() -> {}).biasRuleProperty().get()));
        assertEquals(
                LabParameters.BIAS.defaultValue(),
                LabParameters.BIAS.parse(SettingsForm.biasRules().get(0)).value());
    }
}
