package org.initlab.train;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.initlab.data.LabeledImages;

/**
 * Images as lists of their non-zero pixels (index, value/255). About 81% of MNIST's pixels are exactly 0
 * and contribute exactly nothing to z = Σ w·x + b or to the weight gradient, so the hot path skips them
 * without changing a single result. Built once per image set and shared by every run.
 *
 * <p>Stored in 4 bytes a pixel, in one array: the pixel's index above its raw byte value. Training reads
 * images in random order, so each image's list comes from main memory: one array and a pixel in a
 * word keep an image on one or two pages and its unpacking free of dependencies from entry to entry (a
 * gap-coded 2-byte entry, half the memory, unpacked no faster; a 4-byte index and a float value in two
 * arrays made a random image cost 3× a sequential one; docs/performance.md). {@link BatchPixels} unpacks
 * a mini-batch.
 */
public final class SparseImages {
    private static final Map<LabeledImages, SparseImages> CACHE = Collections.synchronizedMap(new WeakHashMap<>());
    /** Pixel indices must fit the 24 bits above the value. */
    static final int MAX_PIXELS = 1 << 24;

    private final int[] start;
    private final int[] entry;

    private SparseImages(LabeledImages images) {
        int n = images.count(), p = images.pixelsPerImage();
        if (p > MAX_PIXELS)
            throw new IllegalArgumentException(
                    "images of " + p + " pixels: at most " + MAX_PIXELS + " can be trained on");
        byte[] px = images.pixels();
        start = new int[n + 1];
        long nnz = 0;
        for (byte b : px) if (b != 0) nnz++;
        if (nnz > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("too many non-zero pixels for one array: " + nnz);
        entry = new int[(int) nnz];
        int k = 0;
        for (int i = 0; i < n; i++) {
            start[i] = k;
            int base = i * p;
            for (int j = 0; j < p; j++) {
                int v = px[base + j] & 0xFF;
                if (v != 0) entry[k++] = j << 8 | v;
            }
        }
        start[n] = k;
    }

    public static SparseImages of(LabeledImages images) {
        return CACHE.computeIfAbsent(images, SparseImages::new);
    }

    public int start(int image) {
        return start[image];
    }

    public int end(int image) {
        return start[image + 1];
    }

    /** Non-zero pixels over all images. */
    public long nonZero() {
        return entry.length;
    }

    /**
     * Reads one value from every cache line of these images' lists and returns a sum of them that means
     * nothing. The reads are independent, so their misses overlap in memory; the unpacking that follows
     * then finds the lines in cache instead of waiting for them one image after the other.
     */
    int touch(int[] images, int count) {
        int sum = 0;
        for (int e = 0; e < count; e++) sum += start[images[e] + 1];
        for (int e = 0; e < count; e++) {
            int from = start[images[e]], to = start[images[e] + 1];
            for (int k = from; k < to; k += 16) sum += entry[k];
            if (to > from) sum += entry[to - 1]; // the last line, when the list does not start on one
        }
        return sum;
    }

    /** {@code row[p] = byValue[v]} for each of image {@code image}'s non-zero pixels p of byte value v; the rest of the row is left alone. */
    void scatter(int image, float[] byValue, float[] row) {
        for (int k = start[image], end = start[image + 1]; k < end; k++) {
            int e = entry[k];
            row[e >>> 8] = byValue[e & 0xFF];
        }
    }

    /** {@code row[p] = 0} for each of image {@code image}'s non-zero pixels p: undoes {@link #scatter}. */
    void clear(int image, float[] row) {
        for (int k = start[image], end = start[image + 1]; k < end; k++) row[entry[k] >>> 8] = 0f;
    }

    /**
     * Writes image {@code image}'s non-zero pixels to {@code idx}/{@code val} from {@code at}, in pixel order,
     * each pixel p as {@code first + p·stride} (the offset of its weight row); returns the position after them.
     */
    int unpack(int image, int stride, int first, int[] idx, float[] val, int at) {
        return RowKernels.BEST.unpack(entry, start[image], start[image + 1], stride, first, idx, val, at);
    }
}
