package org.initlab.lessons;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.initlab.ui.lessons.LessonCatalog;
import org.initlab.ui.sweep.SweepNumbers;
import org.initlab.ui.theory.ZNumbers;
import org.initlab.ui.training.RunNumbers;
import org.junit.jupiter.api.Test;

/** The lesson format: a valid lesson reads, and every kind of bad file is refused naming the file, the step and the problem. */
class LessonReaderTest {
    /** The live numbers these tests' lessons may quote (the window's features declare their own). */
    static final Placeholders.Names NUMBERS = new Placeholders.Names(
            Placeholders.Names.pairs(
                    "z.sigma.analytic.a", "σ_z, a", "z.sigma.analytic.b", "σ_z, b", "sweep.agreement.end", "agreement"),
            Placeholders.Names.pairs("run.epoch0", "epoch 0", "run.final", "final", "run.best", "best"));

    static final LessonReader READER = new LessonReader(
            new LessonReader.Vocabulary(Set.of("training", "z"), Set.of("accuracyChart", "runButton"), NUMBERS));

    static String lesson(String steps) {
        return "{\"schema\":\"initlab-lesson\",\"version\":1,\"id\":\"demo\",\"minutes\":3,\"title\":{\"en\":\"Demo\",\"zh\":\"演示\"},\"steps\":["
                + steps + "]}";
    }

    static final String STEP =
            "{\"text\":{\"en\":\"σ_z = {z.sigma.analytic.a}, epoch 0 {run.epoch0:lecun}\",\"zh\":\"σ_z = {z.sigma.analytic.a}\"}}";

