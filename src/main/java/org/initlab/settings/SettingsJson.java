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
import org.initlab.format.Message;
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
    private static final ObjectMapper READER = JsonFiles.strictReader(StreamReadConstraints.builder()
            .maxNestingDepth(16)
            .maxStringLength(10_000)
            .build());
    /** The top-level keys of a settings file, in the order it is written. */
    private static final List<String> TOP_KEYS = List.of("schema", "version", "settings", "schemes");

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
        return JsonFiles.load(file, MAX_BYTES, NOT_SETTINGS, json -> read(json, knownKeys));
    }

    public static LabSettings read(String json, Set<String> knownKeys) throws SettingsFormatException {
        Structure s = structure(json, knownKeys);
        if (!s.problems().isEmpty()) throw new SettingsFormatException(Message.joined(s.problems()));
        return s.settings();
    }

    static final Message
            SCHEMES_NOT_LIST = Message.of("settings.schemesNotList", "\"schemes\" must be a list of scheme ids"),
            SCHEMES_NOT_STRINGS = Message.of("settings.schemesNotStrings", "\"schemes\" must hold strings");

    /** What follows the size when a file is too large to be a settings file. */
    static final Message NOT_SETTINGS = Message.of("settings.notSettingsFile", ", not a settings file");

    /** What a file's structure holds: the settings that read, and every structural problem (none when it is sound). */
    record Structure(LabSettings settings, List<Message> problems) {}

    /**
     * Reads the structure, naming every problem of the "settings" and "schemes" parts and every unknown top-level
     * key; a file that is not JSON or not of this schema and version is refused at once.
     */
    static Structure structure(String json, Set<String> knownKeys) throws SettingsFormatException {
        if (json.length() > MAX_BYTES)
            throw new SettingsFormatException(
                    Message.of("file.tooLong", "larger than {0} characters", Long.toString(MAX_BYTES)));
        JsonNode root = JsonFiles.readTree(READER, json);
        if (root == null || !root.isObject())
            throw new SettingsFormatException(Message.of("file.notObject", "expected a JSON object"));
        if (!SCHEMA.equals(text(root.get("schema"))))
            throw new SettingsFormatException(Message.of("file.schema", "\"schema\" must be \"{0}\"", SCHEMA));
        JsonNode version = root.get("version");
        if (version == null || !version.isInt())
            throw new SettingsFormatException(Message.of("file.notWhole", "\"{0}\" must be a whole number", "version"));
        if (version.intValue() != LabSettings.SCHEMA_VERSION) {
            throw new SettingsFormatException(Message.of(
                    "file.unknownVersion",
                    "unknown schema version {0} (this InitLab reads version {1})",
                    Integer.toString(version.intValue()),
                    Integer.toString(LabSettings.SCHEMA_VERSION)));
        }
        List<Message> problems = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP_KEYS.contains(k))
                problems.add(Message.of(
                        "settings.unknownKey",
                        "unknown key \"{0}\" (a settings file holds {1})",
                        k,
                        String.join(", ", TOP_KEYS)));
        }
        JsonNode settings = root.get("settings");
        Map<String, String> values = new LinkedHashMap<>();
        if (settings == null || !settings.isObject())
            problems.add(Message.of("file.notAnObject", "\"{0}\" must be an object", "settings"));
        else {
            for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!knownKeys.contains(e.getKey()))
                    problems.add(Message.of("settings.unknownSetting", "unknown setting \"{0}\"", e.getKey()));
                else if (!e.getValue().isTextual() && !e.getValue().isNumber())
                    problems.add(
                            Message.of("settings.notText", "setting \"{0}\" must be a string or a number", e.getKey()));
                else values.put(e.getKey(), e.getValue().asText());
            }
        }
        JsonNode schemes = root.get("schemes");
        List<String> ids = new ArrayList<>();
        if (schemes == null || !schemes.isArray()) problems.add(SCHEMES_NOT_LIST);
        else if (schemes.size() > 100)
            problems.add(Message.of("settings.schemesAtMost", "\"schemes\": at most {0}", "100"));
        else {
            for (JsonNode s : schemes) {
                if (s.isTextual()) ids.add(s.asText());
                else if (!problems.contains(SCHEMES_NOT_STRINGS)) problems.add(SCHEMES_NOT_STRINGS);
            }
        }
        return new Structure(new LabSettings(values, ids), problems);
    }

    private static String text(JsonNode n) {
        return n == null || !n.isTextual() ? null : n.asText();
    }
}
