package org.initlab.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.initlab.format.Message;

/**
 * Settings files (presets, the last session) with their values checked: a {@link LabSettings} comes back
 * only when every value and scheme is accepted by its parameter; otherwise the exception names every
 * problem. Settings that only disagree with each other (softmax with a quadratic loss, a network too large)
 * are kept: the window shows those as it shows them while typing.
 */
public final class SettingsFile {
    private SettingsFile() {}

    public static LabSettings load(Path file) throws IOException {
        return JsonFiles.load(file, SettingsJson.MAX_BYTES, SettingsJson.NOT_SETTINGS, SettingsFile::read);
    }

    /** Every problem of the file named: its structure's (unknown keys, wrong types) and each value's. */
    public static LabSettings read(String json) throws SettingsFormatException {
        SettingsJson.Structure s = SettingsJson.structure(json, LabParameters.fileKeys());
        List<Message> all = new java.util.ArrayList<>(s.problems());
        boolean schemesUnread = s.problems().stream().anyMatch(m -> m.english().startsWith("\"schemes\""));
        for (Problem p : problems(s.settings()))
            if (!(schemesUnread && p.id().equals(LabParameters.SCHEMES.id()))) all.add(wording(p));
        if (!all.isEmpty()) throw new SettingsFormatException(Message.joined(all));
        return s.settings();
    }

    public static void save(Path file, LabSettings settings) throws IOException {
        SettingsJson.save(file, settings);
    }

    /** {@code s}, if every value is accepted; a {@link SettingsFormatException} naming each problem otherwise. */
    public static LabSettings check(LabSettings s) throws SettingsFormatException {
        List<Problem> problems = problems(s);
        if (!problems.isEmpty())
            throw new SettingsFormatException(
                    Message.joined(problems.stream().map(SettingsFile::wording).toList()));
        return s;
    }

    /** The problems of each value alone (keys the file leaves out take their default). */
    public static List<Problem> problems(LabSettings s) {
        return ExperimentSettings.parse(s.values(), s.schemes()).problems().stream()
                .filter(p -> p.reason().ofOneValue())
                .toList();
    }

    /** As a file's message names it, by its key, as data: the window words it with its own field messages. */
    public static Message wording(Problem p) {
        return p.wording("\"" + p.id() + "\"", message(p));
    }

    /** As a file's message names it: by its key. */
    public static String message(Problem p) {
        return "\"" + p.id() + "\": " + p.message();
    }
}
