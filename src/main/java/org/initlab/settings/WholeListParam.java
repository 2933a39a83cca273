package org.initlab.settings;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.Limit;

/** Comma-separated whole numbers ("100,100,100"): each within a range, at most {@code maxCount}, optionally no repeats. */
public final class WholeListParam extends Param<List<Long>> {
    private final long min;
    private final long max;
    private final int maxCount;
    private final boolean distinct;
    private final String itemWords;

    WholeListParam(
            String id,
            String option,
            String name,
            String defaultText,
            long min,
            long max,
            int maxCount,
            boolean distinct,
            String itemWords) {
        super(id, option, name, () -> split(defaultText), defaultText);
        this.min = min;
        this.max = max;
        this.maxCount = maxCount;
        this.distinct = distinct;
        this.itemWords = itemWords;
    }

    /** Entries each within a core record's limit, named after it. */
    WholeListParam(
            String id,
            String option,
            Limit each,
            String defaultText,
            int maxCount,
            boolean distinct,
            String itemWords) {
        this(
                id,
                option,
                each.name(),
                defaultText,
                each.min().longValue(),
                each.max().longValue(),
                maxCount,
                distinct,
                itemWords);
    }

    private static List<Long> split(String text) {
        List<Long> v = new ArrayList<>();
        for (String s : text.split(",")) v.add(Long.parseLong(s.strip()));
        return List.copyOf(v);
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    public int maxCount() {
        return maxCount;
    }

    public boolean distinct() {
        return distinct;
    }

    @Override
    String itemWords() {
        return itemWords;
    }

    @Override
    public Bounds bounds() {
        return new Bounds(Bounds.Form.WHOLE_LIST, min, false, max, maxCount);
    }

    @Override
    public Parsed<List<Long>> parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return Parsed.refused(Problem.of(this, Problem.Reason.EMPTY, t, bounds()));
        String[] parts = t.split(",", -1);
        if (parts.length > maxCount) return Parsed.refused(Problem.of(this, Problem.Reason.TOO_MANY, t, bounds()));
        List<Long> values = new ArrayList<>();
        for (String part : parts) {
            String s = part.strip();
            long v;
            try {
                v = WholeParam.parseAsciiLong(s);
            } catch (NumberFormatException e) {
                return Parsed.refused(Problem.of(this, Problem.Reason.NOT_WHOLE, s, bounds()));
            }
            if (v < min || v > max) return Parsed.refused(Problem.of(this, Problem.Reason.OUT_OF_RANGE, s, bounds()));
            if (distinct && values.contains(v))
                return Parsed.refused(Problem.of(this, Problem.Reason.DUPLICATE, s, bounds()));
            values.add(v);
        }
        return Parsed.ok(List.copyOf(values));
    }

    /** Checks sizes the core was given (hidden layers); the named message otherwise. */
    public void require(int[] values) {
        if (values.length > maxCount)
            throw new IllegalArgumentException(
                    Problem.of(this, Problem.Reason.TOO_MANY, "", bounds()).named());
        for (int v : values) {
            if (v < min || v > max)
                throw new IllegalArgumentException(
                        Problem.of(this, Problem.Reason.OUT_OF_RANGE, Integer.toString(v), bounds())
                                .named());
        }
    }

    public static int[] toInts(List<Long> values) {
        return values.stream().mapToInt(Long::intValue).toArray();
    }

    @Override
    public String format(List<Long> value) {
        return String.join(",", value.stream().map(String::valueOf).toList());
    }
}
