package org.initlab.math;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * One master seed, split per purpose (Tribuo's discipline): the mini-batch order, each scheme's weight
 * draw and the probe sample each get their own stream, so adding a scheme or a probe never shifts
 * another stream, and all schemes of a comparison see the same mini-batches.
 */
public final class Seeds {
    public static final String BATCHES = "batches";
    public static final String PROBE = "probe";

    private Seeds() {}

    public static long derive(long master, String purpose) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the purpose, then SplitMix64 finalizer over both
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return mix(mix(master) ^ h);
    }

    public static SplittableRandom rng(long master, String purpose) {
        return new SplittableRandom(derive(master, purpose));
    }

    /** The stream for a scheme's initial weights. */
    public static String init(String schemeId) {
        return "init/" + schemeId;
    }

    /** The stream for the batch a data-dependent scheme (LSUV) scales its weights on. */
    public static String lsuv(String schemeId) {
        return "lsuv/" + schemeId;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
