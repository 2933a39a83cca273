package org.initlab.ui.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleDoubleProperty;
import org.initlab.ui.base.BackgroundRunner;
import org.junit.jupiter.api.Test;

class ZViewModelTest {
    @Test
    void analyticSigmaFollowsEditsAndThePresetRestoresTheThoughtExperiment() {
        // The analytic side only: a runner that drops the sampling keeps each edit instant (sampling has its own
        // tests).
        BackgroundRunner drop = new BackgroundRunner() {
            @Override
            public <T> void submit(
                    String name,
                    java.util.concurrent.Callable<T> work,
                    java.util.function.Consumer<T> ok,
                    java.util.function.Consumer<Throwable> failed) {}
        };
        ZViewModel z = new ZViewModel(drop, new SimpleDoubleProperty(0.01));
        assertEquals("22.3830", z.analyticAProperty().get());
        assertEquals("1.2247", z.analyticBProperty().get());
        z.onesField().textProperty().set("100");
        assertEquals(
                String.format(java.util.Locale.ROOT, "%.4f", Math.sqrt(101)),
                z.analyticAProperty().get());
        z.schemeBProperty().set(ZViewModel.CUSTOM);
        z.customSigmaField().textProperty().set("0.5");
        assertEquals(
                String.format(java.util.Locale.ROOT, "%.4f", Math.sqrt(100 * 0.25 + 1)),
                z.analyticBProperty().get());
        assertTrue(
                z.derivationBProperty().get().contains("= 100 × 0.5000² + 1.000² = 26.00"),
                z.derivationBProperty().get());
        z.onesField().textProperty().set("5000");
        assertTrue(
                z.messageProperty().get().contains("at most n_in (1000)"),
                z.messageProperty().get());
        z.onesField().textProperty().set("500");
        z.inputsField().textProperty().set("1000000");
        z.onesField().textProperty().set("5000");
        z.samplesField().textProperty().set("1000000");
        assertTrue(
                z.messageProperty().get().contains("5,000,000,000 weight draws; the limit is 1,000,000,000"),
                z.messageProperty().get());
        assertEquals("—", z.analyticAProperty().get(), "refused up front: nothing computed");
        z.reset();
        assertEquals("", z.messageProperty().get());
        assertEquals("22.3830", z.analyticAProperty().get());
        assertEquals("1.2247", z.analyticBProperty().get());
    }
}
