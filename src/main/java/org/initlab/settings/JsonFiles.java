package org.initlab.settings;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the lab's small JSON files (settings, saved runs): size-capped, UTF-8, every message naming the file. */
public final class JsonFiles {
    /** Parses a document's text; problems are {@link SettingsFormatException}s without the file name. */
    public interface Parser<T> {
        T parse(String json) throws SettingsFormatException;
    }

    private JsonFiles() {}

    /** Reads {@code file} (at most {@code maxBytes}; {@code tooLargeNote} follows the size in that message) and parses it. */
    public static <T> T load(Path file, long maxBytes, String tooLargeNote, Parser<T> parser) throws IOException {
        if (!Files.isRegularFile(file)) throw new SettingsFormatException(file + ": not found");
        if (Files.size(file) > maxBytes) throw new SettingsFormatException(file.getFileName() + ": larger than " + maxBytes + " bytes" + tooLargeNote);
        try {
            return parser.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (SettingsFormatException e) {
            throw new SettingsFormatException(file.getFileName() + ": " + e.getMessage());
        } catch (MalformedInputException e) {
            throw new SettingsFormatException(file.getFileName() + ": not UTF-8 text");
        }
    }
}