    private static Lesson read(String json) throws LessonFormatException {
        return READER.read("demo.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String refused(String json) {
        return assertThrows(LessonFormatException.class, () -> read(json)).getMessage();
    }

    @Test
    void aValidLessonReadsWithEveryPart() throws Exception {
        Lesson l = read(
                lesson(
                        STEP
                                + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"preset\":\"reference\",\"settings\":{\"epochs\":\"2\"},"
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
    void aStepFillsTheSweepGridAndWaitsForTheSweep() throws Exception {
        String grid = "{\"param\":\"sigma-w2\",\"values\":\"1,1.75,4\",\"param2\":\"depth\",\"values2\":\"10,40\","
                + "\"seeds\":\"1\",\"batches\":\"1000\"}";
        String sweepStep =
                "{\"text\":{\"en\":\"a {sweep.agreement.end}\",\"zh\":\"b\"},\"set\":{\"preset\":\"edgeOfChaos\",\"sweep\":%s},"
                        + "\"wait\":{\"for\":\"sweep\",\"hint\":{\"en\":\"h\",\"zh\":\"提示\"}}}";
        Step s = read(lesson(sweepStep.formatted(grid))).steps().get(0);
        assertEquals("sigma-w2", s.set().sweep().get("param"));
        assertEquals("10,40", s.set().sweep().get("values2"));
        assertEquals(Step.Wait.Kind.SWEEP_FINISHED, s.waitFor().kind());
        assertEquals(
                java.util.Map.of(),
                read(lesson(STEP)).steps().get(0).set() == null
                        ? java.util.Map.of()
                        : read(lesson(STEP)).steps().get(0).set().sweep());
        // Each value is read as the sweep reads it, with the step's preset: a refused value, an unknown key, no axis.
        assertTrue(
                refused(lesson(sweepStep.formatted(grid.replace("10,40", "10,4000"))))
                        .contains("step 1: \"set\": \"sweep\": "),
                refused(lesson(sweepStep.formatted(grid.replace("10,40", "10,4000")))));
        assertTrue(refused(lesson(sweepStep.formatted("{\"param\":\"sigma-w2\",\"values\":\"1\",\"threads\":\"2\"}")))
                .contains("unknown key \"threads\""));
        assertTrue(
                refused(lesson(sweepStep.formatted("{\"values\":\"1\"}"))).contains("needs \"param\" and \"values\""));
        assertTrue(refused(lesson(sweepStep.formatted(grid).replace("\"for\":\"sweep\"", "\"for\":\"sweeps\"")))
                .contains("\"for\" must be \"run\", \"setting\", \"tab\" or \"sweep\""));
    }

    @Test
    void claimsReadWithTheirMarginAndBadOnesAreRefused() throws Exception {
        String claim = ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"claims\":[%s]}";
        Lesson l = read(lesson(STEP
                + claim.formatted("{\"greater\":\"run.final:he\",\"than\":\"run.final:xavier\",\"by\":2.5},"
                        + "{\"greater\":\"z.sigma.analytic.a\",\"than\":\"z.sigma.analytic.b\"}")));
        assertEquals(
                List.of(
                        new Step.Claim("run.final:he", "run.final:xavier", 2.5),
                        new Step.Claim("z.sigma.analytic.a", "z.sigma.analytic.b", 0)),
                l.steps().get(1).claims());
        assertEquals(List.of(), l.steps().get(0).claims(), "a step without claims");
        assertTrue(refused(lesson(STEP + claim.formatted("{\"greater\":\"run.final:he\",\"than\":\"run.nothing:he\"}")))
                .contains("step 2: \"claims\": claim 1: \"than\": unknown placeholder {run.nothing:he}"));
        assertTrue(refused(lesson(STEP
                        + claim.formatted("{\"greater\":\"run.final:he\",\"than\":\"run.final:xavier\",\"by\":-1}")))
                .contains("\"by\" must be a number from 0 to 100"));
        assertTrue(refused(lesson(STEP
                        + claim.formatted(
                                "{\"greater\":\"run.final:he\",\"than\":\"run.final:xavier\",\"sure\":true}")))
                .contains("unknown key \"sure\""));
    }

    @Test
    void placeholdersAreFilledAndBracesCanBeWritten() {
        assertEquals("a 1.500 b {x}", Placeholders.fill("a {z.sigma.analytic.b} b {{}x}", NUMBERS, r -> "1.500"));
        assertEquals(
                List.of(new Placeholders.Ref("run.epoch0", "lecun")), Placeholders.in("{run.epoch0:lecun}", NUMBERS));
    }

    @Test
    void onlyTheGivenNumbersCanBeNamedAndEachIsDeclaredOnce() {
        String message = assertThrows(
                        IllegalArgumentException.class, () -> Placeholders.in("{run.final:lecun} {z.inputs}", NUMBERS))
                .getMessage();
        assertEquals("unknown placeholder {z.inputs}", message);
        // A lesson that quotes a number the vocabulary does not declare is refused, though another reader knows it.
        String quotesInputs = lesson("{\"text\":{\"en\":\"n = {z.inputs}\",\"zh\":\"n\"}}");
        assertTrue(refused(quotesInputs).contains("step 1: \"text\": unknown placeholder {z.inputs}"));
        LessonReader knowing = new LessonReader(new LessonReader.Vocabulary(
                Set.of("training"),
                Set.of(),
                new Placeholders.Names(Placeholders.Names.pairs("z.inputs", "n_in"), java.util.Map.of())));
        assertEquals(
                1,
                assertDoesNotThrow(() -> knowing.read("demo.json", quotesInputs.getBytes(StandardCharsets.UTF_8)))
                        .steps()
                        .size());
        Placeholders.Names runs = new Placeholders.Names(java.util.Map.of(), Placeholders.Names.pairs("run.x", "x"));
        Placeholders.Names alsoRuns =
                new Placeholders.Names(Placeholders.Names.pairs("run.x", "another x"), java.util.Map.of());
        assertEquals(
                "number run.x is declared twice",
                assertThrows(IllegalArgumentException.class, () -> Placeholders.Names.union(List.of(runs, alsoRuns)))
                        .getMessage());
        Placeholders.Names both = Placeholders.Names.union(List.of(runs, NUMBERS));
        assertEquals(
                List.of("run.x", "run.epoch0", "run.final", "run.best"),
                List.copyOf(both.perScheme().keySet()));
        assertEquals(NUMBERS.global(), both.global());
    }

    @Test
    void everyProblemIsNamedWithTheFileAndTheStep() {
        String[] cases = {
            "not json",
            "not valid JSON",
            "[1,2]",
            "expected a JSON object",
            lesson(STEP).replace("initlab-lesson", "other"),
            "\"schema\" must be",
            lesson(STEP).replace("\"version\":1", "\"version\":2"),
            "newer InitLab",
            lesson(STEP).replace("\"id\":\"demo\"", "\"id\":\"../../etc\""),
            "\"id\"",
            lesson(STEP).replace("\"minutes\":3", "\"minutes\":0"),
            "\"minutes\"",
            lesson(""),
            "at least one step",
            lesson(STEP.replace("{z.sigma.analytic.a}", "{z.unknown}")),
            "step 1: \"text\": unknown placeholder {z.unknown}",
            lesson(STEP.replace("{run.epoch0:lecun}", "{run.epoch0:glorot}")),
            "unknown scheme 'glorot'",
            lesson(STEP.replace("{run.epoch0:lecun}", "{run.epoch0}")),
            "needs a scheme",
            lesson(STEP.replace(",\"zh\":\"σ_z = {z.sigma.analytic.a}\"", "")),
            "needs both \"en\" and \"zh\"",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"settings\":{\"epochs\":\"0\"}}}"),
            "step 2: \"set\": \"settings\": \"epochs\": 0 is outside the allowed range 1 to 10000",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"settings\":{\"nonsense\":\"1\"}}}"),
            "unknown setting \"nonsense\"",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"z\":{\"inputs\":\"-5\"}}}"),
            "\"inputs\": -5 is outside",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"preset\":\"turbo\"}}"),
            "unknown preset",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"tab\":\"secret\"}}"),
            "\"tab\" must be one of training, z",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"point\":{\"target\":\"nowhere\"}}"),
            "step 2: \"point\": \"target\" must be one of",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"run\":\"rm -rf /\"}"),
            "step 2: unknown key \"run\"",
            lesson(
                    STEP
                            + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"wait\":{\"for\":\"setting\",\"param\":\"epochs\",\"value\":\"x\",\"hint\":{\"en\":\"h\",\"zh\":\"h\"}}}"),
            "\"value\": 'x' is not a whole number",
            lesson(
                    STEP
                            + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"ask\":{\"question\":{\"en\":\"q\",\"zh\":\"q\"},\"choices\":[{\"text\":{\"en\":\"x\",\"zh\":\"x\"}},{\"text\":{\"en\":\"y\",\"zh\":\"y\"}}],\"reveal\":{\"en\":\"r\",\"zh\":\"r\"}}}"),
            "no choice says when it is right",
            lesson(STEP + ",{\"text\":{\"en\":\"a\",\"zh\":\"b\"},\"set\":{\"epoch\":99999}}"),
            "\"epoch\" must be",
        };
        for (int i = 0; i < cases.length; i += 2) {
            String m = refused(cases[i]);
            assertTrue(m.startsWith("demo.json: "), m);
            assertTrue(m.contains(cases[i + 1]), "expected '" + cases[i + 1] + "' in: " + m);
        }
    }

    @Test
    void oversizedAndHostileFilesAreRefused() {
        assertTrue(refused(lesson(STEP.replace("epoch 0", "x".repeat(LessonReader.MAX_TEXT + 1))))
                .contains("longer than"));
        String many = String.join(",", java.util.Collections.nCopies(LessonReader.MAX_STEPS + 1, STEP));
        assertTrue(refused(lesson(many)).contains("at most " + LessonReader.MAX_STEPS + " steps"));
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertTrue(refused(deep).contains("not valid JSON"));
        byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, '{'};
        assertTrue(assertThrows(LessonFormatException.class, () -> READER.read("bad.json", notUtf8))
                .getMessage()
                .contains("not UTF-8"));
    }

    @Test
    void aLargeFileIsRefusedBeforeItIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path big = dir.resolve("big.json");
        java.nio.file.Files.write(big, new byte[(int) LessonReader.MAX_BYTES + 1]);
        assertTrue(assertThrows(LessonFormatException.class, () -> READER.read(big))
                .getMessage()
                .contains("larger than"));
    }

    static final LessonReader WITH_TABS = new LessonReader(new LessonReader.Vocabulary(
            Set.of("training", "z"),
            Set.of("accuracyChart", "zChartA", "runButton"),
            java.util.Map.of("accuracyChart", "training", "zChartA", "z"),
            NUMBERS));

    static String step(String keys) {
        return "{\"text\":{\"en\":\"a\",\"zh\":\"b\"}" + keys + "}";
    }

    private static String refusedWithTabs(String json) {
        return assertThrows(
                        LessonFormatException.class,
                        () -> WITH_TABS.read("demo.json", json.getBytes(StandardCharsets.UTF_8)))
                .getMessage();
    }

    /** docs/lessons.md: a target on another tab needs that tab in the step's set; z values that the z view refuses; waits that can never be met. */
    @Test
    void whatTheWindowCouldNeverShowIsRefused() throws Exception {
        // The step's tab is its own "tab", else the last one set; parts of the side panel are on every tab.
        WITH_TABS.read(
                "ok.json",
                lesson(step(",\"set\":{\"tab\":\"z\"},\"point\":{\"target\":\"zChartA\"}") + ","
                                + step(",\"point\":{\"target\":\"zChartA\"}") + ","
                                + step(",\"point\":{\"target\":\"runButton\"}"))
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(
                "demo.json: step 2: \"point\": \"accuracyChart\" is on the tab \"training\", but this step shows \"z\": set \"tab\": \"training\" in its \"set\"",
                refusedWithTabs(lesson(
                        step(",\"set\":{\"tab\":\"z\"}") + "," + step(",\"point\":{\"target\":\"accuracyChart\"}"))));
        assertEquals(
                "demo.json: step 1: \"point\": \"zChartA\" is on the tab \"z\", but this step shows no tab set so far: set \"tab\": \"z\" in its \"set\"",
                refusedWithTabs(lesson(step(",\"point\":{\"target\":\"zChartA\"}"))));
        String[] cases = {
            step(",\"set\":{\"z\":{\"inputs\":\"100\",\"ones\":\"200\"}}"),
            "step 1: \"set\": \"z\": \"ones\" 200 is more than the 100 inputs",
            step(",\"set\":{\"z\":{\"inputs\":\"100\"}}") + "," + step(",\"set\":{\"z\":{\"ones\":\"150\"}}"),
            "step 2: \"set\": \"z\": \"ones\" 150 is more than the 100 inputs",
            step(",\"set\":{\"z\":{\"inputs\":\"1000000\",\"ones\":\"1000000\",\"samples\":\"1000000\"}}"),
            "step 1: \"set\": \"z\": \"samples\" × \"ones\" = 1,000,000,000,000 weight draws; the limit is 1,000,000,000",
            step(",\"set\":{\"z\":{\"fanOut\":\"30\"}}"),
            "step 1: \"set\": \"z\": unknown setting \"fanOut\"",
            step(
                    ",\"wait\":{\"for\":\"setting\",\"param\":\"loss\",\"value\":\"cross-entropy\",\"hint\":{\"en\":\"h\",\"zh\":\"h\"}}"),
            "step 1: \"wait\": unknown setting \"loss\" (a wait watches a field: hidden, eta,",
            step(",\"set\":{\"z\":{\"inputs\":\"100\"}}") + ","
                    + step(
                            ",\"wait\":{\"for\":\"setting\",\"param\":\"ones\",\"value\":\"101\",\"hint\":{\"en\":\"h\",\"zh\":\"h\"}}"),
            "step 2: \"wait\": \"value\": \"ones\" 101 is more than the 100 inputs",
            step(",\"set\":{\"z\":{\"ones\":\"1001\"}}") + ","
                    + step(
                            ",\"wait\":{\"for\":\"setting\",\"param\":\"samples\",\"value\":\"1000000\",\"hint\":{\"en\":\"h\",\"zh\":\"h\"}}"),
            "step 2: \"wait\": \"value\": \"samples\" × \"ones\" = 1,001,000,000 weight draws",
        };
        for (int i = 0; i < cases.length; i += 2) {
            String m = refused(lesson(cases[i]));
            assertTrue(m.startsWith("demo.json: " + cases[i + 1]), "expected '" + cases[i + 1] + "' in: " + m);
        }
    }

    @Test
    void theShippedLessonsReadWithTheWindowsVocabulary() throws Exception {
        // The window's vocabulary: the names its features declare (WindowModel.lessonNumbers; LessonVocabularyTest
        // checks the window reads them with its own).
        Placeholders.Names window =
                Placeholders.Names.union(List.of(ZNumbers.NAMES, RunNumbers.NAMES, SweepNumbers.NAMES));
        assertEquals(
                LessonCatalog.BUILT_IN.size(), LessonCatalog.builtIn(window).size());
    }
}
