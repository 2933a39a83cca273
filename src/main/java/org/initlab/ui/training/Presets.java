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
                    vm.form().biasRuleProperty().set("zeros");
                    vm.form().epochsField().textProperty().set("10");
                }),
                preset("deepSigmoid", vm -> {
                    schemes(vm, Set.of("standard", "xavier"));
                    vm.form().hiddenField().textProperty().set("30,30,30,30");
                    vm.form().lossProperty().set(Loss.CROSS_ENTROPY);
                    vm.form().etaField().textProperty().set("0.5");
                    vm.form().epochsField().textProperty().set("10");
                }),
                preset("deepRelu", vm -> {
                    schemes(vm, Set.of("xavier", "he"));
                    vm.form().hiddenField().textProperty().set("100,100,100,100,100");
                    vm.form().activationProperty().set(Activation.RELU);
                    vm.form().lossProperty().set(Loss.CROSS_ENTROPY);
                    vm.form().outputProperty().set(OutputLayer.SOFTMAX);
                    vm.form().biasRuleProperty().set("zeros");
                    vm.form().etaField().textProperty().set("0.05");
                    vm.form().epochsField().textProperty().set("5");
                }),
                preset("nielsen", vm -> {
                    vm.form().lossProperty().set(Loss.CROSS_ENTROPY);
                    vm.form().etaField().textProperty().set("0.1");
                    vm.form().lambdaField().textProperty().set("5.0");
                    vm.form().evalSplitProperty().set(EvalSplit.VALIDATION);
                    vm.form().epochModeProperty().set(EpochMode.PASS);
                }),
                preset("six", vm -> {
                    schemes(vm, Set.of("standard", "lecun", "xavier", "he", "uniform", "lecun-uniform"));
                    vm.form().seedsPerSchemeField().textProperty().set("5");
                    vm.form().epochsField().textProperty().set("10");
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
        vm.form().schemes().forEach(c -> c.selectedProperty().set(ids.contains(c.init().id())));
    }
}
