package org.initlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.TestData;
import org.initlab.settings.SettingsFormatException;
import org.initlab.train.Comparison;
import org.initlab.train.RunControl;
import org.initlab.train.RunResult;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writer saves, the readers open: one size limit for both, so compare --json and the window never save a file the window refuses. */
class RunJsonSizeLimitTest {
    @TempDir
    Path dir;

    @Test
    void aFileAboveTheLimitIsNotWrittenAndOneAtItIsRead() throws Exception {
        Comparison c = new Comparison(
                NetworkSpec.reference(784, 30, 10),
                TrainingConfig.reference().withEpochs(1).withBatchesPerEpoch(10),
                List.of(InitScheme.of(InitCatalog.byId("lecun"))),
                List.of(1L),
                1);
        List<RunResult> results = c.run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        Path f = dir.resolve("run.json");
        RunJson.save(f, c, null, results);
        long size = Files.size(f);
        Files.delete(f);
        IOException e = assertThrows(IOException.class, () -> RunJson.save(f, c, null, results, size - 1));
        assertEquals(
                String.format(
                        java.util.Locale.ROOT,
                        "run.json: not written: the run file would be %,d bytes, above the %,d a run file may hold "
                                + "(the window could not open it); save fewer runs or epochs",
                        size,
                        size - 1),
                e.getMessage());
        assertTrue(Files.notExists(f));
        RunJson.save(f, c, null, results, size);
        assertEquals(1, RunJson.load(f).results().size());
        // The reader's limit is the writer's: one byte more than MAX_BYTES is refused on opening.
        Path big = dir.resolve("big.json");
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(RunJson.MAX_BYTES + 1);
        }
        SettingsFormatException refused = assertThrows(SettingsFormatException.class, () -> RunJson.load(big));
        assertEquals("big.json: larger than " + RunJson.MAX_BYTES + " bytes", refused.getMessage());
    }

    /** A run of the deepest network the lab builds is saved and opened again (the reader once stopped at 100 layers). */
    @Test
    void aRunOfTheDeepestNetworkIsReadBack() throws Exception {
        int[] hidden = new int[NetworkSpec.MAX_HIDDEN_LAYERS];
        java.util.Arrays.fill(hidden, 2);
        NetworkSpec deepest = new NetworkSpec(
                NetworkSpec.layerSizes(784, hidden, 10),
                org.initlab.core.Activation.TANH,
                org.initlab.core.OutputLayer.SOFTMAX,
                org.initlab.core.Loss.CROSS_ENTROPY);
        Comparison c = new Comparison(
                deepest,
                TrainingConfig.reference().withEpochs(1).withBatchesPerEpoch(1),
                List.of(InitScheme.of(InitCatalog.byId("lecun"))),
                List.of(1L),
                1);
        List<RunResult> results = c.run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        String json = RunJson.write(c, null, results);
        assertEquals(
                NetworkSpec.MAX_HIDDEN_LAYERS + 2,
                RunJson.read(json).comparison().spec().sizes().length);
        String deeper = json.replaceFirst("(\"sizes\"\\s*:\\s*\\[\\s*784\\s*,)", "$1 2,");
        SettingsFormatException refused = assertThrows(SettingsFormatException.class, () -> RunJson.read(deeper));
        assertEquals("\"network.sizes\" must list 2 to 1002 layer sizes", refused.getMessage());
    }
}
