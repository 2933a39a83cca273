package org.initlab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.TestData;
import org.initlab.settings.SettingsFormatException;
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.NetworkStats;
import org.initlab.train.ProbePoint;
import org.initlab.train.RunControl;
import org.initlab.train.RunResult;
import org.initlab.train.TrainRange;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Run file version 2: every view's data round-trips; version 1 files are migrated; newer versions are refused. */
class RunFileV2Test {
    private static Comparison comparison;
    private static List<RunResult> results;
    private static String written;

    @BeforeAll
    static void train() throws InterruptedException {
        comparison = new Comparison(
                NetworkSpec.reference(784, 30, 10),
                TrainingConfig.reference().withEpochs(2).withBatchesPerEpoch(100),
                List.of(InitScheme.of(InitCatalog.byId("standard")), InitScheme.of(InitCatalog.byId("lecun"))),
                List.of(1L),
                2);
        results = comparison.run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        written = RunJson.write(comparison, TestData.mnist(), results);
    }

    @Test
    void aSavedRunRoundTripsWithAllItsViewsData() throws Exception {
        JsonNode root = new ObjectMapper().readTree(written);
        assertEquals(RunJson.VERSION, root.path("version").intValue());
        assertEquals(2, RunJson.VERSION);
        assertEquals(
                5000, root.path("dataset").path("trainFirst").intValue(), "TensorFlow's train range in the provenance");
        assertEquals(55000, root.path("dataset").path("trainCount").intValue());
        RunJson.SavedRun saved = RunJson.read(written);
        assertEquals(results.size(), saved.results().size());
        for (int i = 0; i < results.size(); i++) {
            RunResult a = results.get(i), b = saved.results().get(i);
            assertEquals(new TrainRange(5000, 55000), b.trainRange());
            assertStats(a.initial(), b.initial(), "initial");
            assertFalse(b.initial().isEmpty());
            assertEquals(2, b.initial().gradients().layers());
            assertEquals(1, b.initial().zHistograms().size(), "one hidden layer");
            assertEquals(2 * 9, b.probes().size(), "9 probe points inside each epoch");
            for (int p = 0; p < a.probes().size(); p++) {
                ProbePoint x = a.probes().get(p), y = b.probes().get(p);
                assertEquals(x.epochPosition(), y.epochPosition());
                assertEquals(x.examplesSeen(), y.examplesSeen());
                assertEquals(x.meanCost(), y.meanCost());
                assertEquals(x.correct(), y.correct());
                assertEquals(x.total(), y.total());
                assertArrayEquals(x.gradients().meanAbsDz(), y.gradients().meanAbsDz());
                assertArrayEquals(x.gradients().meanAbsDw(), y.gradients().meanAbsDw());
            }
            assertEquals(2, b.probes().get(0).gradients().layers(), "epoch 0's probes carry gradients");
            assertEquals(0, b.probes().get(17).gradients().layers(), "later probes do not");
            for (int e = 0; e < 2; e++) {
                EpochResult x = a.epochs().get(e), y = b.epochs().get(e);
                assertArrayEquals(x.meanAbsDelta(), y.meanAbsDelta());
                assertEquals(2, y.meanAbsDelta().length);
                assertStats(x.stats(), y.stats(), "epoch " + e);
                assertEquals(x.correct(), y.correct());
            }
        }
        assertEquals(
                written.replaceFirst("\"created\" : \"[^\"]*\"", ""),
                RunJson.write(saved.comparison(), TestData.mnist(), saved.results())
                        .replaceFirst("\"created\" : \"[^\"]*\"", ""),
                "written again, the same file");
        assertTrue(
                written.length() < 120_000,
                "bounded: histograms, not raw z (" + written.length() + " bytes for 2 runs × 2 epochs)");
    }

