package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;

class AlignedRowsTest {
    @Test
    void underG1AnArrayIsAtLeastHalfARegionAndItsRowsStartAfterTheHeaderOnALine() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assertEquals("true", hotspot.getVMOption("UseG1GC").getValue(), "the tests run on G1, the default collector");
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
        AlignedRows.Rows huge = AlignedRows.allocate(Integer.MAX_VALUE - 20);
        assertEquals(0, huge.first(), "too large to pad: the rows start at 0, not past the end");
    }

    @Test
    void aNegativeSizeIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> AlignedRows.allocate(-1));
    }
}
