package org.initlab.settings;

import java.util.List;
import java.util.Map;

/**
 * The window's training settings as a person reads them: every value as the text a field holds, keyed
 * by parameter id ({@link LabParameters}), plus the chosen schemes. Saved as versioned JSON (presets and the last session); never Java
 * serialization.
 */
public record LabSettings(Map<String, String> values, List<String> schemes) {
    public static final int SCHEMA_VERSION = 1;

    public LabSettings {
        values = Map.copyOf(values);
        schemes = List.copyOf(schemes);
    }

    /** The reference experiment: every file setting's default text, schemes standard and lecun. */
    public static LabSettings defaults() {
        Map<String, String> v = new java.util.LinkedHashMap<>();
        LabParameters.fileSettings().forEach(p -> v.put(p.id(), p.defaultText()));
        return new LabSettings(v, List.of(LabParameters.SCHEMES.defaultText().split(",")));
    }
}
