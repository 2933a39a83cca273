package org.initlab.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The edges of each kind of parameter: blank and null texts, the exact limits, counts, repeats, accessors. */
class ParamEdgesTest {
    private static String csv(int n, Function<Integer, String> item) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < n; i++) s.add(item.apply(i));
        return String.join(",", s);
    }

    // ---- WholeParam ---------------------------------------------------------------------------------

    @Test
    void wholeBlankAndNullAreEmptyNotNotWhole() {
        assertEquals(
                Problem.Reason.EMPTY, LabParameters.EPOCHS.parse(null).problem().reason());
        assertEquals(
                Problem.Reason.EMPTY,
                LabParameters.EPOCHS.parse("   ").problem().reason());
        assertEquals(
                Problem.Reason.EMPTY,
                LabParameters.EPOCHS.parseWithin(null, 5).problem().reason());
        assertEquals("epochs: '' is not a whole number (allowed 1 to 10000)", LabParameters.EPOCHS.check(" "));
    }

    @Test
    void wholeRequireReturnsTheValue() {
        assertEquals(7, LabParameters.EPOCHS.require(7));
        assertEquals(10_000, LabParameters.EPOCHS.require(10_000));
        assertEquals(Integer.MAX_VALUE, LabParameters.SEED.require(Long.MAX_VALUE));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LabParameters.EPOCHS.require(0));
        assertEquals("epochs: 0 is outside the allowed range 1 to 10000", e.getMessage());
    }

    // ---- Param / Parsed ---------------------------------------------------------------------------------

    @Test
    void checkIsEmptyWhenAcceptedAndTheNamedMessageOtherwise() {
        assertEquals("", LabParameters.EPOCHS.check("5"));
        assertEquals("epochs: 0 is outside the allowed range 1 to 10000", LabParameters.EPOCHS.check("0"));
    }

    @Test
    void orThrowThrowsTheNamedMessageWhenRefused() {
        assertEquals(5L, LabParameters.EPOCHS.parse("5").orThrow());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> LabParameters.EPOCHS.parse("10001").orThrow());
        assertEquals("epochs: 10001 is outside the allowed range 1 to 10000", e.getMessage());
    }

    @Test
    void labelKeysAndDefaultItemWords() {
        assertEquals("field.epochs", LabParameters.EPOCHS.labelKey());
        assertEquals("zSeed", LabParameters.Z_SEED.id());
        assertEquals(
                "seed", LabParameters.Z_SEED.option(), "zlab's --seed, a key apart from the training seed's in files");
        assertEquals("field.seed", LabParameters.Z_SEED.labelKey());
        assertEquals("field.seed", LabParameters.DEPTH_SEED.labelKey());
        assertEquals("entries", LabParameters.EPOCHS.itemWords());
    }

    @Test
    void optionsSkipWindowOnlySettings() {
        assertEquals(
                List.of("epochs", "eta"),
                LabParameters.options(List.of(LabParameters.EPOCHS, LabParameters.SEED, LabParameters.ETA)));
        assertEquals(List.of(), LabParameters.options(List.of(LabParameters.SEED)));
    }

    // ---- DecimalParam ------------------------------------------------------------------------------------

    @Test
    void decimalAccessorsAndRequire() {
        DecimalParam d = new DecimalParam("d", null, "d", 1.0, "1", 0.5, false, 2.0);
        assertEquals(0.5, d.min());
        assertEquals(2.0, d.max());
        assertFalse(d.minExclusive());
        assertTrue(LabParameters.ETA.minExclusive());
        assertFalse(LabParameters.LAMBDA.minExclusive());
        assertEquals(2.5, LabParameters.ETA.require(2.5));
        assertEquals(0.5, d.require(0.5));
        assertThrows(IllegalArgumentException.class, () -> d.require(0.49));
    }

    @Test
    void decimalNullIsEmpty() {
        assertEquals(
                Problem.Reason.EMPTY, LabParameters.ETA.parse(null).problem().reason());
        assertEquals(
                Problem.Reason.EMPTY, LabParameters.ETA.parse("  ").problem().reason());
    }

    // ---- WholeListParam ----------------------------------------------------------------------------------

    @Test
    void wholeListAccessors() {
        assertEquals(1, LabParameters.HIDDEN.min());
        assertEquals(100_000, LabParameters.HIDDEN.max());
        assertEquals(0, LabParameters.SEEDS.min());
    }

    @Test
    void wholeListNullAndBlankAreEmpty() {
        assertEquals(
                Problem.Reason.EMPTY, LabParameters.HIDDEN.parse(null).problem().reason());
        assertEquals(
                Problem.Reason.EMPTY, LabParameters.HIDDEN.parse("  ").problem().reason());
    }

    @Test
    void wholeListCountLimitIsInclusive() {
        assertEquals(
                1000, LabParameters.HIDDEN.parse(csv(1000, i -> "1")).value().size());
        Parsed<List<Long>> p = LabParameters.HIDDEN.parse(csv(1001, i -> "1"));
        assertEquals(Problem.Reason.TOO_MANY, p.problem().reason());
        assertEquals("at most 1000 hidden layers", p.problem().message());
    }

    @Test
    void wholeListRangeIsInclusiveAtBothEnds() {
        assertEquals(
                List.of(1L, 100_000L), LabParameters.HIDDEN.parse("1, 100000").value());
        assertEquals(
                Problem.Reason.OUT_OF_RANGE,
                LabParameters.HIDDEN.parse("0").problem().reason());
        assertEquals(
                Problem.Reason.OUT_OF_RANGE,
                LabParameters.HIDDEN.parse("5,100001").problem().reason());
        assertEquals("100001", LabParameters.HIDDEN.parse("5,100001").problem().text());
    }

    @Test
    void wholeListRepeatsOnlyRefusedWhenDistinct() {
        assertEquals(List.of(30L, 30L), LabParameters.HIDDEN.parse("30,30").value());
        Parsed<List<Long>> p = LabParameters.SEEDS.parse("1,2,1");
        assertEquals(Problem.Reason.DUPLICATE, p.problem().reason());
        assertEquals("seeds: '1' is listed twice", p.problem().named());
        assertEquals(List.of(1L, 2L), LabParameters.SEEDS.parse("1,2").value());
    }

    // ---- IdListParam -------------------------------------------------------------------------------------

    private static IdListParam<String> letters() {
        return new IdListParam<>(
                "xs",
                null,
                "xs",
                "a",
                s -> {
                    if (!s.matches("[a-z]")) throw new IllegalArgumentException("not a letter: " + s);
                    return s;
                },
                Function.identity(),
                2,
                "letters");
    }

    @Test
    void idsOfNullOrBlankAreNone() {
        assertEquals(List.of(), IdListParam.ids(null));
        assertEquals(List.of(), IdListParam.ids("  "));
        assertEquals(List.of("a", "", "b"), IdListParam.ids("a,,b"));
    }

    @Test
    void idListCountLimitIsInclusive() {
        IdListParam<String> p = letters();
        assertEquals("letters", p.itemWords());
        assertEquals(List.of("a", "b"), p.parseIds(List.of("a", "b")).value());
        Parsed<List<String>> refused = p.parseIds(List.of("a", "b", "c"));
        assertNotNull(refused);
        assertEquals(Problem.Reason.TOO_MANY, refused.problem().reason());
        assertEquals("at most 2 letters", refused.problem().message());
        assertEquals("a,b,c", refused.problem().text());
        assertEquals(Problem.Reason.NO_SCHEME, p.parseIds(List.of()).problem().reason());
    }

    @Test
    void idListEmptyAndNullEntriesAreEmpty() {
        IdListParam<String> p = letters();
        Parsed<List<String>> blank = p.parse("a,");
        assertEquals(Problem.Reason.EMPTY, blank.problem().reason());
        assertEquals("empty scheme name in 'a,'", blank.problem().message());
        assertEquals(
                Problem.Reason.EMPTY,
                p.parseIds(Arrays.asList("a", null)).problem().reason());
        assertEquals(Problem.Reason.UNKNOWN_SCHEME, p.parse("a,7").problem().reason());
        assertEquals("not a letter: 7", p.parse("a,7").problem().message());
    }

    // ---- ChoiceParam ------------------------------------------------------------------------------------

    @Test
    void choiceBoundsAndBlank() {
        Bounds b = LabParameters.LOSS.bounds();
        assertNotNull(b);
        assertEquals(Bounds.Form.CHOICE, b.form());
        assertEquals(1, b.maxCount());
        for (String t : new String[] {null, "  "}) {
            Problem p = LabParameters.LOSS.parse(t).problem();
            assertEquals(Problem.Reason.EMPTY, p.reason());
            assertEquals("choose one of " + String.join(", ", LabParameters.LOSS.offered()), p.message());
            assertEquals(Bounds.Form.CHOICE, p.bounds().form());
        }
        assertTrue(LabParameters.LOSS.offered().contains("quadratic"));
    }

    // ---- Bounds -----------------------------------------------------------------------------------------

    @Test
    void boundsIsWhole() {
        assertTrue(Bounds.whole(1, 5).isWhole());
        assertTrue(LabParameters.HIDDEN.bounds().isWhole());
        assertFalse(Bounds.decimal(0, false, 1).isWhole());
        assertFalse(Bounds.none(Bounds.Form.CHOICE, 1).isWhole());
    }

    @Test
    void boundsRangeArgs() {
        assertArrayEquals(new String[0], Bounds.none(Bounds.Form.CHOICE, 1).rangeArgs());
        assertArrayEquals(new String[0], Bounds.none(Bounds.Form.ID_LIST, 100).rangeArgs());
        assertArrayEquals(
                new String[] {"100,000"}, LabParameters.HIDDEN.bounds().rangeArgs());
        assertArrayEquals(
                new String[] {"1", "10,000"}, LabParameters.EPOCHS.bounds().rangeArgs());
        assertArrayEquals(new String[] {"1", "9999"}, Bounds.whole(1, 9999).rangeArgs());
        assertArrayEquals(
                new String[] {"-12,345", "500"}, Bounds.whole(-12_345, 500).rangeArgs());
    }

    @Test
    void boundsShown() {
        assertEquals("9999", Bounds.shown(9999L));
        assertEquals("10,000", Bounds.shown(10_000L));
        assertEquals("1,000,000", Bounds.shown(1e6));
        assertEquals("0.25", Bounds.shown(0.25));
    }

    // ---- LabSettings / Presets ---------------------------------------------------------------------------

    @Test
    void defaultsHoldEveryFileSetting() {
        LabSettings d = LabSettings.defaults();
        assertEquals(LabParameters.fileSettings().size(), d.values().size());
        assertEquals("30", d.values().get("epochs"));
        assertEquals("3.0", d.values().get("eta"));
        assertEquals(List.of("standard", "lecun"), d.schemes());
    }

    @Test
    void presetsById() {
        Presets.Preset six = Presets.byId("six").orElseThrow();
        assertEquals("six", six.id());
        assertEquals("5", six.settings().values().get("seedsPerScheme"));
        assertEquals(
                "zeros", Presets.byId("zeros").orElseThrow().settings().values().get("bias"));
        assertTrue(Presets.byId("no-such").isEmpty());
        assertNull(Presets.byId("no-such").orElse(null));
    }

    @Test
    void labelledReturnsTheSameParameterWithTheNewKey() {
        WholeParam w = new WholeParam("x", null, "x", 1, 0, 5);
        assertEquals("field.x", w.labelKey());
        WholeParam same = w.labelled("field.y");
        assertSame(w, same);
        assertEquals("field.y", same.labelKey());
    }

    @Test
    void openRangeIsUnbracketedInNotANumberMessages() {
        assertEquals(
                "'' is not a number (allowed above 0, at most 1000000)",
                LabParameters.ETA.parse(" ").problem().message());
        assertEquals(
                "'x' is not a number (allowed above 0, at most 1000000)",
                LabParameters.ETA.parse("x").problem().message());
        assertEquals(
                "'x' is not a number (allowed 0 to 1000000)",
                LabParameters.LAMBDA.parse("x").problem().message());
    }

    @Test
    void hugeWholeLimitsAreShownExactly() {
        // As a long, not through a double (which would round Long.MAX_VALUE to 9.223372036854776E18).
        assertArrayEquals(
                new String[] {"0", "9,223,372,036,854,775,807"},
                LabParameters.SEED.bounds().rangeArgs());
        assertEquals("9,223,372,036,854,775,807", Bounds.shown(Long.MAX_VALUE));
    }
}
