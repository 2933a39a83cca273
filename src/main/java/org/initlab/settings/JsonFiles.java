package org.initlab.settings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.initlab.format.Message;
import org.initlab.io.TextFiles;

/**
 * Reading the lab's JSON files (settings, saved runs, lessons): size-capped, UTF-8 (a byte-order mark
 * skipped), every message naming the file; and the one JSON reading configuration: a key given twice in an
 * object and anything after the document are refused, not resolved by the last one winning or ignored.
 */
public final class JsonFiles {
    /** Parses a document's text; problems are {@link SettingsFormatException}s without the file name. */
    public interface Parser<T> {
        T parse(String json) throws SettingsFormatException;
    }

    private JsonFiles() {}

    /** A JSON tree reader with the lab's rules and {@code limits} (nesting, string length). */
    public static ObjectMapper strictReader(StreamReadConstraints limits) {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(limits)
                .build();
        return new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * The tree of {@code json} read by {@code reader} (from {@link #strictReader}); a problem is a
     * {@link SettingsFormatException} saying what and where ("not valid JSON (key "status" given twice in one
     * object, line 4)"). A leading byte-order mark is skipped.
     */
    public static JsonNode readTree(ObjectMapper reader, String json) throws SettingsFormatException {
        try {
            return reader.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
        } catch (JsonProcessingException e) {
            throw new SettingsFormatException(Message.of("file.notJson", "not valid JSON ({0})", describe(e)));
        } catch (RuntimeException e) {
            throw new SettingsFormatException(Message.of("file.notJsonAtAll", "not valid JSON"));
        }
    }

    private static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : ", line " + at.getLineNr();
        if (m.startsWith("Duplicate field '")) {
            String key = m.substring(
                    "Duplicate field '".length(), Math.max("Duplicate field '".length(), m.lastIndexOf('\'')));
            return "key \"" + key + "\" given twice in one object" + where;
        }
        if (e instanceof MismatchedInputException && m.startsWith("Trailing token"))
            return "more text after the end of the JSON document" + where;
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)) + where;
    }

    /** Reads {@code file} (at most {@code maxBytes}; {@code tooLargeNote} follows the size in that message) and parses it. */
    public static <T> T load(Path file, long maxBytes, Message tooLargeNote, Parser<T> parser) throws IOException {
        if (!Files.isRegularFile(file))
            throw new SettingsFormatException(Message.of("file.notFound", "{0}: not found", file.toString()));
        if (Files.size(file) > maxBytes)
            throw new SettingsFormatException(Message.of(
                    "file.tooLarge",
                    "{0}: larger than {1} bytes{2}",
                    file.getFileName().toString(),
                    Long.toString(maxBytes),
                    tooLargeNote));
        String text;
        try {
            text = TextFiles.decode(Files.readAllBytes(file));
        } catch (TextFiles.NotUtf8Exception e) {
            throw new SettingsFormatException(
                    Message.of("file.named", "{0}: {1}", file.getFileName().toString(), Message.plain(e.getMessage())));
        }
        try {
            return parser.parse(text);
        } catch (SettingsFormatException e) {
            throw new SettingsFormatException(
                    Message.of("file.named", "{0}: {1}", file.getFileName().toString(), e.wording()));
        }
    }
}
