package org.initlab.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.TestData;
import org.initlab.lessons.LessonFormatException;
import org.initlab.lessons.LessonReader;
import org.initlab.report.RunJson;
import org.initlab.settings.LabSettings;
import org.initlab.settings.SettingsFile;
import org.initlab.settings.SettingsFormatException;
import org.initlab.settings.SettingsJson;
import org.initlab.train.Comparison;
import org.initlab.train.RunControl;
import org.initlab.train.RunResult;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON reader (settings files, saved runs, lessons) refuses a key given twice and text after the document,
 * accepts a UTF-8 byte-order mark, and names the line of bytes that are not UTF-8; settings files name every
 * problem, unknown top-level keys among them; saved runs name a bad status and refuse a seed that is not whole.
 */
class JsonReadersStrictnessTest {
    @TempDir
    Path dir;

    static String run;
    static Comparison comparison;
    static List<RunResult> results;
    static final String SETTINGS =
            "{\"schema\":\"initlab-settings\",\"version\":1,\"settings\":{\"eta\":\"3.0\"},\"schemes\":[\"lecun\"]}";
    static final LessonReader LESSONS =
            new LessonReader(new LessonReader.Vocabulary(Set.of("training"), Set.of("runButton")));
    static final String LESSON =
            "{\"schema\":\"initlab-lesson\",\"version\":1,\"id\":\"demo\",\"minutes\":3,\"title\":{\"en\":\"Demo\",\"zh\":\"演示\"},"
                    + "\"steps\":[{\"text\":{\"en\":\"a\",\"zh\":\"b\"}}]}";

    @BeforeAll
    static void train() throws InterruptedException {
        comparison = new Comparison(
                NetworkSpec.reference(784, 30, 10),
                TrainingConfig.reference().withEpochs(1).withBatchesPerEpoch(20),
                List.of(InitScheme.of(InitCatalog.byId("lecun"))),
                List.of(1L),
                1);
        results = comparison.run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        run = RunJson.write(comparison, TestData.mnist(), results);
    }

    private String settingsRefused(String json) throws IOException {
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        return assertThrows(SettingsFormatException.class, () -> SettingsFile.load(f))
                .getMessage();
    }

    private static String runRefused(String json) {
        return assertThrows(SettingsFormatException.class, () -> RunJson.read(json))
                .getMessage();
    }

    private static String lessonRefused(byte[] json) {
        return assertThrows(LessonFormatException.class, () -> LESSONS.read("demo.json", json))
                .getMessage();
    }

