package org.initlab.ui.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Depth tab computation that fails with one of the core's messages shows it in the window's language. */
class DepthFailureMessagesTest {
    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    /** Fails every job with the core's refusal of a layer without neurons. */
    private static final IllegalArgumentException REFUSAL = assertThrows(
            IllegalArgumentException.class,
            () -> new NetworkSpec(new int[] {4, 0, 2}, Activation.TANH, OutputLayer.SIGMOID, Loss.QUADRATIC));

    private static final BackgroundRunner FAILING = new BackgroundRunner() {
        @Override
        public <T> void submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            onFailure.accept(REFUSAL);
        }
    };

    @Test
    void theTabsFailureIsInChineseAndItsEnglishIsTheCores() {
        assertEquals("every layer needs at least 1 neuron, got 0", REFUSAL.getMessage());
        DepthViewModel english = new DepthViewModel(FAILING, () -> null);
        english.requestDiagram();
        assertEquals(
                "Depth: every layer needs at least 1 neuron, got 0",
                english.messageProperty().get());

        I18n.setLocale(I18n.CHINESE);
        DepthViewModel vm = new DepthViewModel(FAILING, () -> null);
        vm.requestDiagram();
        assertEquals("深度：每一层至少需要 1 个神经元，实际为 0", vm.messageProperty().get());
        vm.recompute(); // the correlation fixed point, in the background
        assertEquals("深度：每一层至少需要 1 个神经元，实际为 0", vm.messageProperty().get());
    }

    @Test
    void aFailedMeasurementIsInChinese() {
        I18n.setLocale(I18n.CHINESE);
        DepthViewModel vm = new DepthViewModel(FAILING, () -> null);
        vm.depthField().textProperty().set("3");
        vm.recompute();
        assertEquals("深度：每一层至少需要 1 个神经元，实际为 0", vm.measureStatusProperty().get());
    }
}
