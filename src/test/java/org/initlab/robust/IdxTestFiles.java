package org.initlab.robust;

import java.io.IOException;
import java.util.SplittableRandom;
import org.initlab.data.TestData;

/** Small valid IDX files for robustness tests. */
final class IdxTestFiles {
    private IdxTestFiles() {}

    static byte[] idx(int[] dims, SplittableRandom rng) {
        int n = 1;
        for (int d : dims) n *= d;
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) data[i] = (byte) rng.nextInt(10);
        return TestData.idx(8, dims, data);
    }

    static byte[] gzip(byte[] plain) throws IOException {
        return TestData.gzip(plain);
    }
}
