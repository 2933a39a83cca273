package org.initlab.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.controls.ValidatedText;
import org.initlab.ui.theory.ZViewModel;
import org.initlab.ui.training.LabViewModel;
import org.junit.jupiter.api.Test;

/** Every text field of the window with non-numbers, blanks, negatives, zero, huge values and extra characters. */
class WindowFieldsRobustnessTest {
    private static final List<String> BAD =
            List.of("abc", "", "   ", "-1", "1e999", "99999999999999999999", "5x", "3,0", "NaN", "0x10");

    @Test
    void everyFieldNamesItselfAndItsRangeAndKeepsWhatWasTyped() {
        LabViewModel lab = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        DoubleProperty t = new SimpleDoubleProperty(0.01);
        // Sampling is not under test here: a runner that drops the work keeps each edit instant.
        BackgroundRunner drop = new BackgroundRunner() {
            @Override
            public <T> void submit(
                    String name,
                    java.util.concurrent.Callable<T> work,
                    java.util.function.Consumer<T> ok,
                    java.util.function.Consumer<Throwable> failed) {}
        };
        ZViewModel z = new ZViewModel(drop, t);
        List<ValidatedText> fields = new ArrayList<>(List.of(
                lab.form().hiddenField(),
                lab.form().etaField(),
                lab.form().batchField(),
                lab.form().batchesPerEpochField(),
                lab.form().epochsField(),
                lab.form().seedField(),
                lab.form().lambdaField(),
                lab.form().seedsPerSchemeField(),
                lab.form().targetField()));
        List<ValidatedText> theory = List.of(
                z.inputsField(),
                z.onesField(),
                z.biasSigmaField(),
                z.customSigmaField(),
                z.samplesField(),
                z.seedField(),
                z.thresholdField());
        fields.addAll(theory);
        int checked = 0;
        for (ValidatedText f : fields) {
            String good = f.textProperty().get();
            for (String bad : BAD) {
                String message = f.check(bad);
                // Some fields accept some of these (λ = 0 is fine, a seed may be 0): only the refused ones must
                // explain.
                if (message.isEmpty()) continue;
                checked++;
                assertTrue(message.startsWith(f.label() + ": "), message);
                assertTrue(
                        message.contains("enter ") && (message.contains(" to ") || message.contains("at most")),
                        "names the range: " + message);
                f.textProperty().set(bad);
                assertEquals(bad, f.textProperty().get(), "what was typed stays");
                if (!theory.contains(f)) {
                    assertTrue(lab.runDisabledProperty().get(), "Run disabled for " + f.label() + " = '" + bad + "'");
                    assertTrue(
                            lab.form().validationMessageProperty().get().contains(f.label()),
                            lab.form().validationMessageProperty().get());
                } else {
                    assertTrue(
                            z.messageProperty().get().contains(f.label()),
                            z.messageProperty().get());
                }
                f.textProperty().set(good);
            }
        }
        assertTrue(checked >= 140, "refusals checked: " + checked);
        assertEquals("", lab.form().validationMessageProperty().get());
    }
}
