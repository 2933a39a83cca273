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
        float[] a = AlignedRows.allocate(25_088);
        assertTrue(a.length * 4L >= region / 2, "humongous: placed at a region's start, never moved");
        @SuppressWarnings("removal")
        int header = sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET;
        assertEquals(0, (header + 4 * AlignedRows.offset()) % 64, "the first row begins on a 64-byte line");
        assertTrue(a.length >= AlignedRows.offset() + 25_088);
    }

    @Test
    void aSmallMatrixHasRoomForItsOffset() {
        assertTrue(AlignedRows.allocate(3).length >= 3 + AlignedRows.offset());
    }
}
