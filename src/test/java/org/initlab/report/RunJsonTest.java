package org.initlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.initlab.cli.CompareCommand;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.core.init.LsuvInit;
import org.initlab.settings.SettingsFormatException;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.TrainingRun;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.LabViewModel;
import org.initlab.ui.training.RowText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJsonTest {
    @TempDir
    Path dir;

    @Test
    void theCommandLinesJsonValidatesAndReopensIdenticallyInTheWindow() throws Exception {
        Path json = dir.resolve("run.json");
        Path png = dir.resolve("accuracy.png");
        int code = CompareCommand.run(
                new String[] {
                    "compare",
                    "--epochs",
                    "2",
                    "--batches-per-epoch",
                    "150",
                    "--seeds",
                    "4,5",
                    "--json",
                    json.toString(),
                    "--png",
                    png.toString()
                },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, code);
        String text = Files.readString(json);
        for (String part : new String[] {
            "\"schema\" : \"initlab-run\"",
            "\"nd4j\" : \"" + BuildInfo.get("nd4j") + "\"",
            "\"javafx\" : \"" + BuildInfo.get("javafx") + "\"",
            "\"version\" : \"" + BuildInfo.get("version") + "\"",
            "\"batchesPerEpoch\" : \"150\"",
            "\"seeds\" : \"4,5\"",
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "\"batchesPerEpoch\" : 150",
            "\"trainSeconds\"",
            "\"trainFirst\" : 5000",
            "\"trainCount\" : 55000",
            "\"version\" : 2",
            "\"probes\"",
            "\"zHistograms\"",
            "\"meanAbsDz\"",
            "\"hiddenRowSpread\""
        }) {
            assertTrue(text.contains(part), part);
        }
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1600, image.getWidth());
        assertEquals(1000, image.getHeight());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < 1600; x += 5) for (int y = 0; y < 1000; y += 5) colours.add(image.getRGB(x, y));
        assertTrue(colours.size() > 10, "the chart drew lines, text and a legend: " + colours.size() + " colours");
        RunJson.SavedRun saved = RunJson.load(json); // the reader is the schema: it validates every field
        assertEquals(4, saved.results().size(), "2 schemes × 2 seeds");
        assertEquals(2, saved.comparison().config().epochs());

        LabViewModel vm = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        vm.loadBundledData();
        vm.openSavedRun(saved);
        assertEquals(LabState.FINISHED, vm.stateProperty().get());
        assertEquals(4, vm.results().rows().size());
        for (int i = 0; i < 4; i++) {
            RunResult r = saved.results().get(i);
            assertEquals(
                    "best: " + r.bestCorrect() + " / 10000",
                    RowText.best(vm.results().rows().get(i).summary()));
        }
        assertEquals(2, vm.results().accuracyLines().size(), "two seeds: one mean line per scheme");
        // Saved again from the window, it reads back to the same results.
        Path again = dir.resolve("again.json");
        vm.exportJson(again);
        RunJson.SavedRun second = RunJson.load(again);
        for (int i = 0; i < 4; i++) {
            assertEquals(
                    saved.results().get(i).epochs().stream()
                            .map(e -> e.correct())
                            .toList(),
                    second.results().get(i).epochs().stream()
                            .map(e -> e.correct())
                            .toList());
            // The views' data survives the window's save too.
            RunResult x = saved.results().get(i), y = second.results().get(i);
            assertFalse(x.initial().isEmpty());
            RunFileV2Test.assertStats(x.initial(), y.initial(), "initial");
            assertEquals(x.probes().size(), y.probes().size());
            assertEquals(x.trainRange(), y.trainRange());
            for (int e = 0; e < x.epochs().size(); e++)
                RunFileV2Test.assertStats(
                        x.epochs().get(e).stats(), y.epochs().get(e).stats(), "epoch " + e);
        }
    }

    /** LSUV is data-dependent: a saved run names the batch it scaled on, which the run's seed gives again. */
    @Test
    void anLsuvRunRecordsItsBatchFromItsSeed() throws Exception {
        Path json = dir.resolve("lsuv.json");
        int code = CompareCommand.run(
                new String[] {
                    "compare",
                    "--epochs",
                    "1",
                    "--batches-per-epoch",
                    "20",
                    "--seeds",
                    "7",
                    "--schemes",
                    "lsuv,orthogonal",
                    "--json",
                    json.toString()
                },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, code);
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        var lsuv = root.path("runs").get(0).path("lsuv");
        assertEquals("lsuv/lsuv", lsuv.path("seedPurpose").asText());
        int[] expected = TrainingRun.lsuvBatch(
                new RunKey(0, InitScheme.of(InitCatalog.byId("lsuv")), 7),
                lsuv.path("trainImages").asInt());
        assertEquals(LsuvInit.BATCH, lsuv.path("batch").size());
        for (int i = 0; i < expected.length; i++)
            assertEquals(expected[i], lsuv.path("batch").get(i).asInt());
        assertTrue(root.path("runs").get(1).path("lsuv").isMissingNode(), "orthogonal is not data-dependent");
        assertEquals(2, RunJson.load(json).results().size(), "the file still reads back");
    }

    /** The versions a run records are the build's: Maven filtered them, and they name the jars actually loaded. */
    @Test
    void recordedVersionsAreTheBuildsOwn() throws Exception {
        for (String key : new String[] {"version", "javafx", "nd4j"}) {
            assertFalse(
                    BuildInfo.get(key).equals("unknown") || BuildInfo.get(key).contains("${"),
                    key + " = " + BuildInfo.get(key));
        }
        assertEquals(jarVersion(javafx.scene.control.Button.class), BuildInfo.get("javafx"));
        assertEquals(jarVersion(org.nd4j.linalg.factory.Nd4j.class), BuildInfo.get("nd4j"));
    }

    /** The version directory of the Maven repository jar a class was loaded from (…/javafx-controls/21.0.11/…jar). */
    private static String jarVersion(Class<?> c) throws Exception {
        Path jar = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getFileName().toString();
    }

    @Test
    void filesWithoutTheSettingsObjectAreStillRead() throws Exception {
        Path json = dir.resolve("run.json");
        assertEquals(
                0,
                CompareCommand.run(
                        new String[] {"compare", "--epochs", "1", "--batches-per-epoch", "20", "--json", json.toString()
                        },
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        System.err));
        RunJson.SavedRun now = RunJson.load(json);
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode old =
                (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(Files.readString(json));
        old.remove("settings");
        RunJson.SavedRun before = RunJson.read(m.writeValueAsString(old));
        assertEquals(now.comparison().spec(), before.comparison().spec());
        assertEquals(now.comparison().config(), before.comparison().config());
        assertEquals(now.comparison().runKeys(), before.comparison().runKeys());
        old = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(Files.readString(json));
        ((com.fasterxml.jackson.databind.node.ObjectNode) old.get("settings")).put("epochs", "2");
        String disagreeing = m.writeValueAsString(old);
        SettingsFormatException e = assertThrows(SettingsFormatException.class, () -> RunJson.read(disagreeing));
        assertTrue(e.getMessage().contains("disagree"), e.getMessage());
    }

    @Test
    void badRunFilesAreRefusedWithAMessage() throws Exception {
        for (String[] c : new String[][] {
            {"{}", "\"schema\" must be \"initlab-run\""},
            {
                "{\"schema\":\"initlab-run\",\"version\":9}",
                "written by a newer InitLab: version 9; this one reads up to 2"
            },
            {
                "{\"schema\":\"initlab-run\",\"version\":1,\"network\":{\"sizes\":[784,0,10],\"activation\":\"sigmoid\",\"output\":\"sigmoid\",\"loss\":\"quadratic\"}}",
                "every layer needs at least 1 neuron"
            },
            {"not json", "not valid JSON"}
        }) {
            SettingsFormatException e = assertThrows(SettingsFormatException.class, () -> RunJson.read(c[0]));
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
    }
}
