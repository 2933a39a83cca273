package org.initlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lesson format: a valid lesson reads, and every kind of bad file is refused naming the file, the step and the problem. */
class LessonReaderTest {
    static final LessonReader READER = new LessonReader(new LessonReader.Vocabulary(Set.of("training", "z"), Set.of("accuracyChart", "runButton")));

    static String lesson(String steps) {
        return "{\"schema\":\"initlab-lesson\",\"version\":1,\"id\":\"demo\",\"minutes\":3,\"title\":{\"en\":\"Demo\",\"zh\":\"演示\"},\"steps\":[" + steps + "]}";
    }

    static final String STEP = "{\"text\":{\"en\":\"σ_z = {z.sigma.analytic.a}, epoch 0 {run.epoch0:lecun}\",\"zh\":\"σ_z = {z.sigma.analytic.a}\"}}";

    private static Lesson read(String json) throws LessonFormatException {
        return READER.read("demo.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String refused(String json) {
        return assertThrows(LessonFormatException.class, () -> read(json)).getMessage();
    }

    @Test
    void aValidLessonReadsWithEveryPart() throws Exception {
        Lesson l = read(lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"preset\":\"reference\",\"settings\":{\"epochs\":\"2\"},"
                + "\"schemes\":[\"standard\",\"lecun\"],\"z\":{\"inputs\":\"100\"},\"zSchemes\":[\"standard\",\"custom\"],\"tab\":\"z\",\"showSeeds\":true,\"epoch\":\"init\"},"
                + "\"point\":{\"target\":\"runButton\",\"note\":{\"en\":\"here\",\"zh\":\"这里\"}},"
                + "\"ask\":{\"question\":{\"en\":\"q\",\"zh\":\"问\"},\"choices\":[{\"text\":{\"en\":\"x\",\"zh\":\"甲\"},\"right\":{\"greater\":\"run.best:lecun\",\"than\":\"run.best:standard\"}},"
                + "{\"text\":{\"en\":\"y\",\"zh\":\"乙\"}}],\"reveal\":{\"en\":\"r\",\"zh\":\"答\"}},"
                + "\"wait\":{\"for\":\"setting\",\"param\":\"ones\",\"value\":\"50\",\"hint\":{\"en\":\"h\",\"zh\":\"提示\"}}}"));
        assertEquals("demo", l.id());
        assertEquals(2, l.steps().size());
        Step s = l.steps().get(1);
        assertEquals("reference", s.set().preset());
        assertEquals("2", s.set().settings().get("epochs"));
        assertEquals(Step.State.INITIALIZATION, s.set().epoch());
        assertEquals(List.of("standard", "custom"), s.set().zSchemes());
        assertEquals("run.best:lecun", s.ask().choices().get(0).greater());
        assertEquals(Step.Wait.Kind.SETTING, s.waitFor().kind());
        assertEquals("演示", l.title().in(java.util.Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void claimsReadWithTheirMarginAndBadOnesAreRefused() throws Exception {
        String claim = ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"claims\":[%s]}";
        Lesson l = read(lesson(STEP + claim.formatted("{\"greater\":\"run.final:he\",\"than\":\"run.final:xavier\",\"by\":2.5},"
                + "{\"greater\":\"z.sigma.analytic.a\",\"than\":\"z.sigma.analytic.b\"}")));
        assertEquals(List.of(new Step.Claim("run.final:he", "run.final:xavier", 2.5), new Step.Claim("z.sigma.analytic.a", "z.sigma.analytic.b", 0)),
                l.steps().get(1).claims());
        assertEquals(List.of(), l.steps().get(0).claims(), "a step without claims");
        assertTrue(refused(lesson(STEP + claim.formatted("{\"greater\":\"run.final:he\",\"than\":\"run.nothing:he\"}"))).contains(
                "step 2: \"claims\": claim 1: \"than\": unknown placeholder {run.nothing:he}"));
        assertTrue(refused(lesson(STEP + claim.formatted("{\"greater\":\"run.final:he\",\"than\":\"run.final:xavier\",\"by\":-1}"))).contains(
                "\"by\" must be a number from 0 to 100"));
        assertTrue(refused(lesson(STEP + claim.formatted("{\"greater\":\"run.final:he\",\"than\":\"run.final:xavier\",\"sure\":true}"))).contains(
                "unknown key \"sure\""));
    }

    @Test
    void placeholdersAreFilledAndBracesCanBeWritten() {
        assertEquals("a 1.500 b {x}", Placeholders.fill("a {z.sigma.analytic.b} b {{}x}", r -> "1.500"));
        assertEquals(List.of(new Placeholders.Ref("run.epoch0", "lecun")), Placeholders.in("{run.epoch0:lecun}"));
    }

    @Test
    void everyProblemIsNamedWithTheFileAndTheStep() {
        String[] cases = {
            "not json", "not valid JSON",
            "[1,2]", "expected a JSON object",
            lesson(STEP).replace("initlab-lesson", "other"), "\"schema\" must be",
            lesson(STEP).replace("\"version\":1", "\"version\":2"), "newer InitLab",
            lesson(STEP).replace("\"id\":\"demo\"", "\"id\":\"../../etc\""), "\"id\"",
            lesson(STEP).replace("\"minutes\":3", "\"minutes\":0"), "\"minutes\"",
            lesson(""), "at least one step",
            lesson(STEP.replace("{z.sigma.analytic.a}", "{z.unknown}")), "step 1: \"text\": unknown placeholder {z.unknown}",
            lesson(STEP.replace("{run.epoch0:lecun}", "{run.epoch0:glorot}")), "unknown scheme 'glorot'",
            lesson(STEP.replace("{run.epoch0:lecun}", "{run.epoch0}")), "needs a scheme",
            lesson(STEP.replace(",\"zh\":\"σ_z = {z.sigma.analytic.a}\"", "")), "needs both \"en\" and \"zh\"",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"settings\":{\"epochs\":\"0\"}}}"), "step 2: \"set\": \"settings\": \"epochs\": 0 is outside the allowed range 1 to 10000",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"settings\":{\"nonsense\":\"1\"}}}"), "unknown setting \"nonsense\"",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"z\":{\"inputs\":\"-5\"}}}"), "\"inputs\": -5 is outside",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"preset\":\"turbo\"}}"), "unknown preset",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"tab\":\"secret\"}}"), "\"tab\" must be one of training, z",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"point\":{\"target\":\"nowhere\"}}"), "step 2: \"point\": \"target\" must be one of",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"run\":\"rm -rf /\"}"), "step 2: unknown key \"run\"",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"wait\":{\"for\":\"setting\",\"param\":\"epochs\",\"value\":\"x\",\"hint\":{\"en\":\"h\",\"zh\":\"h\"}}}"), "\"value\": 'x' is not a whole number",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"ask\":{\"question\":{\"en\":\"q\",\"zh\":\"q\"},\"choices\":[{\"text\":{\"en\":\"x\",\"zh\":\"x\"}},{\"text\":{\"en\":\"y\",\"zh\":\"y\"}}],\"reveal\":{\"en\":\"r\",\"zh\":\"r\"}}}"), "no choice says when it is right",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"epoch\":99999}}"), "\"epoch\" must be",
        };
        for (int i = 0; i < cases.length; i += 2) {
            String m = refused(cases[i]);
            assertTrue(m.startsWith("demo.json: "), m);
            assertTrue(m.contains(cases[i + 1]), "expected '" + cases[i + 1] + "' in: " + m);
        }
    }

    @Test
    void oversizedAndHostileFilesAreRefused() {
        assertTrue(refused(lesson(STEP.replace("epoch 0", "x".repeat(LessonReader.MAX_TEXT + 1)))).contains("longer than"));
        String many = String.join(",", java.util.Collections.nCopies(LessonReader.MAX_STEPS + 1, STEP));
        assertTrue(refused(lesson(many)).contains("at most " + LessonReader.MAX_STEPS + " steps"));
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertTrue(refused(deep).contains("not valid JSON"));
        byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, '{'};
        assertTrue(assertThrows(LessonFormatException.class, () -> READER.read("bad.json", notUtf8)).getMessage().contains("not UTF-8"));
    }

    @Test
    void aLargeFileIsRefusedBeforeItIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path big = dir.resolve("big.json");
        java.nio.file.Files.write(big, new byte[(int) LessonReader.MAX_BYTES + 1]);
        assertTrue(assertThrows(LessonFormatException.class, () -> READER.read(big)).getMessage().contains("larger than"));
    }
}
