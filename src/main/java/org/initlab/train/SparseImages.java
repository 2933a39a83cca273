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
 * <p>Stored in 2 bytes a pixel, in one array: the gap from the previous non-zero pixel (high byte) and the
 * raw value (low byte); a gap over 255 is written as extra entries of gap 255 and value 0, which no real
 * pixel has. Training reads images in random order, so each image's list comes from main memory: with
 * 4-byte indices and float values in two arrays a random image cost 3× a sequential one
 * (docs/performance.md). {@link BatchPixels} unpacks a mini-batch.
 */
public final class SparseImages {
    private static final Map<LabeledImages, SparseImages> CACHE = Collections.synchronizedMap(new WeakHashMap<>());
    /** value/255 for each byte, the exact float the dense path divides to. */
    private static final float[] SCALED = new float[256];
    private static final int MAX_GAP = 255;

    static {
        for (int v = 0; v < 256; v++) SCALED[v] = v / 255f;
    }

    private final int[] start;
    private final char[] entry;
    private final long nonZero;

    private SparseImages(LabeledImages images) {
        int n = images.count(), p = images.pixelsPerImage();
        byte[] px = images.pixels();
        start = new int[n + 1];
        long entries = 0, nz = 0;
        for (int i = 0; i < n; i++) {
            int previous = -1;
            for (int j = 0; j < p; j++) {
                if (px[i * p + j] == 0) continue;
                entries += 1 + (j - previous - 1) / MAX_GAP;
                nz++;
                previous = j;
            }
        }
        if (entries > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many non-zero pixels for one array: " + entries);
        entry = new char[(int) entries];
        nonZero = nz;
        int k = 0;
        for (int i = 0; i < n; i++) {
            start[i] = k;
            int base = i * p, previous = -1;
            for (int j = 0; j < p; j++) {
                int v = px[base + j] & 0xFF;
                if (v == 0) continue;
                int gap = j - previous;
                for (; gap > MAX_GAP; gap -= MAX_GAP) entry[k++] = (char) (MAX_GAP << 8);
                entry[k++] = (char) (gap << 8 | v);
                previous = j;
            }
        }
        start[n] = k;
    }

    public static SparseImages of(LabeledImages images) {
        return CACHE.computeIfAbsent(images, SparseImages::new);
    }

    /** The first entry of image {@code image}; with {@link #end}, an upper bound on its non-zero pixels. */
    public int start(int image) {
        return start[image];
    }

    public int end(int image) {
        return start[image + 1];
    }

    /** Non-zero pixels over all images. */
    public long nonZero() {
        return nonZero;
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
            for (int k = start[images[e]], to = start[images[e] + 1]; k < to; k += 32) sum += entry[k];
        }
        return sum;
    }

    /**
     * Writes image {@code image}'s non-zero pixels to {@code idx}/{@code val} from {@code at}, in pixel order,
     * each pixel p as {@code first + p·stride} (the offset of its weight row); returns the position after them.
     */
    int unpack(int image, int stride, int first, int[] idx, float[] val, int at) {
        int p = -1;
        for (int k = start[image], to = start[image + 1]; k < to; k++) {
            int c = entry[k];
            p += c >>> 8;
            int v = c & 0xFF;
            if (v != 0) {
                idx[at] = first + p * stride;
                val[at++] = SCALED[v];
            }
        }
        return at;
    }
}
