package org.initlab.ui.sweep;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.initlab.lessons.Placeholders;
import org.initlab.sweep.MapNumbers;
import org.initlab.ui.base.LessonNumbers;

/** The Sweep tab's numbers for lessons: its depth × σ_w² map's, once its sweep is complete (MapNumbers). */
public final class SweepNumbers implements LessonNumbers {
    public static final Placeholders.Names NAMES = new Placeholders.Names(
            Placeholders.Names.pairs(
                    "sweep.cells",
                    "cells of the shown map",
                    "sweep.critical",
                    "the critical σ_w² (χ₁ = 1) for its activation and σ_b²",
                    "sweep.firstStep",
                    "the first chosen step",
                    "sweep.agreement.first",
                    "cells agreeing with depth < 6 ξ_c after the first chosen step (%)",
                    "sweep.agreement.end",
                    "the same at the end of training (%)",
                    "sweep.trained.first",
                    "cells above 50% after the first chosen step",
                    "sweep.trained.end",
                    "cells above 50% at the end of training",
                    "sweep.deepest.low",
                    "deepest depth above 50% at the end, smallest σ_w²",
                    "sweep.deepest.critical",
                    "the same, the σ_w² nearest the critical one",
                    "sweep.deepest.high",
                    "the same, largest σ_w²",
                    "sweep.xi6.low",
                    "6 ξ_c at the smallest σ_w²",
                    "sweep.xi6.high",
                    "6 ξ_c at the largest σ_w²"),
            Map.of());

    private final SweepViewModel sweep;

    public SweepNumbers(SweepViewModel sweep) {
        this.sweep = sweep;
    }

    @Override
    public Placeholders.Names names() {
        return NAMES;
    }

    @Override
    public String format(String name, double v) {
        if (name.startsWith("sweep.agreement")) return String.format(Locale.ROOT, "%.0f", v);
        return LessonNumbers.significant(v);
    }

    /** Empty before the map is complete. */
    @Override
    public OptionalDouble value(String name, String scheme) {
        if (sweep.mapNumbers().isEmpty()) return OptionalDouble.empty();
        MapNumbers m = sweep.mapNumbers().get();
        int end = m.end();
        double v = switch (name) {
            case "sweep.cells" -> m.cells();
            case "sweep.critical" -> m.criticalSigmaW2();
            case "sweep.firstStep" -> m.firstStep();
            case "sweep.agreement.first" -> m.agreementPercent(0);
            case "sweep.agreement.end" -> m.agreementPercent(end);
            case "sweep.trained.first" -> m.trained(0);
            case "sweep.trained.end" -> m.trained(end);
            case "sweep.deepest.low" -> m.deepestTrained(0, end);
            case "sweep.deepest.critical" -> m.deepestTrained(m.criticalColumn(), end);
            case "sweep.deepest.high" -> m.deepestTrained(m.lastColumn(), end);
            case "sweep.xi6.low" -> m.trainableDepth(0);
            case "sweep.xi6.high" -> m.trainableDepth(m.lastColumn());
            default -> Double.NaN;
        };
        return Double.isNaN(v) || v < 0 ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
