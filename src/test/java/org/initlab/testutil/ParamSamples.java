package org.initlab.testutil;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.initlab.settings.ChoiceParam;
import org.initlab.settings.DecimalParam;
import org.initlab.settings.IdListParam;
import org.initlab.settings.LabParameters;
import org.initlab.settings.Param;
import org.initlab.settings.WholeListParam;
import org.initlab.settings.WholeParam;

/** Texts that probe a parameter: its default, its bounds and just outside them, garbage, blank. */
public final class ParamSamples {
    private ParamSamples() {}

    /** The default, the bounds and just outside them, garbage, blank. */
    public static List<String> texts(Param<?> p) {
        List<String> t = new ArrayList<>(List.of(p.defaultText(), "garbage", "", "   ", " " + p.defaultText() + " "));
        if (p instanceof WholeParam w) {
            t.addAll(List.of(
                    Long.toString(w.min()),
                    Long.toString(w.max()),
                    BigInteger.valueOf(w.min()).subtract(BigInteger.ONE).toString(),
                    BigInteger.valueOf(w.max()).add(BigInteger.ONE).toString(),
                    "1.5"));
        } else if (p instanceof DecimalParam d) {
            t.addAll(List.of(
                    Double.toString(d.max()),
                    Double.toString(Math.nextUp(d.max())),
                    Double.toString(d.min()),
                    Double.toString(Math.nextDown(d.min())),
                    Double.toString(Math.nextUp(d.min())),
                    "NaN",
                    "Infinity",
                    "-Infinity"));
        } else if (p instanceof WholeListParam l) {
            t.addAll(List.of(
                    Long.toString(l.min()),
                    Long.toString(l.max()),
                    BigInteger.valueOf(l.min()).subtract(BigInteger.ONE).toString(),
                    BigInteger.valueOf(l.max()).add(BigInteger.ONE).toString(),
                    "1,,2",
                    "1,x",
                    "1,1",
                    ascending(l.min(), l.maxCount()),
                    ascending(l.min(), l.maxCount() + 1)));
        } else if (p instanceof IdListParam<?>) {
            t.addAll(List.of("lecun,lecun", "standard,,lecun", "custom:0.5", "custom:1e9", "standard,glorot"));
        } else if (p instanceof ChoiceParam<?> c) {
            t.addAll(c.offered());
            t.add(c.offered().get(0).toUpperCase(java.util.Locale.ROOT));
        }
        if (p == LabParameters.BIAS) t.addAll(List.of("normal:0.5", "normal:-1", "constant:x"));
        return t;
    }

    private static String ascending(long from, int count) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < count; i++) v.add(Long.toString(from + i));
        return String.join(",", v);
    }
}
