package org.initlab.core.init;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.format.Message;
import org.initlab.format.MessageException;

/** Every weight scheme the lab knows, by stable id; {@code custom:SIGMA} makes one on demand. */
public final class InitCatalog {
    private static final Map<String, WeightInit> BY_ID = new LinkedHashMap<>();

    static {
        for (WeightInit w : List.of(
                new StandardNormalInit(),
                new LecunNormalInit(),
                new LecunUniformInit(),
                new XavierNormalInit(),
                new XavierUniformInit(),
                new HeNormalInit(),
                new HeUniformInit(),
                new PlaygroundUniformInit(),
                new ZerosInit(),
                new OrthogonalInit(),
                new OrthogonalReluInit(),
                new LsuvInit())) {
            BY_ID.put(w.id(), w);
        }
    }

    private InitCatalog() {}

    public static List<WeightInit> all() {
        return List.copyOf(BY_ID.values());
    }

    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }

    /** The scheme with this id, or {@code custom:SIGMA}; a clear message otherwise. */
    public static WeightInit byId(String id) {
        String key = id.strip();
        WeightInit found = BY_ID.get(key.toLowerCase(java.util.Locale.ROOT));
        if (found != null) return found;
        if (key.toLowerCase(java.util.Locale.ROOT).startsWith(CustomNormalInit.PREFIX)) {
            String sigma = key.substring(CustomNormalInit.PREFIX.length());
            double value;
            try {
                value = Double.parseDouble(sigma);
            } catch (NumberFormatException e) {
                throw new MessageException(
                        Message.of("scheme.customNotNumber", "''{0}'': custom σ ''{1}'' is not a number", id, sigma));
            }
            return new CustomNormalInit(value);
        }
        throw new MessageException(Message.of(
                "scheme.unknown",
                "unknown scheme ''{0}''; known: {1}, custom:SIGMA",
                id,
                String.join(", ", BY_ID.keySet())));
    }
}
