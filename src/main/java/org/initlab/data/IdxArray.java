package org.initlab.data;

/**
 * The content of one IDX file of unsigned bytes: its dimensions, its data (row-major) and the SHA-256 of
 * the plain (uncompressed) file, which is what the dataset manifest lists.
 */
public record IdxArray(int[] dimensions, byte[] data, String sha256) {
    public int count() {
        return dimensions[0];
    }

    /** Number of values per item (1 for a label file, rows·cols for an image file). */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dimensions.length; i++) size *= dimensions[i];
        return size;
    }
}
