package org.initlab.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in experiments as settings: each is the reference with a few values changed. The window's
 * Presets menu and the lessons apply them; a test checks every one against the settings model.
 */
public final class Presets {
    /** {@code id} is stable: the window's name for it is the message {@code preset.<id>}. */
    public record Preset(String id, LabSettings settings) {}

    private Presets() {}

    public static List<Preset> all() {
        return List.of(
                preset("reference", Map.of(), "standard", "lecun"),
                preset("zeros", Map.of("bias", "zeros", "epochs", "10"), "zeros", "lecun"),
                preset("deepSigmoid", Map.of("hidden", "30,30,30,30", "loss", "cross-entropy", "eta", "0.5", "epochs", "10"), "standard", "xavier"),
                preset("deepRelu", Map.of("hidden", "100,100,100,100,100", "activation", "relu", "loss", "cross-entropy", "output", "softmax",
                        "bias", "zeros", "eta", "0.05", "epochs", "5"), "xavier", "he"),
                preset("nielsen", Map.of("loss", "cross-entropy", "eta", "0.1", "lambda", "5.0", "eval", "validation", "epochMode", "pass"),
                        "standard", "lecun"),
                preset("six", Map.of("seedsPerScheme", "5", "epochs", "10"), "standard", "lecun", "xavier", "he", "uniform", "lecun-uniform"));
    }

    public static Optional<Preset> byId(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The reference's values with {@code changes} over them, in the catalogue's order. */
    private static Preset preset(String id, Map<String, String> changes, String... schemes) {
        Map<String, String> values = new LinkedHashMap<>(LabSettings.defaults().values());
        values.putAll(changes);
        return new Preset(id, new LabSettings(values, List.of(schemes)));
    }
}
