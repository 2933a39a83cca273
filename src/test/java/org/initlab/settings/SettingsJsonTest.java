package org.initlab.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.initlab.testutil.TextMutator;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.training.LabViewModel;
import org.initlab.ui.training.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsJsonTest {
    @TempDir
    Path dir;

    @Test
    void presetSavedAndOpenedAgainIsEqual() throws Exception {
        LabViewModel vm = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        Presets.apply(vm, Presets.byName("Deep ReLU"));
        LabSettings saved = vm.form().settings();
        Path f = dir.resolve("deep.json");
        SettingsJson.save(f, saved);
        String text = Files.readString(f);
        assertTrue(
                text.contains("\"schema\" : \"initlab-settings\"")
                        && text.contains("\"hidden\" : \"100,100,100,100,100\""),
                text);
        LabViewModel other = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        other.apply(SettingsJson.load(f, other.form().settingKeys()));
        assertEquals(saved, other.form().settings());
        assertEquals(vm.currentComparison().spec(), other.currentComparison().spec());
        assertEquals(vm.currentComparison().config(), other.currentComparison().config());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{|not valid JSON",
                "[]|expected a JSON object",
                "{\"schema\":\"x\",\"version\":1,\"settings\":{},\"schemes\":[]}|\"schema\" must be \"initlab-settings\"",
                "{\"schema\":\"initlab-settings\",\"version\":2,\"settings\":{},\"schemes\":[]}|unknown schema version 2 (this InitLab reads version 1)",
                "{\"schema\":\"initlab-settings\",\"version\":\"1\",\"settings\":{},\"schemes\":[]}|\"version\" must be a whole number",
                "{\"schema\":\"initlab-settings\",\"version\":1,\"settings\":{\"colour\":\"red\"},\"schemes\":[]}|unknown setting \"colour\"",
                "{\"schema\":\"initlab-settings\",\"version\":1,\"settings\":{\"eta\":[1]},\"schemes\":[]}|setting \"eta\" must be a string or a number",
                "{\"schema\":\"initlab-settings\",\"version\":1,\"settings\":{},\"schemes\":\"lecun\"}|\"schemes\" must be a list",
            })
    void malformedFilesGetAClearError(String json, String message) {
        SettingsFormatException e =
                assertThrows(SettingsFormatException.class, () -> SettingsJson.read(json, Set.of("eta", "epochs")));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void valuesOutOfRangeChangeNothingAndNameEveryProblem() {
        LabViewModel vm = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        vm.form().epochsField().textProperty().set("7");
        LabSettings bad =
                new LabSettings(Map.of("eta", "-3", "epochs", "0", "loss", "hinge"), List.of("lecun", "glorot"));
        SettingsFormatException e = assertThrows(SettingsFormatException.class, () -> vm.apply(bad));
        for (String part : List.of(
                "\"eta\": -3 is outside the allowed range",
                "\"epochs\": 0 is outside the allowed range 1 to 10000",
                "loss 'hinge'",
                "unknown scheme 'glorot'")) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
        assertEquals("7", vm.form().epochsField().textProperty().get(), "nothing else changed");
        assertEquals("3.0", vm.form().etaField().textProperty().get());
    }

    /** 10,000 mutations of a valid file: the reader answers each with a result or its own error, nothing else. */
    @Test
    void mutationFuzzOnlyGivesTheReadersOwnError() {
        LabViewModel vm = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        String valid = SettingsJson.write(vm.form().settings());
        SplittableRandom rng = new SplittableRandom(7);
        int accepted = 0, refused = 0;
        for (int i = 0; i < 10_000; i++) {
            String mutated = TextMutator.mutate(valid, rng, 4);
            try {
                LabSettings s = SettingsJson.read(mutated, vm.form().settingKeys());
                accepted++;
                try {
                    new LabViewModel(BackgroundRunner.SYNCHRONOUS).apply(s);
                } catch (SettingsFormatException e) {
                    assertTrue(!e.getMessage().isBlank());
                }
            } catch (SettingsFormatException e) {
                refused++;
                assertTrue(!e.getMessage().isBlank());
            }
        }
        assertEquals(10_000, accepted + refused);
        assertTrue(accepted > 100 && refused > 1000, "accepted " + accepted + ", refused " + refused);
    }
}
