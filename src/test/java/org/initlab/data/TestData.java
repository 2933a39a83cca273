package org.initlab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Shared test data: the bundled MNIST (loaded once) and generated IDX folders. */
public final class TestData {
    private static Dataset mnist;

    private TestData() {}

    public static synchronized Dataset mnist() {
        if (mnist == null) {
            try {
                mnist = DatasetLoader.loadBundled();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mnist;
    }

    /** An IDX file's bytes: magic (0, 0, type, rank), big-endian dimensions, then the data. */
    public static byte[] idx(int type, int[] dims, byte[] data) {
        return IdxReaderTest.idx(type, dims, data);
    }

    public static byte[] gzip(byte[] plain) throws IOException {
        return IdxReaderTest.gzip(plain);
    }

    /** Writes four IDX files of random side×side images with labels 0–9. */
    public static void writeIdxFolder(Path dir, int train, int test, int side) throws IOException {
        SplittableRandom rng = new SplittableRandom(7);
        write(dir.resolve(DatasetLoader.TRAIN_IMAGES), new int[] {train, side, side}, rng, 256);
        write(dir.resolve(DatasetLoader.TRAIN_LABELS), new int[] {train}, rng, 10);
        write(dir.resolve(DatasetLoader.TEST_IMAGES), new int[] {test, side, side}, rng, 256);
        write(dir.resolve(DatasetLoader.TEST_LABELS), new int[] {test}, rng, 10);
    }

    private static void write(Path file, int[] dims, SplittableRandom rng, int bound) throws IOException {
        int n = 1;
        for (int d : dims) n *= d;
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) data[i] = (byte) rng.nextInt(bound);
        Files.write(file, IdxReaderTest.idx(8, dims, data));
    }

    /** Random images with pixels 0–255 (about 60% exactly 0, like MNIST) and labels below {@code classes}. */
    public static LabeledImages randomImages(int count, int pixels, int classes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] px = new byte[count * pixels];
        for (int i = 0; i < px.length; i++) px[i] = rng.nextDouble() < 0.6 ? 0 : (byte) (1 + rng.nextInt(255));
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) labels[i] = (byte) rng.nextInt(classes);
        return new LabeledImages(count, pixels, px, labels, classes);
    }
}
