package org.initlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {
    @TempDir
    Path dir;

    @Test
    void bundledMnistLoadsAndMatchesItsManifest() throws IOException {
        Dataset d = TestData.mnist();
        assertEquals(60_000, d.train().count());
        assertEquals(10_000, d.test().count());
        assertEquals(784, d.inputSize());
        assertTrue(d.verified());
        assertEquals(
                "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                d.checksums().get(DatasetLoader.TRAIN_IMAGES));
        assertEquals(5, d.train().label(0), "the first MNIST training image is a 5");
        assertEquals(7, d.test().label(0), "the first MNIST test image is a 7");
    }

    /** Found from the application's location (target/classes here), so any working directory finds it. */
    @Test
    void theBundledCopyIsFoundFromTheApplicationNotTheWorkingDirectory() throws IOException {
        Path bundled = DatasetLoader.bundledMnist();
        assertTrue(bundled.isAbsolute(), bundled.toString());
        assertEquals(
                Path.of("data", "mnist").toAbsolutePath().normalize(), bundled.normalize(), "the repository's copy");
        // The app image's layout: lib/app/initlab.jar beside lib/app/data/mnist.
        Path app = Files.createDirectories(dir.resolve("InitLab/lib/app"));
        Files.createDirectories(app.resolve("data/mnist"));
        Files.writeString(app.resolve("data/mnist/" + DatasetLoader.MANIFEST), "");
        Path jar = Files.writeString(app.resolve("initlab.jar"), "");
        assertEquals(
                app.resolve("data/mnist").toAbsolutePath(),
                DatasetLoader.findAbove(jar).orElseThrow());
        // The Maven layout: target/classes two folders under the project's data/mnist.
        Path classes = Files.createDirectories(dir.resolve("project/target/classes"));
        Files.createDirectories(dir.resolve("project/data/mnist"));
        Files.writeString(dir.resolve("project/data/mnist/" + DatasetLoader.MANIFEST), "");
        assertEquals(
                dir.resolve("project/data/mnist").toAbsolutePath(),
                DatasetLoader.findAbove(classes).orElseThrow());
        assertTrue(DatasetLoader.findAbove(Files.createDirectories(dir.resolve("elsewhere/a")))
                .isEmpty());
    }

    @Test
    void smallGeneratedFolderLoadsWithoutManifest() throws IOException {
        TestData.writeIdxFolder(dir, 20, 5, 4);
        Dataset d = DatasetLoader.load(dir);
        assertEquals(20, d.train().count());
        assertEquals(5, d.test().count());
        assertEquals(16, d.inputSize());
        assertTrue(!d.verified());
    }

    @Test
    void checksumMismatchIsAnError() throws IOException {
        TestData.writeIdxFolder(dir, 20, 5, 4);
        Files.writeString(
                dir.resolve(DatasetLoader.MANIFEST), "0".repeat(64) + "  " + DatasetLoader.TRAIN_LABELS + "\n");
        IOException e = assertThrows(IOException.class, () -> DatasetLoader.load(dir));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertTrue(e.getMessage().contains(DatasetLoader.TRAIN_LABELS), e.getMessage());
    }

    @Test
    void missingFileIsNamed() throws IOException {
        TestData.writeIdxFolder(dir, 20, 5, 4);
        Files.delete(dir.resolve(DatasetLoader.TEST_LABELS));
        IOException e = assertThrows(IOException.class, () -> DatasetLoader.load(dir));
        assertTrue(e.getMessage().contains(DatasetLoader.TEST_LABELS), e.getMessage());
    }

    @Test
    void labelsOutsideZeroToNineAreRefused() throws IOException {
        TestData.writeIdxFolder(dir, 20, 5, 4);
        byte[] labels = IdxReaderTest.idx(8, new int[] {20}, new byte[20]);
        labels[labels.length - 1] = 12;
        Files.write(dir.resolve(DatasetLoader.TRAIN_LABELS), labels);
        IOException e = assertThrows(IOException.class, () -> DatasetLoader.load(dir));
        assertTrue(e.getMessage().contains("outside 0–9"), e.getMessage());
    }

    /** IDX bytes are unsigned: a label byte 0xFF is 255, and the message names the labels file, not the images. */
    @Test
    void aLabelByte255IsNamedAs255InTheLabelsFile() throws IOException {
        TestData.writeIdxFolder(dir, 20, 5, 4);
        byte[] labels = IdxReaderTest.idx(8, new int[] {20}, new byte[20]);
        labels[labels.length - 3] = (byte) 0xFF;
        Files.write(dir.resolve(DatasetLoader.TRAIN_LABELS), labels);
        IOException e = assertThrows(IOException.class, () -> DatasetLoader.load(dir));
        assertEquals(DatasetLoader.TRAIN_LABELS + ": label 17 is 255, outside 0–9", e.getMessage());
        Files.write(dir.resolve(DatasetLoader.TRAIN_LABELS), IdxReaderTest.idx(8, new int[] {19}, new byte[19]));
        e = assertThrows(IOException.class, () -> DatasetLoader.load(dir));
        assertEquals(
                DatasetLoader.TRAIN_LABELS + ": 19 labels, but " + DatasetLoader.TRAIN_IMAGES + " holds 20 images",
                e.getMessage());
    }

    @Test
    void aManifestWithAByteOrderMarkReadsAndOneNotInUtf8IsNamed() throws IOException {
        TestData.writeIdxFolder(dir, 20, 5, 4);
        String sum = DatasetLoader.load(dir).checksums().get(DatasetLoader.TRAIN_LABELS);
        Files.write(
                dir.resolve(DatasetLoader.MANIFEST),
                ("\uFEFF" + sum + "  " + DatasetLoader.TRAIN_LABELS + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(sum, DatasetLoader.load(dir).checksums().get(DatasetLoader.TRAIN_LABELS));
        Files.write(
                dir.resolve(DatasetLoader.MANIFEST),
                ("# caf\u00e9\n" + sum + "  " + DatasetLoader.TRAIN_LABELS + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> DatasetLoader.load(dir));
        assertEquals(
                dir.resolve(DatasetLoader.MANIFEST) + ": line 1, column 6 is not UTF-8 text (byte 0xE9)",
                e.getMessage());
    }

    @Test
    void aFileIsNotAFolder() throws IOException {
        Path f = Files.writeString(dir.resolve("f.txt"), "x");
        assertTrue(assertThrows(IOException.class, () -> DatasetLoader.load(f))
                .getMessage()
                .contains("not a folder"));
    }
}
