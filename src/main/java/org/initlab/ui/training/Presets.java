package org.initlab.ui.training;

import org.initlab.ui.base.I18n;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.OutputLayer;
import org.initlab.train.EpochMode;
import org.initlab.train.EvalSplit;

/** Built-in experiments, one click each: settings applied to the training view-model (after a Reset). */
public final class Presets {
    /** {@code id} is stable (the message key's last part); {@code name} is in the window's language. */
    public record Preset(String id, String name, Consumer<LabViewModel> apply) {}

    private Presets() {}

    public static List<Preset> all() {
        return List.of(
                preset("reference", vm -> {}),
                preset("zeros", vm -> {
                    schemes(vm, Set.of("zeros", "lecun"));
                    vm.biasRuleProperty().set("zeros");
                    vm.epochsField().textProperty().set("10");
                }),
                preset("deepSigmoid", vm -> {
                    schemes(vm, Set.of("standard", "xavier"));
                    vm.hiddenField().textProperty().set("30,30,30,30");
                    vm.lossProperty().set(Loss.CROSS_ENTROPY);
                    vm.etaField().textProperty().set("0.5");
                    vm.epochsField().textProperty().set("10");
                }),
                preset("deepRelu", vm -> {
                    schemes(vm, Set.of("xavier", "he"));
                    vm.hiddenField().textProperty().set("100,100,100,100,100");
                    vm.activationProperty().set(Activation.RELU);
                    vm.lossProperty().set(Loss.CROSS_ENTROPY);
                    vm.outputProperty().set(OutputLayer.SOFTMAX);
                    vm.biasRuleProperty().set("zeros");
                    vm.etaField().textProperty().set("0.05");
                    vm.epochsField().textProperty().set("5");
                }),
                preset("nielsen", vm -> {
                    vm.lossProperty().set(Loss.CROSS_ENTROPY);
                    vm.etaField().textProperty().set("0.1");
                    vm.lambdaField().textProperty().set("5.0");
                    vm.evalSplitProperty().set(EvalSplit.VALIDATION);
                    vm.epochModeProperty().set(EpochMode.PASS);
                }),
                preset("six", vm -> {
                    schemes(vm, Set.of("standard", "lecun", "xavier", "he", "uniform", "lecun-uniform"));
                    vm.seedsPerSchemeField().textProperty().set("5");
                    vm.epochsField().textProperty().set("10");
                }));
    }

    private static Preset preset(String id, Consumer<LabViewModel> apply) {
        return new Preset(id, I18n.t("preset." + id), apply);
    }

    /** Resets to the reference, then applies the preset. */
    public static void apply(LabViewModel vm, Preset preset) {
        vm.reset();
        preset.apply().accept(vm);
    }

    /** By id in any language ({@code INITLAB_PRESET=reference}), or by the start of its shown name. */
    public static Preset byName(String name) {
        return all().stream().filter(p -> p.id().equalsIgnoreCase(name) || p.name().toLowerCase().startsWith(name.toLowerCase())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no preset named '" + name + "'"));
    }

    private static void schemes(LabViewModel vm, Set<String> ids) {
        vm.schemes().forEach(c -> c.selectedProperty().set(ids.contains(c.init().id())));
    }
}
