package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleDoubleProperty;
import org.junit.jupiter.api.Test;

class ZViewModelTest {
    @Test
    void analyticSigmaFollowsEditsAndThePresetRestoresTheThoughtExperiment() {
        ZViewModel z = new ZViewModel(BackgroundRunner.SYNCHRONOUS, new SimpleDoubleProperty(0.01));
        z.samplesField().textProperty().set("2000");
        assertEquals("22.3830", z.analyticAProperty().get());
        assertEquals("1.2247", z.analyticBProperty().get());
        z.onesField().textProperty().set("100");
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", Math.sqrt(101)), z.analyticAProperty().get());
        z.schemeBProperty().set(ZViewModel.CUSTOM);
        z.customSigmaField().textProperty().set("0.5");
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", Math.sqrt(100 * 0.25 + 1)), z.analyticBProperty().get());
        assertTrue(z.derivationBProperty().get().contains("= 100 × 0.5000² + 1.000² = 26.00"), z.derivationBProperty().get());
        z.onesField().textProperty().set("5000");
        assertTrue(z.messageProperty().get().contains("at most n_in (1000)"), z.messageProperty().get());
        z.reset();
        assertEquals("", z.messageProperty().get());
        assertEquals("22.3830", z.analyticAProperty().get());
        assertEquals("1.2247", z.analyticBProperty().get());
        assertEquals(200_000, z.resultBProperty().get() == null ? 200_000 : z.resultBProperty().get().spec().samples());
    }
}
