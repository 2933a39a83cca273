package org.initlab.cli;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.initlab.data.DatasetLoader;

/**
 * A data folder's shape from its image files' IDX headers alone (16 bytes each, through gzip where
 * compressed): image counts and size. Enough to check a command against its data before the data is
 * read: the network's inputs, the validation split, the memory. A file whose header does not read is
 * left to the loader, which names the problem.
 */
record DataShape(int trainImages, int testImages, int rows, int cols) {
    int pixels() {
        return rows * cols;
    }

    /** Every pixel of both files, as the loader holds them (one byte each). */
    long bytes() {
        return ((long) trainImages + testImages) * pixels();
    }

    static Optional<DataShape> read(Path dir) {
        try {
            int[] train = header(dir, DatasetLoader.TRAIN_IMAGES), test = header(dir, DatasetLoader.TEST_IMAGES);
            if (train == null || test == null) return Optional.empty();
            return Optional.of(new DataShape(train[0], test[0], train[1], train[2]));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** count, rows, cols of an unsigned-byte, rank-3 IDX file, or null when it is not one (the loader says why). */
    private static int[] header(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        boolean gz = false;
        if (!Files.isRegularFile(file)) {
            file = dir.resolve(name + ".gz");
            gz = true;
            if (!Files.isRegularFile(file)) return null;
        }
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = gz ? new GZIPInputStream(raw) : raw) {
            DataInputStream d = new DataInputStream(in);
            if (d.readUnsignedShort() != 0 || d.readUnsignedByte() != 0x08 || d.readUnsignedByte() != 3) return null;
            int[] dims = {d.readInt(), d.readInt(), d.readInt()};
            for (int x : dims) if (x <= 0) return null;
            return (long) dims[1] * dims[2] > Integer.MAX_VALUE ? null : dims;
        } catch (IOException e) {
            return null;
        }
    }
}
