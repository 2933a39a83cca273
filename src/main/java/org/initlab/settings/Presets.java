package org.initlab.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in experiments as settings: each is the reference with a few values changed. The window's
 * Presets menu and the lessons apply them, {@code compare --preset} and {@code sweep --preset} start from
 * them; a test checks every one against the settings model.
 *
 * <p>The deep presets share one recipe apart from the reference's ({@link #deepRecipe}): width 100, softmax with
 * cross-entropy, plain SGD with η 0.05 on mini-batches of 64 for 1,000 steps, the accuracy measured after steps
 * 100, 300 and 1,000, or at seven steps for the curves ({@link #CURVE_STEPS}; docs/depth-theory.md). They are
 * the Depth tab's presets and each has a sweep grid ({@code sweep.PresetGrid}), in the order of {@link #deep()}.
 */
public final class Presets {
    /**
     * {@code id} is stable: the window's name for it is the message {@code preset.<id>}. {@code deep}: built on
     * the deep recipe ({@link #deep()}).
     */
    public record Preset(String id, LabSettings settings, boolean deep) {}

    /**
     * The steps of the presets that compare two learning curves at 100 layers (isometry, isometryRelu): seven points for a
     * curve. Each measures 10,000 test and 10,000 training images; on 100 layers of 100 one measurement costs about
     * a fifth of the 1,000 training steps (docs/depth-theory.md), so seven points take about 1.5× three. The
     * edge-of-chaos map and he30 keep three: a sweep measures every cell.
     */
    static final String CURVE_STEPS = "50,100,200,300,500,700,1000";

    private Presets() {}

    public static List<Preset> all() {
        return List.of(
                preset("reference", Map.of(), "standard", "lecun"),
                preset("zeros", Map.of("bias", "zeros", "epochs", "10"), "zeros", "lecun"),
                preset(
                        "deepSigmoid",
                        Map.of("hidden", "30,30,30,30", "loss", "cross-entropy", "eta", "0.5", "epochs", "10"),
                        "standard",
                        "xavier"),
                preset(
                        "deepRelu",
                        Map.of(
                                "hidden",
                                "100,100,100,100,100",
                                "activation",
                                "relu",
                                "loss",
                                "cross-entropy",
                                "output",
                                "softmax",
                                "bias",
                                "zeros",
                                "eta",
                                "0.05",
                                "epochs",
                                "5"),
                        "xavier",
                        "he"),
                preset(
                        "nielsen",
                        Map.of(
                                "loss",
                                "cross-entropy",
                                "eta",
                                "0.1",
                                "lambda",
                                "5.0",
                                "eval",
                                "validation",
                                "epochMode",
                                "pass"),
                        "standard",
                        "lecun"),
                preset(
                        "six",
                        Map.of("seedsPerScheme", "5", "epochs", "10"),
                        "standard",
                        "lecun",
                        "xavier",
                        "he",
                        "uniform",
                        "lecun-uniform"),
                // Schoenholz et al. 2017: tanh, σ_b² = 0.05 (N(0, 0.2236²)); the sweep varies σ_w² and depth over it.
                deepPreset("edgeOfChaos", deepRecipe(30, "tanh", "normal:0.2236068"), "lecun"),
                // Pennington et al. 2017: 100 tanh layers at the critical point (σ_b² = 0), orthogonal against Gaussian
                // weights. η 0.01: at the recipe's 0.05 the orthogonal network learns, then loses it
                // (docs/depth-theory.md).
                deepPreset(
                        "isometry",
                        with(with(deepRecipe(100, "tanh", "zeros"), "eta", "0.01"), "evalSteps", CURVE_STEPS),
                        "orthogonal",
                        "lecun"),
                // The same with ReLU at its critical point σ_w² = 2: orthogonal ×√2 against He. No choice of weights
                // makes a ReLU network's Jacobian isometric (each layer zeroes about half its units).
                deepPreset(
                        "isometryRelu",
                        with(with(deepRecipe(100, "relu", "zeros"), "eta", "0.01"), "evalSteps", CURVE_STEPS),
                        "orthogonal-relu",
                        "he"),
                // He et al. 2015: 30 ReLU layers, Xavier's variance halves the signal per layer, He's keeps it.
                deepPreset("he30", deepRecipe(30, "relu", "zeros"), "xavier", "he"));
    }

    /** The deep-network recipe: {@code depth} hidden layers of 100 units, softmax with cross-entropy, η 0.05, batches of 64, 1,000 steps. */
    static Map<String, String> deepRecipe(int depth, String activation, String bias) {
        return Map.of(
                "hidden",
                String.join(",", Collections.nCopies(depth, "100")),
                "activation",
                activation,
                "bias",
                bias,
                "output",
                "softmax",
                "loss",
                "cross-entropy",
                "eta",
                "0.05",
                "batch",
                "64",
                "batchesPerEpoch",
                "1000",
                "epochs",
                "1",
                "evalSteps",
                "100,300,1000");
    }

    private static Map<String, String> with(Map<String, String> recipe, String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(recipe);
        changed.put(key, value);
        return changed;
    }

    /** The deep presets, in the catalogue's order: the Depth tab's and the Sweep tab's choices, each with a sweep grid. */
    public static List<Preset> deep() {
        return all().stream().filter(Preset::deep).toList();
    }

    /** The ids of {@link #deep()}, in order. */
    public static List<String> deepIds() {
        return deep().stream().map(Preset::id).toList();
    }

    /** Every preset's id, in the catalogue's order. */
    public static List<String> ids() {
        return all().stream().map(Preset::id).toList();
    }

    public static Optional<Preset> byId(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static Preset preset(String id, Map<String, String> changes, String... schemes) {
        return new Preset(id, onReference(changes, schemes), false);
    }

    /** A preset on the deep recipe ({@link #deepRecipe}, perhaps changed): one of {@link #deep()}. */
    private static Preset deepPreset(String id, Map<String, String> recipe, String... schemes) {
        return new Preset(id, onReference(recipe, schemes), true);
    }

    /** The reference's values with {@code changes} over them, in the catalogue's order. */
    private static LabSettings onReference(Map<String, String> changes, String... schemes) {
        Map<String, String> values = new LinkedHashMap<>(LabSettings.defaults().values());
        values.putAll(changes);
        return new LabSettings(values, List.of(schemes));
    }
}
