package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.initlab.data.LabeledImages;
import org.junit.jupiter.api.Test;

class BatchPixelsTest {
    private static final byte[] PX = {0, 5, 0, (byte) 255, /* image 1: all zero */ 0, 0, 0, 0, /* image 2 */ 7, 0, 0, 1
    };
    private static final LabeledImages IMAGES = new LabeledImages(3, 4, PX, new byte[] {0, 1, 2}, 3);

    @Test
    void aBatchIsItsImagesEntriesInBatchOrder() {
        BatchPixels px = new BatchPixels(SparseImages.of(IMAGES), 4, 1, 0);
        px.gather(new int[] {2, 1, 0, 2}, 4);
        assertArrayEquals(
                new int[] {0, 2, 2, 4, 6}, new int[] {px.start(0), px.start(1), px.start(2), px.start(3), px.end(3)});
        assertArrayEquals(new int[] {0, 3, 1, 3, 0, 3}, Arrays.copyOf(px.indices(), 6));
        assertArrayEquals(
                new float[] {7 / 255f, 1 / 255f, 5 / 255f, 1f, 7 / 255f, 1 / 255f}, Arrays.copyOf(px.values(), 6), 0f);
    }

    @Test
    void aSmallerBatchAfterALargerOneSeesOnlyItsOwnEntries() {
        BatchPixels px = new BatchPixels(SparseImages.of(IMAGES), 3, 16, 4);
        px.gather(new int[] {0, 2, 0}, 3);
        px.gather(new int[] {1, 2, 9}, 2);
        assertEquals(0, px.end(0), "image 1 has no entries");
        assertEquals(2, px.end(1));
        assertArrayEquals(new int[] {4, 4 + 3 * 16}, Arrays.copyOf(px.indices(), 2), "pixels 0 and 3 as row offsets");
    }
}
