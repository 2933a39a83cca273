package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class AlignedRowsTest {
    @Test
    void underG1AnArrayIsAtLeastHalfARegionAndItsRowsStartAfterTheHeaderOnALine() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assumeTrue(
                "true".equals(hotspot.getVMOption("UseG1GC").getValue()),
                "only G1 places humongous arrays at a region's start");
        long region = Long.parseLong(hotspot.getVMOption("G1HeapRegionSize").getValue());
        AlignedRows.Rows rows = AlignedRows.allocate(25_088);
        assertTrue(rows.array().length * 4L >= region / 2, "humongous: placed at a region's start, never moved");
        @SuppressWarnings("removal")
        int header = sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET;
        assertEquals(0, (header + 4 * rows.first()) % 64, "the first row begins on a 64-byte line");
        assertTrue(rows.first() > 0 && rows.first() < 16);
        assertTrue(rows.array().length >= rows.first() + 25_088);
    }

    @Test
    void everyMatrixHasRoomForItsRowsPastTheirStart() {
        for (int floats : new int[] {0, 3, 1 << 20}) {
            AlignedRows.Rows rows = AlignedRows.allocate(floats);
            assertTrue(rows.array().length >= rows.first() + floats, floats + " floats");
        }
        assertEquals(
                0,
                AlignedRows.first(Integer.MAX_VALUE - 20, 131_073),
                "too large to pad: the rows start at 0, not past the end");
        assertEquals(Integer.MAX_VALUE - 20, AlignedRows.length(Integer.MAX_VALUE - 20, 0, 131_073));
        assertEquals(0, AlignedRows.first(25_088, 0), "without G1: unaligned, from 0");
        assertEquals(25_088, AlignedRows.length(25_088, 0, 0), "without G1: no padding");
        assertEquals(131_073, AlignedRows.length(25_088, 12, 131_073), "under G1: half a region");
        assertEquals(
                12 + 200_000,
                AlignedRows.length(200_000, 12, 131_073),
                "a matrix larger than half a region: just its rows");
    }

    @Test
    void aNegativeSizeIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> AlignedRows.allocate(-1));
    }
}
