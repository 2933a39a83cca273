package org.initlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images, IDX headers and dataset folders: exact values and exact messages for hand-made files. */
class DataModelTest {
    @TempDir
    Path dir;

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void labeledImagesScaleSliceAndCheck() {
        byte[] px = {0, (byte) 255, (byte) 128, 1, 2, 3};
        LabeledImages im = new LabeledImages(3, 2, px, new byte[] {4, 5, 6}, 10);
        assertEquals(0f, im.pixel(0, 0));
        assertEquals(1f, im.pixel(0, 1), "255 is unsigned: 1.0");
        assertEquals(128 / 255f, im.pixel(1, 0));
        assertEquals(3 / 255f, im.pixel(2, 1));
        assertEquals(6, im.label(2));
        LabeledImages s = im.slice(1, 3);
        assertEquals(2, s.count());
        assertEquals(10, s.classes());
        assertArrayEquals(new byte[] {(byte) 128, 1, 2, 3}, s.pixels());
        assertArrayEquals(new byte[] {5, 6}, s.labels());
        s.pixels()[0] = 0;
        assertEquals(128 / 255f, im.pixel(1, 0), "a slice shares nothing");
        assertEquals(1, im.slice(0, 1).count());
        assertEquals(3, im.slice(0, 3).count());
        assertThrows(IllegalArgumentException.class, () -> im.slice(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> im.slice(0, 4));
        assertThrows(IllegalArgumentException.class, () -> im.slice(2, 2));
        assertThrows(IllegalArgumentException.class, () -> new LabeledImages(3, 2, new byte[5], new byte[3], 10));
        assertThrows(IllegalArgumentException.class, () -> new LabeledImages(3, 2, new byte[6], new byte[2], 10));
    }

    @Test
    void idxArrayItemSize() {
        IdxArray a = new IdxArray(new int[] {5, 3, 4}, new byte[60], "x");
        assertEquals(5, a.count());
        assertEquals(12, a.itemSize());
        assertEquals(1, new IdxArray(new int[] {7}, new byte[7], "x").itemSize());
        assertEquals(24, new IdxArray(new int[] {1, 2, 3, 4}, new byte[24], "x").itemSize());
    }

    private Path write(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    @Test
    void idxHeaderMessagesCarryTheComputedSizes() throws Exception {
        byte[] ok = TestData.idx(8, new int[] {2, 3}, new byte[] {1, 2, 3, 4, 5, 6});
        IdxArray a = IdxReader.read(write("ok", ok));
        assertEquals(sha256(ok), a.sha256());
        assertArrayEquals(new int[] {2, 3}, a.dimensions());
        IdxArray g = IdxReader.read(write("ok.gz", TestData.gzip(ok)));
        assertEquals(sha256(ok), g.sha256(), "the plain content's checksum");
        assertEquals(
                "short: file is truncated: header 2×3 needs 6 data bytes, the file holds 4",
                assertThrows(
                                IdxFormatException.class,
                                () -> IdxReader.read(write("short", TestData.idx(8, new int[] {2, 3}, new byte[4]))))
                        .getMessage());
        assertEquals(
                "long.gz: file has 2 bytes beyond its data: header 2×3 needs 6 data bytes, the uncompressed file holds 8",
                assertThrows(
                                IdxFormatException.class,
                                () -> IdxReader.read(write(
                                        "long.gz", TestData.gzip(TestData.idx(8, new int[] {2, 3}, new byte[8])))))
                        .getMessage());
        assertEquals(
                "r0: IDX rank 0 is not supported (expected 1 to 4)",
                assertThrows(IdxFormatException.class, () -> IdxReader.read(write("r0", new byte[] {0, 0, 8, 0})))
                        .getMessage());
        assertEquals(
                "r5: IDX rank 5 is not supported (expected 1 to 4)",
                assertThrows(
                                IdxFormatException.class,
                                () -> IdxReader.read(
                                        write("r5", TestData.idx(8, new int[] {1, 1, 1, 1, 1}, new byte[1]))))
                        .getMessage());
        IdxReader.read(write("r4", TestData.idx(8, new int[] {1, 1, 2, 1}, new byte[2])));
        IdxReader.read(write("r1", TestData.idx(8, new int[] {3}, new byte[3])));
        assertEquals(
                "hdr: file is truncated inside its header",
                assertThrows(
                                IdxFormatException.class,
                                () -> IdxReader.read(write("hdr", new byte[] {0, 0, 8, 2, 0, 0, 0, 1, 0, 0})))
                        .getMessage());
        assertEquals(
                "three: file is truncated: 3 bytes, no IDX header",
                assertThrows(IdxFormatException.class, () -> IdxReader.read(write("three", new byte[] {0, 0, 8})))
                        .getMessage());
        IdxReader.read(write("four", TestData.idx(8, new int[] {1}, new byte[1])));
        assertEquals(
                "m: wrong magic number 0x01000801, not an IDX file",
                assertThrows(
                                IdxFormatException.class,
                                () -> IdxReader.read(write("m", new byte[] {1, 0, 8, 1, 0, 0, 0, 1, 5})))
                        .getMessage());
        assertEquals(
                "m2: wrong magic number 0x00010801, not an IDX file",
                assertThrows(
                                IdxFormatException.class,
                                () -> IdxReader.read(write("m2", new byte[] {0, 1, 8, 1, 0, 0, 0, 1, 5})))
                        .getMessage());
        assertEquals(
                "z: dimension 1 is 0",
                assertThrows(
                                IdxFormatException.class,
                                () -> IdxReader.read(write("z", TestData.idx(8, new int[] {2, 0}, new byte[0]))))
                        .getMessage());
        // The payload cap: exactly 2³⁰ is allowed by the header check (then the length disagrees), one more is refused.
        String atCap = assertThrows(
                        IdxFormatException.class,
                        () -> IdxReader.read(write("cap", TestData.idx(8, new int[] {1 << 15, 1 << 15}, new byte[3]))))
                .getMessage();
        assertTrue(atCap.contains("needs 1073741824 data bytes"), atCap);
        String over = assertThrows(
                        IdxFormatException.class,
                        () -> IdxReader.read(write(
                                "over", TestData.idx(8, new int[] {(1 << 15) + 1, 1 << 15}, new byte[3]))))
                .getMessage();
        assertEquals(
                "over: header claims more than 1073741824 data bytes (dimension 1 = 32768); the file holds 3", over);
        assertEquals(
                "tiny.gz: gzip file is truncated",
                assertThrows(
                                IdxFormatException.class,
                                () -> IdxReader.read(write(
                                        "tiny.gz",
                                        new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0})))
                        .getMessage());
        assertEquals(
                "gz1: file is truncated: 1 bytes, no IDX header",
                assertThrows(
                                IdxFormatException.class,
                                () -> IdxReader.read(write("gz1", TestData.gzip(new byte[] {0}))))
                        .getMessage());
        assertEquals(
                "one: file is truncated: 1 bytes, no IDX header",
                assertThrows(IdxFormatException.class, () -> IdxReader.read(write("one", new byte[] {0x1f})))
                        .getMessage(),
                "0x1f alone is not gzip");
    }

    @Test
    void datasetFolderManifestGzAndShapes() throws Exception {
        TestData.writeIdxFolder(dir, 6, 4, 3);
        // Compress one file: locate finds the .gz when the plain one is gone.
        Path ti = dir.resolve(DatasetLoader.TEST_IMAGES);
        byte[] tiPlain = Files.readAllBytes(ti);
        Files.write(dir.resolve(DatasetLoader.TEST_IMAGES + ".gz"), TestData.gzip(tiPlain));
        Files.delete(ti);
        StringBuilder manifest = new StringBuilder("# made by hand\n\n");
        manifest.append(sha256(Files.readAllBytes(dir.resolve(DatasetLoader.TRAIN_IMAGES))))
                .append("  ")
                .append(DatasetLoader.TRAIN_IMAGES)
                .append('\n');
        manifest.append(sha256(Files.readAllBytes(dir.resolve(DatasetLoader.TRAIN_LABELS)))
                        .toUpperCase())
                .append(" *")
                .append(DatasetLoader.TRAIN_LABELS)
                .append('\n');
        manifest.append(sha256(tiPlain))
                .append("  ")
                .append(DatasetLoader.TEST_IMAGES)
                .append("  \n");
        Files.writeString(dir.resolve(DatasetLoader.MANIFEST), manifest);
        Dataset d = DatasetLoader.load(dir);
        assertFalse(d.verified(), "three of four files listed");
        assertEquals(6, d.train().count());
        assertEquals(9, d.inputSize());
        assertEquals(10, d.classes());
        assertEquals(dir.getFileName().toString(), d.name());
        assertEquals(sha256(tiPlain), d.checksums().get(DatasetLoader.TEST_IMAGES));
        assertEquals(4, d.checksums().size());
        manifest.append(sha256(Files.readAllBytes(dir.resolve(DatasetLoader.TEST_LABELS))))
                .append("  ")
                .append(DatasetLoader.TEST_LABELS)
                .append('\n');
        Files.writeString(dir.resolve(DatasetLoader.MANIFEST), manifest);
        assertTrue(DatasetLoader.load(dir).verified(), "all four listed and matching");
        assertEquals(
                dir.resolve(DatasetLoader.TEST_IMAGES + ".gz"), DatasetLoader.locate(dir, DatasetLoader.TEST_IMAGES));
        assertEquals(dir.resolve(DatasetLoader.TRAIN_IMAGES), DatasetLoader.locate(dir, DatasetLoader.TRAIN_IMAGES));

        Files.writeString(dir.resolve(DatasetLoader.MANIFEST), "abc  " + DatasetLoader.TRAIN_IMAGES + "\n");
        assertTrue(assertThrows(IOException.class, () -> DatasetLoader.load(dir))
                .getMessage()
                .endsWith("malformed line 'abc  " + DatasetLoader.TRAIN_IMAGES + "'"));
        Files.writeString(dir.resolve(DatasetLoader.MANIFEST), "a".repeat(64) + "\n");
        assertTrue(assertThrows(IOException.class, () -> DatasetLoader.load(dir))
                .getMessage()
                .contains("malformed line"));
        Files.write(dir.resolve(DatasetLoader.MANIFEST), new byte[64 * 1024 + 1]);
        assertTrue(assertThrows(IOException.class, () -> DatasetLoader.load(dir))
                .getMessage()
                .endsWith("too large to be a checksum manifest"));
        Files.write(dir.resolve(DatasetLoader.MANIFEST), "#\n".repeat(32 * 1024).getBytes());
        assertFalse(DatasetLoader.load(dir).verified(), "exactly 64 KiB is still read");
        Files.delete(dir.resolve(DatasetLoader.MANIFEST));

        // Labels file with two dimensions; images with two; counts that disagree; test images of another size.
        Path tl = dir.resolve(DatasetLoader.TEST_LABELS);
        byte[] tlPlain = Files.readAllBytes(tl);
        Files.write(tl, TestData.idx(8, new int[] {4, 1}, new byte[4]));
        assertEquals(
                DatasetLoader.TEST_LABELS + ": a label file has 1 dimension, this one 2",
                assertThrows(IOException.class, () -> DatasetLoader.load(dir)).getMessage());
        Files.write(tl, TestData.idx(8, new int[] {3}, new byte[3]));
        assertEquals(
                DatasetLoader.TEST_LABELS + ": 3 labels, but " + DatasetLoader.TEST_IMAGES + ".gz holds 4 images",
                assertThrows(IOException.class, () -> DatasetLoader.load(dir)).getMessage());
        Files.write(tl, TestData.idx(8, new int[] {4}, new byte[] {0, 9, 10, 1}));
        assertEquals(
                DatasetLoader.TEST_LABELS + ": label 2 is 10, outside 0–9",
                assertThrows(IOException.class, () -> DatasetLoader.load(dir)).getMessage());
        Files.write(tl, TestData.idx(8, new int[] {4}, new byte[] {0, 9, (byte) 200, 1}));
        assertTrue(
                assertThrows(IOException.class, () -> DatasetLoader.load(dir))
                        .getMessage()
                        .contains("outside 0–9"),
                "a byte above 127 is no label either");
        Files.write(tl, tlPlain);
        Files.write(
                dir.resolve(DatasetLoader.TEST_IMAGES + ".gz"),
                TestData.gzip(TestData.idx(8, new int[] {4, 9}, new byte[36])));
        assertEquals(
                DatasetLoader.TEST_IMAGES + ".gz: expected 3 dimensions (count × rows × cols), found 2",
                assertThrows(IOException.class, () -> DatasetLoader.load(dir)).getMessage());
        Files.write(
                dir.resolve(DatasetLoader.TEST_IMAGES + ".gz"),
                TestData.gzip(TestData.idx(8, new int[] {4, 2, 2}, new byte[16])));
        assertEquals(
                dir + ": training images have 9 pixels, test images 4",
                assertThrows(IOException.class, () -> DatasetLoader.load(dir)).getMessage());
    }

    @Test
    void datasetChoices() throws Exception {
        DatasetChoice missing = new DatasetChoice("Fashion", dir.resolve("none"), "install it");
        assertFalse(missing.isAvailable());
        assertEquals("Fashion — not installed", missing.toString());
        TestData.writeIdxFolder(dir, 2, 2, 2);
        DatasetChoice here = new DatasetChoice("Mine", dir, "install it");
        assertTrue(here.isAvailable());
        assertEquals("Mine", here.toString());
        Files.move(dir.resolve(DatasetLoader.TRAIN_LABELS), dir.resolve(DatasetLoader.TRAIN_LABELS + ".gz"));
        assertTrue(here.isAvailable(), ".gz counts");
        Files.delete(dir.resolve(DatasetLoader.TEST_LABELS));
        assertFalse(here.isAvailable(), "the last of the four is missing");
        assertEquals("Bundled", new DatasetChoice("Bundled", dir.resolve("none"), "").toString(), "no hint: no note");
        assertEquals(2, DatasetChoice.builtIn().size());
        assertEquals(
                DatasetLoader.bundledMnist(), DatasetChoice.builtIn().get(0).directory());
        assertEquals(DatasetChoice.FASHION_MNIST, DatasetChoice.builtIn().get(1).directory());
        String old = System.getProperty("initlab.data");
        try {
            System.setProperty("initlab.data", dir.toString());
            assertEquals(dir, DatasetLoader.bundledMnist());
            System.clearProperty("initlab.data");
            // Found from the application's own location, whatever the working folder.
            assertTrue(
                    DatasetLoader.bundledMnist().isAbsolute()
                            && DatasetLoader.bundledMnist().endsWith(Path.of("data", "mnist")),
                    DatasetLoader.bundledMnist().toString());
            assertTrue(Files.isDirectory(DatasetLoader.bundledMnist()));
        } finally {
            if (old != null) System.setProperty("initlab.data", old);
        }
        Dataset d = new Dataset(
                "n",
                dir,
                TestData.randomImages(3, 5, 4, 1),
                TestData.randomImages(2, 5, 4, 2),
                false,
                java.util.Map.of());
        assertEquals(5, d.inputSize());
        assertEquals(4, d.classes());
        assertEquals("f: problem", new IdxFormatException(Path.of("/a/b/f"), "problem").getMessage());
        assertEquals("f: p", new IdxFormatException(Path.of("f"), "p", new IOException("x")).getMessage());
    }

    @Test
    void moreEdgesOfTheReader() throws Exception {
        // Two gzip members: the trailer of the last one (its length) agrees with the header, but the stream holds more.
        byte[] first = TestData.idx(8, new int[] {4}, new byte[] {1, 2, 3, 4}); // 12 bytes
        java.io.ByteArrayOutputStream two = new java.io.ByteArrayOutputStream();
        two.write(TestData.gzip(first));
        two.write(TestData.gzip(new byte[12]));
        assertEquals(
                "two.gz: file has bytes beyond its data",
                assertThrows(IdxFormatException.class, () -> IdxReader.read(write("two.gz", two.toByteArray())))
                        .getMessage());
        assertEquals(
                "four: file is truncated inside its header",
                assertThrows(IdxFormatException.class, () -> IdxReader.read(write("four", new byte[] {0, 0, 8, 1})))
                        .getMessage(),
                "4 bytes hold the magic number: the header's dimensions are what is missing");
        byte[] eighteen = java.util.Arrays.copyOf(TestData.gzip(first), 18);
        String m = assertThrows(IdxFormatException.class, () -> IdxReader.read(write("e.gz", eighteen)))
                .getMessage();
        assertTrue(
                !m.equals("e.gz: gzip file is truncated"), "18 bytes are enough for a gzip header and trailer: " + m);
        java.nio.file.Files.createDirectories(dir.resolve("b"));
        TestData.writeIdxFolder(dir.resolve("b"), 3, 2, 2);
        String old = System.getProperty("initlab.data");
        try {
            System.setProperty("initlab.data", dir.resolve("b").toString());
            Dataset d = DatasetLoader.loadBundled();
            assertEquals(3, d.train().count());
            assertEquals("b", d.name());
        } finally {
            if (old == null) System.clearProperty("initlab.data");
            else System.setProperty("initlab.data", old);
        }
    }
}
