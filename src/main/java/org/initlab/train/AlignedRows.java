package org.initlab.train;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * A float array whose rows can start on 64-byte cache-line boundaries. A 16-float vector load or store at
 * an address that is not a multiple of 64 touches two cache lines; the first layer's sums and updates,
 * which read and write a 32-float row per non-zero pixel, ran 30% slower that way, and, because the
 * collector places an ordinary array anywhere on an 8-byte boundary (and moves it), by a different amount
 * from run to run (docs/performance.md).
 *
 * <p>Java has no aligned allocation, but G1, the default collector, puts an array of at least half a
 * region (a "humongous" object) at the start of a region, a power of two of at least 1 MB, and never
 * moves it. So the array is made that large when G1 is in use, and the rows start at {@link Rows#first()},
 * the first index on a line past the array header (12 with a 16-byte header). With another collector the
 * rows are where they fall: the same numbers, slower. The price is memory: half a region (0.5 MB at the
 * lab's heaps of 2–3 GB) for a matrix of any smaller size.
 */
final class AlignedRows {
    private static final int LINE_BYTES = 64;
    /** Half a G1 region in floats (the least that is placed at a region's start), or 0 when G1 is not in use. */
    private static final long HUMONGOUS_FLOATS = humongousFloats();
    /** Bytes from an array object's start to its first element (16 on a 64-bit HotSpot with compressed class pointers); -1 if unknown. */
    private static final int BASE_OFFSET = baseOffset();

    private AlignedRows() {}

    /** An array and the index where its rows begin: {@code array.length ≥ first + floats}. */
    record Rows(float[] array, int first) {}

    /** Room for {@code floats} floats of rows, starting on a cache line when the collector allows it. */
    static Rows allocate(int floats) {
        int first = first(floats, HUMONGOUS_FLOATS);
        return new Rows(new float[length(floats, first, HUMONGOUS_FLOATS)], first);
    }

    /** Where the rows begin: on a line past the header when G1 places the array ({@code humongous > 0}) and it can be padded. */
    static int first(int floats, long humongous) {
        if (floats < 0) throw new IllegalArgumentException("a negative matrix size: " + floats);
        if (humongous <= 0 || BASE_OFFSET < 0 || (long) floats + LINE_BYTES / Float.BYTES > Integer.MAX_VALUE - 16)
            return 0; // unaligned, still correct
        return ((LINE_BYTES - BASE_OFFSET % LINE_BYTES) % LINE_BYTES) / Float.BYTES;
    }

    /** The array's length: the rows after {@code first}, and at least half a region under G1. */
    static int length(int floats, int first, long humongous) {
        long size = (long) first + floats;
        if (first > 0) size = Math.max(size, humongous);
        return (int) Math.min(size, Integer.MAX_VALUE - 16L);
    }

    @SuppressWarnings("removal")
    private static int baseOffset() {
        try {
            return sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET;
        } catch (LinkageError e) {
            return -1; // a runtime without jdk.unsupported: unaligned
        }
    }

    private static long humongousFloats() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotspot == null
                    || !Boolean.parseBoolean(hotspot.getVMOption("UseG1GC").getValue())) return 0;
            long region = Long.parseLong(hotspot.getVMOption("G1HeapRegionSize").getValue());
            return region <= 0 ? 0 : region / 2 / Float.BYTES + 1;
        } catch (RuntimeException | LinkageError e) {
            return 0; // not HotSpot, or no management module: unaligned
        }
    }
}
