package org.initlab.sweep;

import java.util.List;
import org.initlab.settings.SweepAxis;

/**
 * One run of a sweep: its cell (one value per swept parameter, in the plan's order), its scheme and seed.
 * Deterministic: the same key trains the same network on the same mini-batches wherever it runs.
 *
 * @param index its position in the whole plan (what shards split)
 * @param cell  the index of its cell in {@link SweepPlan#cells()}
 */
public record SweepRun(int index, int cell, List<Double> values, String scheme, long seed) {
    public SweepRun {
        values = List.copyOf(values);
    }

    /** The run's key as the CSV's first columns write it: the swept values, the scheme, the seed. */
    public String key(List<SweepAxis> axes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < axes.size(); i++)
            sb.append(axes.get(i).format(values.get(i))).append(',');
        return sb.append(scheme).append(',').append(seed).toString();
    }
}
