package org.initlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) b.putInt(d);
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    @Test
    void readsPlainAndGzipFilesIdentically() throws IOException {
        byte[] data = {1, 2, 3, 4, 5, 6, (byte) 255, 0, 9, 10, 11, 12};
        byte[] file = idx(8, new int[] {3, 2, 2}, data);
        IdxArray plain = IdxReader.read(write("a-idx3-ubyte", file));
        IdxArray gz = IdxReader.read(write("a-idx3-ubyte.gz", gzip(file)));
        assertArrayEquals(new int[] {3, 2, 2}, plain.dimensions());
        assertArrayEquals(data, plain.data());
        assertArrayEquals(data, gz.data());
        assertEquals(3, plain.count());
        assertEquals(4, plain.itemSize());
        assertEquals(plain.sha256(), gz.sha256(), "the checksum is of the plain content");
    }

    @Test
    void truncatedFileIsRefusedWithItsName() throws IOException {
        byte[] file = idx(8, new int[] {10, 2}, new byte[20]);
        byte[] cut = java.util.Arrays.copyOf(file, file.length - 5);
        IdxFormatException e =
                assertThrows(IdxFormatException.class, () -> IdxReader.read(write("cut-idx2-ubyte", cut)));
        assertTrue(e.getMessage().startsWith("cut-idx2-ubyte: "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedGzipIsRefused() throws IOException {
        byte[] gz = gzip(idx(8, new int[] {1000}, new byte[1000]));
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(write("cut.gz", cut)));
        assertTrue(e.getMessage().startsWith("cut.gz: "), e.getMessage());
    }

    /** A cut gzip file's last 4 bytes are compressed data, not its length: it is called truncated, not "bytes beyond its data". */
    @Test
    void aGzipFileCutAnywhereSaysItIsTruncated() throws IOException {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        byte[] pixels = new byte[20_000];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (rng.nextInt(4) * 60);
        byte[] gz = gzip(idx(8, new int[] {25, 28, 28}, pixels));
        for (int keep = 30; keep < gz.length - 8; keep += 97) {
            byte[] cut = java.util.Arrays.copyOf(gz, keep);
            IdxFormatException e =
                    assertThrows(IdxFormatException.class, () -> IdxReader.read(write("cut-images.gz", cut)));
            assertTrue(
                    e.getMessage().startsWith("cut-images.gz: ")
                            && e.getMessage().contains("truncated")
                            && !e.getMessage().contains("beyond"),
                    "cut to " + keep + " of " + gz.length + " bytes: " + e.getMessage());
        }
        // Extra bytes in a whole gzip file are still counted exactly.
        byte[] longer = gzip(idx(8, new int[] {25, 28, 28}, java.util.Arrays.copyOf(pixels, 19_600 + 7)));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(write("long.gz", longer)));
        assertEquals(
                "long.gz: file has 7 bytes beyond its data: header 25×28×28 needs 19600 data bytes, the uncompressed file holds 19607",
                e.getMessage());
    }

    @Test
    void wrongMagicNumberIsRefused() throws IOException {
        byte[] file = idx(8, new int[] {2}, new byte[2]);
        file[0] = 0x50; // "PK": a zip file renamed
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(write("x", file)));
        assertTrue(e.getMessage().contains("wrong magic number"), e.getMessage());
    }

    @Test
    void unsupportedTypeIsRefused() throws IOException {
        IdxFormatException e = assertThrows(
                IdxFormatException.class, () -> IdxReader.read(write("f", idx(0x0D, new int[] {1}, new byte[4]))));
        assertTrue(e.getMessage().contains("0x0D"), e.getMessage());
    }

    @Test
    void headerClaimingTwoToThe31ImagesIsRefusedBeforeAllocating() throws IOException {
        // 0x80000000 images of 28 × 28: 1.7 TB claimed, 16 bytes present.
        byte[] file = idx(8, new int[] {0x80000000, 28, 28}, new byte[16]);
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        IdxFormatException e =
                assertThrows(IdxFormatException.class, () -> IdxReader.read(write("huge-idx3-ubyte", file)));
        assertTrue(e.getMessage().contains("2147483648"), e.getMessage());
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - before < 64L << 20, "no large allocation");
    }

    @Test
    void dimensionsDisagreeingWithLengthAreRefused() throws IOException {
        byte[] file = idx(8, new int[] {2, 3}, new byte[7]);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(write("long", file)));
        assertTrue(e.getMessage().contains("1 bytes beyond"), e.getMessage());
    }

    @Test
    void emptyAndMissingFilesAreRefused() throws IOException {
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxReader.read(write("empty", new byte[0])))
                .getMessage()
                .contains("truncated"));
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxReader.read(dir.resolve("nope")))
                .getMessage()
                .contains("not found"));
    }

    @Test
    void zeroDimensionIsRefused() throws IOException {
        assertThrows(
                IdxFormatException.class, () -> IdxReader.read(write("zero", idx(8, new int[] {0, 28}, new byte[0]))));
    }
}