    @Test
    void versionOneFilesOpenWithTheViewsDataEmpty() throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode old = (ObjectNode) m.readTree(written);
        old.put("version", 1);
        ((ObjectNode) old.get("dataset")).remove(List.of("trainFirst", "trainCount"));
        for (JsonNode run : old.get("runs")) {
            ((ObjectNode) run).remove(List.of("initial", "probes"));
            for (JsonNode e : run.get("epochs")) ((ObjectNode) e).remove(List.of("meanAbsDelta", "stats"));
        }
        RunJson.SavedRun v1 = RunJson.read(m.writeValueAsString(old));
        assertEquals(results.size(), v1.results().size());
        for (int i = 0; i < results.size(); i++) {
            RunResult r = v1.results().get(i);
            assertNull(r.trainRange(), "a version 1 file does not say which images were trained on");
            assertTrue(r.initial().isEmpty());
            assertEquals(List.of(), r.probes());
            assertEquals(
                    results.get(i).epochs().stream().map(EpochResult::correct).toList(),
                    r.epochs().stream().map(EpochResult::correct).toList());
            for (EpochResult e : r.epochs()) {
                assertEquals(0, e.meanAbsDelta().length);
                assertTrue(e.stats().isEmpty());
            }
        }
        // Saved again it is a version 2 file that keeps what there was.
        String again = RunJson.write(v1.comparison(), null, v1.results());
        assertTrue(again.contains("\"version\" : 2"));
        assertEquals(
                v1.results().get(0).epochs().size(),
                RunJson.read(again).results().get(0).epochs().size());
        // CSV rows of a run whose range is unknown leave the two cells empty.
        assertTrue(
                RunCsv.format(v1.comparison(), v1.results()).lines().skip(1).allMatch(l -> l.endsWith(",completed,,")));
        assertTrue(
                RunCsv.format(comparison, results).lines().skip(1).allMatch(l -> l.endsWith(",completed,5000,55000")));
    }

    @Test
    void newerVersionsAreRefusedWithAClearMessage() throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode newer = (ObjectNode) m.readTree(written);
        newer.put("version", 3);
        SettingsFormatException e =
                assertThrows(SettingsFormatException.class, () -> RunJson.read(m.writeValueAsString(newer)));
        assertEquals("written by a newer InitLab: version 3; this one reads up to 2", e.getMessage());
        newer.put("version", 0);
        e = assertThrows(SettingsFormatException.class, () -> RunJson.read(m.writeValueAsString(newer)));
        assertTrue(e.getMessage().contains("unknown schema version 0"), e.getMessage());
    }

    @Test
    void badViewsDataIsRefused() throws Exception {
        ObjectMapper m = new ObjectMapper();
        String[][] cases = {
            {"/runs/0/epochs/0/stats/saturatedShare", "[1.5]", "shares from 0 to 1"},
            {"/runs/0/epochs/0/meanAbsDelta", "[0.1, 0.2, 0.3]", "one value per layer (2)"},
            {"/runs/0/initial/meanAbsDz", "[-1, 0.1]", "not negative"},
            {"/runs/0/initial/zHistograms/0/counts", "[]", "1 to 1000 bins"},
            {"/runs/0/initial/zHistograms/0/underflow", "-1", "must not be negative"},
            {"/runs/0/probes/1/position", "0.01", "must rise"},
            {"/runs/0/probes/0/correct", "100000", "out of range"},
            {"/runs/0/initial/hiddenRowSpread", "\"x\"", "must be a number"},
            {"/dataset/trainCount", "0", "range of images"},
        };
        for (String[] c : cases) {
            ObjectNode root = (ObjectNode) m.readTree(written);
            String parent = c[0].substring(0, c[0].lastIndexOf('/')), field = c[0].substring(c[0].lastIndexOf('/') + 1);
            JsonNode value = m.readTree(c[1]);
            JsonNode p = root.at(parent);
            if (p.isArray()) ((com.fasterxml.jackson.databind.node.ArrayNode) p).set(Integer.parseInt(field), value);
            else ((ObjectNode) p).set(field, value);
            SettingsFormatException e =
                    assertThrows(SettingsFormatException.class, () -> RunJson.read(m.writeValueAsString(root)), c[0]);
            assertTrue(e.getMessage().contains(c[2]), c[0] + ": " + e.getMessage());
        }
    }

    static void assertStats(NetworkStats a, NetworkStats b, String what) {
        assertArrayEquals(a.gradients().meanAbsDz(), b.gradients().meanAbsDz(), what);
        assertArrayEquals(a.gradients().meanAbsDw(), b.gradients().meanAbsDw(), what);
        assertArrayEquals(a.saturatedShare(), b.saturatedShare(), what);
        assertEquals(a.zHistograms(), b.zHistograms(), what);
        assertEquals(a.hiddenRowSpread(), b.hiddenRowSpread(), what);
    }
}
