package org.initlab.sweep;

/** The K-th of N disjoint parts of a sweep (1-based): run i belongs to shard (i mod N) + 1, so the parts interleave and balance. */
public record Shard(int k, int n) {
    public static final Shard ALL = new Shard(1, 1);
    public static final int MAX_SHARDS = 100_000;

    public Shard {
        if (n < 1 || n > MAX_SHARDS)
            throw new IllegalArgumentException("--shard K/N: N must be 1 to " + MAX_SHARDS + ", got " + n);
        if (k < 1 || k > n) throw new IllegalArgumentException("--shard K/N: K must be 1 to N (" + n + "), got " + k);
    }

    /** Reads {@code K/N}; a message naming the option otherwise. */
    public static Shard parse(String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        if (slash < 0)
            throw new IllegalArgumentException(
                    "--shard: '" + t + "' is not K/N (for example 2/8: the second of 8 parts)");
        try {
            return new Shard(
                    Integer.parseInt(t.substring(0, slash).strip()),
                    Integer.parseInt(t.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard: '" + t + "' is not K/N with whole numbers (for example 2/8)");
        }
    }

    public boolean contains(SweepRun run) {
        return run.index() % n == k - 1;
    }

    public boolean isAll() {
        return n == 1;
    }

    @Override
    public String toString() {
        return k + "/" + n;
    }
}
