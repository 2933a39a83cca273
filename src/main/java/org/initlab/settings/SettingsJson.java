package org.initlab.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.initlab.io.AtomicFiles;

/**
 * Reads and writes {@link LabSettings} as JSON a person can read and edit:
 * <pre>{"schema": "initlab-settings", "version": 1, "settings": {"eta": "3.0", …}, "schemes": ["standard", "lecun"]}</pre>
 * Reading checks the structure only (known keys, strings, sizes); {@link SettingsFile} checks the values too.
 * The known keys are {@link LabParameters#fileKeys()}.
 * Every problem is a {@link SettingsFormatException} with a message; the JSON tree API is used, never
 * data binding or Java deserialization.
 */
public final class SettingsJson {
    public static final String SCHEMA = "initlab-settings";
    public static final long MAX_BYTES = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(10_000).build());
    }

    private SettingsJson() {}

    public static String write(LabSettings s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", LabSettings.SCHEMA_VERSION);
        ObjectNode values = root.putObject("settings");
        new java.util.TreeMap<>(s.values()).forEach(values::put);
        ArrayNode schemes = root.putArray("schemes");
        s.schemes().forEach(schemes::add);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void save(Path file, LabSettings s) throws IOException {
        AtomicFiles.writeString(file, write(s));
    }

    /** Reads the structure with the catalogue's keys. */
    public static LabSettings read(String json) throws SettingsFormatException {
        return read(json, LabParameters.fileKeys());
    }

    public static LabSettings load(Path file, Set<String> knownKeys) throws IOException {
        return JsonFiles.load(file, MAX_BYTES, ", not a settings file", json -> read(json, knownKeys));
    }

    public static LabSettings read(String json, Set<String> knownKeys) throws SettingsFormatException {
        if (json.length() > MAX_BYTES) throw new SettingsFormatException("larger than " + MAX_BYTES + " characters");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new SettingsFormatException("not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) throw new SettingsFormatException("expected a JSON object");
        if (!SCHEMA.equals(text(root.get("schema")))) throw new SettingsFormatException("\"schema\" must be \"" + SCHEMA + "\"");
        JsonNode version = root.get("version");
        if (version == null || !version.isInt()) throw new SettingsFormatException("\"version\" must be a whole number");
        if (version.intValue() != LabSettings.SCHEMA_VERSION) {
            throw new SettingsFormatException("unknown schema version " + version.intValue() + " (this InitLab reads version " + LabSettings.SCHEMA_VERSION + ")");
        }
        JsonNode settings = root.get("settings");
        if (settings == null || !settings.isObject()) throw new SettingsFormatException("\"settings\" must be an object");
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!knownKeys.contains(e.getKey())) throw new SettingsFormatException("unknown setting \"" + e.getKey() + "\"");
            if (!e.getValue().isTextual() && !e.getValue().isNumber()) throw new SettingsFormatException("setting \"" + e.getKey() + "\" must be a string or a number");
            values.put(e.getKey(), e.getValue().asText());
        }
        JsonNode schemes = root.get("schemes");
        if (schemes == null || !schemes.isArray()) throw new SettingsFormatException("\"schemes\" must be a list of scheme ids");
        if (schemes.size() > 100) throw new SettingsFormatException("\"schemes\": at most 100");
        List<String> ids = new ArrayList<>();
        for (JsonNode s : schemes) {
            if (!s.isTextual()) throw new SettingsFormatException("\"schemes\" must hold strings");
            ids.add(s.asText());
        }
        return new LabSettings(values, ids);
    }

    private static String text(JsonNode n) {
        return n == null || !n.isTextual() ? null : n.asText();
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
