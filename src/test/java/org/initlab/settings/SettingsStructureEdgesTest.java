package org.initlab.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.initlab.format.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The structure checks of settings files and the experiment reader's edges: exact limits, missing parts, messages. */
class SettingsStructureEdgesTest {
    @TempDir
    Path dir;

    private static final String MINIMAL =
            "{\"schema\":\"initlab-settings\",\"version\":1,\"settings\":{},\"schemes\":[\"standard\"]}";

    private static String padTo(String json, int length) {
        return json + " ".repeat(length - json.length());
    }

    private static String message(String json) {
        return assertThrows(SettingsFormatException.class, () -> SettingsJson.read(json))
                .getMessage();
    }

    // ---- SettingsJson -----------------------------------------------------------------------------------

    @Test
    void sizeLimitIsInclusive() throws Exception {
        assertEquals(65_536, SettingsJson.MAX_BYTES);
        assertEquals(
                List.of("standard"), SettingsJson.read(padTo(MINIMAL, 65_536)).schemes());
        assertEquals("larger than 65536 characters", message(padTo(MINIMAL, 65_537)));
    }

    @Test
    void missingPartsAreFormatProblems() {
        assertEquals(
                "\"schema\" must be \"initlab-settings\"", message("{\"version\":1,\"settings\":{},\"schemes\":[]}"));
        assertEquals(
                "\"schema\" must be \"initlab-settings\"",
                message("{\"schema\":7,\"version\":1,\"settings\":{},\"schemes\":[]}"));
        assertEquals(
                "\"settings\" must be an object",
                message("{\"schema\":\"initlab-settings\",\"version\":1,\"schemes\":[]}"));
        assertEquals(
                "\"settings\" must be an object",
                message("{\"schema\":\"initlab-settings\",\"version\":1,\"settings\":[],\"schemes\":[]}"));
        assertEquals(
                "\"schemes\" must hold strings",
                message(
                        "{\"schema\":\"initlab-settings\",\"version\":1,\"settings\":{},\"schemes\":[\"standard\",1]}"));
    }

    private static String withSchemes(int n) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < n; i++) s.add("\"s" + i + "\"");
        return "{\"schema\":\"initlab-settings\",\"version\":1,\"settings\":{},\"schemes\":[" + String.join(",", s)
                + "]}";
    }

    @Test
    void schemeCountLimitIsInclusive() throws Exception {
        assertEquals(100, SettingsJson.read(withSchemes(100)).schemes().size());
        assertEquals("\"schemes\": at most 100", message(withSchemes(101)));
    }

    @Test
    void invalidJsonMessageIsTheParsersFirstLine() {
        String m = message("{\"schema\": ");
        assertTrue(m.startsWith("not valid JSON (") && m.endsWith(")"), m);
        assertTrue(m.length() > "not valid JSON ()".length(), m);
        assertFalse(m.contains("\n"), m);
    }

    @Test
    void tooDeepJsonIsRefusedWithTheWholeOneLineMessage() {
        // The nesting limit's message has no location, so no line break: all of it is kept.
        String m = message("[".repeat(40) + "]".repeat(40));
        assertTrue(m.startsWith("not valid JSON (") && m.contains("nesting depth"), m);
        assertTrue(m.contains("exceeds the maximum allowed (16"), m);
    }

    // ---- JsonFiles / SettingsFile -----------------------------------------------------------------------------

    @Test
    void missingFileIsNotFound() {
        Path f = dir.resolve("absent.json");
        SettingsFormatException e =
                assertThrows(SettingsFormatException.class, () -> JsonFiles.load(f, 10, Message.plain(""), s -> s));
        assertEquals(f + ": not found", e.getMessage());
        assertThrows(SettingsFormatException.class, () -> JsonFiles.load(dir, 10, Message.plain(""), s -> s));
    }

    @Test
    void fileSizeLimitIsInclusive() throws Exception {
        Path f = dir.resolve("ten.json");
        Files.writeString(f, "0123456789");
        assertEquals("0123456789", JsonFiles.load(f, 10, Message.plain(", too big"), s -> s));
        SettingsFormatException e = assertThrows(
                SettingsFormatException.class, () -> JsonFiles.load(f, 9, Message.plain(", too big"), s -> s));
        assertEquals("ten.json: larger than 9 bytes, too big", e.getMessage());
    }

    @Test
    void settingsFileSavedAndLoaded() throws Exception {
        Path f = dir.resolve("s.json");
        LabSettings s = Presets.byId("deepRelu").orElseThrow().settings();
        SettingsFile.save(f, s);
        assertTrue(Files.readString(f).contains("\"hidden\" : \"100,100,100,100,100\""));
        assertEquals(s, SettingsFile.load(f));
    }

    // ---- ExperimentSettings -------------------------------------------------------------------------------

    @Test
    void resultOrThrowListsTheProblems() {
        ExperimentSettings.Result r = ExperimentSettings.parse(Map.of("epochs", "0"), List.of("standard"));
        assertFalse(r.ok());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::orThrow);
        assertEquals("epochs: 0 is outside the allowed range 1 to 10000", e.getMessage());
        assertEquals(
                30,
                ExperimentSettings.parse(Map.of(), List.of("standard"))
                        .orThrow()
                        .epochs());
    }

    @Test
    void parameterLimitIsInclusive() {
        // (inputs + 1)·2 + (2 + 1)·classes parameters with one hidden layer of 2.
        int classes = 2;
        int inputs = 24_999_996; // 24,999,997·2 + 6 = 50,000,000
        assertTrue(ExperimentSettings.parse(Map.of("hidden", "2"), List.of("standard"), inputs, classes)
                .ok());
        ExperimentSettings.Result over =
                ExperimentSettings.parse(Map.of("hidden", "2"), List.of("standard"), inputs + 1, classes);
        assertEquals(
                List.of(Problem.Reason.TOO_LARGE),
                over.problems().stream().map(Problem::reason).toList());
        assertEquals("50000002", over.problems().get(0).text());
    }

    @Test
    void seedRangeNarrowsBySeedsPerScheme() {
        ExperimentSettings.Result r = ExperimentSettings.parse(
                Map.of("seed", Long.toString(Long.MAX_VALUE), "seedsPerScheme", "5"), List.of("standard"));
        assertNull(r.settings());
        assertEquals(1, r.problems().size());
        Problem p = r.problems().get(0);
        assertEquals(Problem.Reason.OUT_OF_RANGE, p.reason());
        assertEquals(Long.MAX_VALUE - 4, p.bounds().max().longValue());
        assertEquals("seed: 9223372036854775807 is outside the allowed range 0 to 9223372036854775803", p.named());
        // The last seed that still fits: four after it.
        ExperimentSettings ok = ExperimentSettings.parse(
                        Map.of("seed", Long.toString(Long.MAX_VALUE - 4), "seedsPerScheme", "5"), List.of("standard"))
                .orThrow();
        assertEquals(Long.MAX_VALUE, ok.seeds().get(4));
    }
}
