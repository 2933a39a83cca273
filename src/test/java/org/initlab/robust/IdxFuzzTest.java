package org.initlab.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.initlab.data.IdxArray;
import org.initlab.data.IdxFormatException;
import org.initlab.data.IdxReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of the IDX reader: 12,000 corrupted variants (bit flips, byte overwrites, truncations,
 * insertions, hostile header dimensions) of small valid files, plain and gzip. The reader may accept a
 * variant or refuse it with its own {@link IdxFormatException} — nothing else, and never a large allocation
 * (the bytes this thread allocates per read are measured: a header that claims 2³¹ items must not cost them).
 */
class IdxFuzzTest {
    @TempDir
    Path dir;

    @Test
    void mutatedFilesOnlyEverGiveTheReadersOwnError() throws IOException {
        SplittableRandom rng = new SplittableRandom(20261126);
        byte[] images = IdxTestFiles.idx(new int[] {5, 4, 4}, rng);
        byte[] labels = IdxTestFiles.idx(new int[] {5}, rng);
        byte[][] seeds = {images, labels, IdxTestFiles.gzip(images), IdxTestFiles.gzip(labels)};
        int accepted = 0, refused = 0, hostileRefused = 0;
        long mostAllocated = 0;
        Path file = dir.resolve("fuzz");
        for (int i = 0; i < 12_000; i++) {
            byte[] mutated = mutate(seeds[i % seeds.length], rng);
            Files.write(file, mutated);
            long before = ALLOCATED.getCurrentThreadAllocatedBytes();
            try {
                IdxArray a = IdxReader.read(file);
                mostAllocated = Math.max(mostAllocated, ALLOCATED.getCurrentThreadAllocatedBytes() - before);
                accepted++;
                long n = 1;
                for (int d : a.dimensions()) n *= d;
                assertEquals(n, a.data().length, "an accepted file's data matches its header");
                if (!gzip(mutated)) {
                    assertEquals(
                            mutated.length,
                            4 + 4L * a.dimensions().length + n,
                            "a plain file is its header and its data");
                }
            } catch (IdxFormatException e) {
                mostAllocated = Math.max(mostAllocated, ALLOCATED.getCurrentThreadAllocatedBytes() - before);
                refused++;
                if (claimsOver(mutated, 1 << 20)) hostileRefused++;
                assertTrue(e.getMessage().startsWith("fuzz: "), "the message names the file: " + e.getMessage());
                assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            }
        }
        assertTrue(
                refused > 6_000 && accepted > 100,
                "both outcomes are exercised: accepted " + accepted + ", refused " + refused);
        assertTrue(hostileRefused > 100, "files whose header claims over a million items were read: " + hostileRefused);
        // The largest seed is 100 bytes; reading one costs the reader's buffers (gzip's included), not a claimed size.
        assertTrue(mostAllocated < 4L << 20, "at most 4 MB allocated by one read, was " + mostAllocated);
    }

    private static final com.sun.management.ThreadMXBean ALLOCATED =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static boolean gzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0x1f && (b[1] & 0xFF) == 0x8b;
    }

    /** Whether a plain file's header claims more than {@code items} items (its dimensions' product). */
    private static boolean claimsOver(byte[] b, long items) {
        if (gzip(b) || b.length < 4) return false;
        int rank = b[3] & 0xFF;
        if (b.length < 4 + 4 * rank) return false;
        long n = 1;
        for (int k = 0; k < rank; k++) {
            long d = ((b[4 + 4 * k] & 0xFFL) << 24)
                    | ((b[5 + 4 * k] & 0xFF) << 16)
                    | ((b[6 + 4 * k] & 0xFF) << 8)
                    | (b[7 + 4 * k] & 0xFF);
            n = Math.min(n * Math.max(d, 1), Long.MAX_VALUE / (1L << 32));
            if (d == 0) return false;
        }
        return n > items;
    }

    private static byte[] mutate(byte[] seed, SplittableRandom rng) {
        byte[] b = seed.clone();
        switch (rng.nextInt(6)) {
            case 0 -> { // flip a few bits
                for (int k = 1 + rng.nextInt(4); k > 0; k--) b[rng.nextInt(b.length)] ^= (byte) (1 << rng.nextInt(8));
            }
            case 1 -> b[rng.nextInt(b.length)] = (byte) rng.nextInt(256);
            case 2 -> b = Arrays.copyOf(b, rng.nextInt(b.length)); // truncate
            case 3 -> { // insert random bytes
                int at = rng.nextInt(b.length + 1), n = 1 + rng.nextInt(8);
                byte[] c = new byte[b.length + n];
                System.arraycopy(b, 0, c, 0, at);
                for (int k = 0; k < n; k++) c[at + k] = (byte) rng.nextInt(256);
                System.arraycopy(b, at, c, at + n, b.length - at);
                b = c;
            }
            case 4 -> { // hostile dimension in a plain header: huge, zero or negative
                if (b.length >= 8 && b[0] == 0) {
                    int dim = 4 + 4 * rng.nextInt(Math.max(1, Math.min(3, b[3])));
                    int v = switch (rng.nextInt(4)) {
                        case 0 -> Integer.MAX_VALUE;
                        case 1 -> 0x80000000;
                        case 2 -> 0;
                        default -> rng.nextInt();
                    };
                    if (dim + 4 <= b.length) {
                        b[dim] = (byte) (v >>> 24);
                        b[dim + 1] = (byte) (v >>> 16);
                        b[dim + 2] = (byte) (v >>> 8);
                        b[dim + 3] = (byte) v;
                    }
                }
            }
            default -> { // change the rank or type byte
                if (b.length > 3) b[2 + rng.nextInt(2)] = (byte) rng.nextInt(256);
            }
        }
        return b;
    }
}
