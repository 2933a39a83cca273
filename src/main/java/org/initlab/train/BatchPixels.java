package org.initlab.train;

/**
 * A mini-batch's non-zero pixels, unpacked from {@link SparseImages} into small arrays that stay in the L1
 * cache for the whole step: example {@code e}'s entries are {@code idx/val[start(e) .. end(e))}, each index
 * already the offset of the pixel's first-layer weight row. One unpacking serves the forward pass and the
 * weight update, and, in lockstep, every network of the group.
 */
final class BatchPixels {
    private final SparseImages sparse;
    private final int[] start;
    private int[] idx;
    private float[] val;
    /** Where {@link SparseImages#touch}'s sum goes, so that its reads are not optimised away. */
    @SuppressWarnings("unused")
    private int touched;

    private final int rowFloats;
    private final int firstRow;

    /** For weight rows of {@code rowFloats} floats, the first at {@code firstRow}. */
    BatchPixels(SparseImages sparse, int batchSize, int rowFloats, int firstRow) {
        this.sparse = sparse;
        this.rowFloats = rowFloats;
        this.firstRow = firstRow;
        this.start = new int[batchSize + 1];
        this.idx = new int[0];
        this.val = new float[0];
    }

    /** Unpacks {@code batch[0..count)}. */
    void gather(int[] batch, int count) {
        touched = sparse.touch(batch, count);
        int total = 0;
        for (int e = 0; e < count; e++) total += sparse.end(batch[e]) - sparse.start(batch[e]);
        if (total > idx.length) {
            idx = new int[total];
            val = new float[total];
        }
        int at = 0;
        for (int e = 0; e < count; e++) {
            start[e] = at;
            at = sparse.unpack(batch[e], rowFloats, firstRow, idx, val, at);
        }
        start[count] = at;
    }

    int start(int e) {
        return start[e];
    }

    int end(int e) {
        return start[e + 1];
    }

    int[] indices() {
        return idx;
    }

    float[] values() {
        return val;
    }
}
