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
 * <p>Stored compactly, 3 bytes a pixel (a 16-bit index and the raw byte), because training reads images in
 * random order and each image's list comes from main memory: with 4-byte indices and float values a
 * random image cost 3× a sequential one (docs/performance.md). {@link BatchPixels} unpacks a mini-batch.
 */
public final class SparseImages {
    private static final Map<LabeledImages, SparseImages> CACHE = Collections.synchronizedMap(new WeakHashMap<>());
    /** value/255 for each byte, the exact float the dense path divides to. */
    private static final float[] SCALED = new float[256];

    static {
        for (int v = 0; v < 256; v++) SCALED[v] = v / 255f;
    }

    private final int[] start;
    /** Pixel indices when they fit 16 bits (every image set the lab reads), else {@link #wideIndex}. */
    private final char[] index;
    private final int[] wideIndex;
    private final byte[] value;

    private SparseImages(LabeledImages images) {
        int n = images.count(), p = images.pixelsPerImage();
        byte[] px = images.pixels();
        start = new int[n + 1];
        int nnz = 0;
        for (byte b : px) if (b != 0) nnz++;
        boolean narrow = p <= Character.MAX_VALUE + 1;
        index = narrow ? new char[nnz] : null;
        wideIndex = narrow ? null : new int[nnz];
        value = new byte[nnz];
        int k = 0;
        for (int i = 0; i < n; i++) {
            start[i] = k;
            int base = i * p;
            for (int j = 0; j < p; j++) {
                byte v = px[base + j];
                if (v != 0) {
                    if (narrow) index[k] = (char) j;
                    else wideIndex[k] = j;
                    value[k++] = v;
                }
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

    /** The pixel index of entry {@code k}. */
    public int index(int k) {
        return index != null ? index[k] : wideIndex[k];
    }

    /** The value (byte/255) of entry {@code k}. */
    public float value(int k) {
        return SCALED[value[k] & 0xFF];
    }

    /**
     * Reads one value from every cache line of these images' lists and returns a sum of them that means
     * nothing. The reads are independent, so their misses overlap in memory; the copying that follows
     * then finds the lines in cache instead of waiting for them one image after the other (12 ms of a 55 ms
     * reference epoch without this, docs/performance.md).
     */
    int touch(int[] images, int count) {
        int sum = 0;
        for (int e = 0; e < count; e++) sum += start[images[e] + 1];
        for (int e = 0; e < count; e++) {
            int from = start[images[e]], to = start[images[e] + 1];
            if (index != null) for (int k = from; k < to; k += 32) sum += index[k];
            else for (int k = from; k < to; k += 16) sum += wideIndex[k];
            for (int k = from; k < to; k += 64) sum += value[k];
        }
        return sum;
    }

    /**
     * Copies image {@code image}'s entries to {@code idx}/{@code val} from {@code at}; returns the position after them.
     * One tight loop per image, so the reads of all a batch's images overlap in memory.
     */
    int unpack(int image, int[] idx, float[] val, int at) {
        int from = start[image], to = start[image + 1];
        if (index != null) {
            for (int k = from; k < to; k++, at++) {
                idx[at] = index[k];
                val[at] = SCALED[value[k] & 0xFF];
            }
        } else {
            for (int k = from; k < to; k++, at++) {
                idx[at] = wideIndex[k];
                val[at] = SCALED[value[k] & 0xFF];
            }
        }
        return at;
    }
}