    private static String lessonRefused(String json) {
        return lessonRefused(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotWonByTheLastOne() throws Exception {
        assertEquals(
                "s.json: not valid JSON (key \"eta\" given twice in one object, line 1)",
                settingsRefused(SETTINGS.replace("\"eta\":\"3.0\"", "\"eta\":\"3.0\",\"eta\":\"0.5\"")));
        String twice =
                run.replaceFirst("\"status\" : \"completed\"", "\"status\" : \"completed\", \"status\" : \"failed\"");
        assertTrue(twice.contains("\"status\" : \"failed\""), "the test gives the key twice");
        String m = runRefused(twice);
        assertTrue(m.startsWith("not valid JSON (key \"status\" given twice in one object, line "), m);
        assertEquals(
                "demo.json: not valid JSON (key \"minutes\" given twice in one object, line 1)",
                lessonRefused(LESSON.replace("\"minutes\":3", "\"minutes\":3,\"minutes\":4")));
    }

    @Test
    void textAfterTheDocumentIsRefused() throws Exception {
        assertEquals(
                "s.json: not valid JSON (more text after the end of the JSON document, line 2)",
                settingsRefused(SETTINGS + "\n{}"));
        assertTrue(settingsRefused(SETTINGS + " garbage").startsWith("s.json: not valid JSON ("));
        assertTrue(
                runRefused(run + run).startsWith("not valid JSON (more text after the end of the JSON document, line "),
                runRefused(run + run));
        assertTrue(lessonRefused(LESSON + "]").startsWith("demo.json: not valid JSON ("), lessonRefused(LESSON + "]"));
        // Blank space after the document is still fine.
        assertEquals(1, RunJson.read(run + "\n\n  ").results().size());
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path s = dir.resolve("bom-settings.json"), r = dir.resolve("bom-run.json");
        Files.write(s, concat(bom, SETTINGS.getBytes(StandardCharsets.UTF_8)));
        Files.write(r, concat(bom, run.getBytes(StandardCharsets.UTF_8)));
        assertEquals(new LabSettings(java.util.Map.of("eta", "3.0"), List.of("lecun")), SettingsFile.load(s));
        assertEquals(List.of("lecun"), SettingsJson.load(s, Set.of("eta")).schemes());
        assertEquals(1, RunJson.load(r).results().size());
        assertEquals(
                "demo",
                LESSONS.read("demo.json", concat(bom, LESSON.getBytes(StandardCharsets.UTF_8)))
                        .id());
        assertEquals(1, RunJson.read("\uFEFF" + run).results().size());
    }

    @Test
    void textThatIsNotUtf8IsNamedByFileAndLine() throws Exception {
        // "é" in Latin-1 (one byte 0xE9) on the third line.
        byte[] latin1 =
                "{\"schema\":\"initlab-settings\",\n\"version\":1,\n\"settings\":{\"eta\":\"caf\u00e9\"},\"schemes\":[]}"
                        .getBytes(StandardCharsets.ISO_8859_1);
        Path f = dir.resolve("latin1.json");
        Files.write(f, latin1);
        assertEquals(
                "latin1.json: line 3, column 23 is not UTF-8 text (byte 0xE9)",
                assertThrows(SettingsFormatException.class, () -> SettingsFile.load(f))
                        .getMessage());
        Files.write(f, run.replaceFirst("\"lecun\"", "\"lecun\u00e9\"").getBytes(StandardCharsets.ISO_8859_1));
        String m = assertThrows(SettingsFormatException.class, () -> RunJson.load(f))
                .getMessage();
        assertTrue(m.matches("latin1\\.json: line \\d+, column \\d+ is not UTF-8 text \\(byte 0xE9\\)"), m);
        assertEquals(
                "demo.json: line 1, column 80 is not UTF-8 text (byte 0xE9)",
                lessonRefused(LESSON.replace("Demo", "D\u00e9mo").getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aSettingsFileNamesEveryProblemUnknownTopLevelKeysAmongThem() throws Exception {
        String json =
                "{\"schema\":\"initlab-settings\",\"version\":1,\"colour\":\"red\",\"settings\":{\"eta\":\"-3\",\"epochs\":\"0\",\"size\":\"9\"},"
                        + "\"schemes\":[\"lecun\",\"glorot\"],\"extra\":1}";
        String m = settingsRefused(json);
        for (String part : List.of(
                "unknown key \"colour\"",
                "unknown key \"extra\"",
                "unknown setting \"size\"",
                "\"eta\": -3 is outside the allowed range",
                "\"epochs\": 0 is outside the allowed range 1 to 10000",
                "unknown scheme 'glorot'")) {
            assertTrue(m.contains(part), "expected '" + part + "' in: " + m);
        }
        assertTrue(m.startsWith("s.json: "), m);
        assertEquals(
                "s.json: unknown key \"colour\" (a settings file holds schema, version, settings, schemes)",
                settingsRefused(SETTINGS.replace("\"version\":1,", "\"version\":1,\"colour\":\"red\",")));
        assertEquals(
                "s.json: \"schemes\" must be a list of scheme ids; \"epochs\": 0 is outside the allowed range 1 to 10000",
                settingsRefused(
                        SETTINGS.replace("\"eta\":\"3.0\"", "\"epochs\":\"0\"").replace("[\"lecun\"]", "\"lecun\"")));
        SettingsFormatException structural = assertThrows(
                SettingsFormatException.class,
                () -> SettingsJson.read(SETTINGS.replace("{\"schema", "{\"x\":0,\"schema")));
        assertEquals(
                "unknown key \"x\" (a settings file holds schema, version, settings, schemes)",
                structural.getMessage());
    }

    @Test
    void aSavedRunsStatusAndSeedAreCheckedAsWritten() {
        String m = runRefused(run.replaceFirst("\"status\" : \"completed\"", "\"status\" : \"bogus\""));
        assertEquals("a run's \"status\" \"bogus\" is not one of running, completed, cancelled, diverged, failed", m);
        assertTrue(run.contains("\"seed\" : 1,"), "the file holds the seed 1");
        assertEquals(
                "a run's \"seed\" must be a whole number",
                runRefused(run.replaceFirst("\"seed\" : 1,", "\"seed\" : 1.5,")));
        assertEquals(
                "a run's \"seed\" must be a whole number",
                runRefused(run.replaceFirst("\"seed\" : 1,", "\"seed\" : 1.0,")));
        assertEquals(1L, assertReads(run).results().get(0).run().seed());
    }

    private static RunJson.SavedRun assertReads(String json) {
        try {
            return RunJson.read(json);
        } catch (SettingsFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
