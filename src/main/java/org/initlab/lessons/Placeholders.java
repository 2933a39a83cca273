package org.initlab.lessons;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.initlab.core.init.InitCatalog;

/**
 * The syntax of the live numbers a lesson's text may quote, written {@code {name}} or, per scheme,
 * {@code {name:scheme}} ({@code {run.epoch0:lecun}}). Which names exist is not said here: each window feature
 * declares its own, and a lesson is checked against the {@link Names} it is given. A lesson that names an unknown
 * one, or an unknown scheme, is refused when it loads. {@code {{} writes a brace.
 */
public final class Placeholders {
    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");

    private Placeholders() {}

    /** A placeholder: its name and, for per-scheme ones, the scheme id. */
    public record Ref(String name, String scheme) {
        public String token() {
            return scheme == null ? name : name + ":" + scheme;
        }
    }

    /**
     * The numbers a lesson may name, each with what it is: {@code global} ones ({@code {z.inputs}}) and
     * {@code perScheme} ones ({@code {run.final:lecun}}). A name is declared once.
     */
    public record Names(Map<String, String> global, Map<String, String> perScheme) {
        public static final Names NONE = new Names(Map.of(), Map.of());

        public Names {
            global = Collections.unmodifiableMap(new LinkedHashMap<>(global));
            perScheme = Collections.unmodifiableMap(new LinkedHashMap<>(perScheme));
            for (String name : global.keySet())
                if (perScheme.containsKey(name))
                    throw new IllegalArgumentException("number " + name + " is declared twice");
        }

        /** Names and descriptions in turn: {@code pairs("z.ones", "how many inputs are 1", …)}. */
        public static Map<String, String> pairs(String... pairs) {
            if (pairs.length % 2 != 0) throw new IllegalArgumentException("a name without its description");
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
            return m;
        }

        /** Every name of every part, in order; a name two parts declare is an {@link IllegalArgumentException}. */
        public static Names union(List<Names> parts) {
            Map<String, String> g = new LinkedHashMap<>(), s = new LinkedHashMap<>();
            for (Names p : parts) {
                for (var e : p.global().entrySet())
                    if (g.put(e.getKey(), e.getValue()) != null || s.containsKey(e.getKey()))
                        throw new IllegalArgumentException("number " + e.getKey() + " is declared twice");
                for (var e : p.perScheme().entrySet())
                    if (s.put(e.getKey(), e.getValue()) != null || g.containsKey(e.getKey()))
                        throw new IllegalArgumentException("number " + e.getKey() + " is declared twice");
            }
            return new Names(g, s);
        }

        public boolean declares(String name) {
            return global.containsKey(name) || perScheme.containsKey(name);
        }
    }

    /** Every placeholder in {@code text}; an unknown name or scheme is an {@link IllegalArgumentException}. */
    public static List<Ref> in(String text, Names names) {
        List<Ref> refs = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.replace("{{}", ""));
        while (m.find()) refs.add(parse(m.group(1), names));
        return refs;
    }

    /** One placeholder's token ("run.epoch0:lecun"), checked against {@code names}. */
    public static Ref parse(String token, Names names) {
        int colon = token.indexOf(':');
        String name = colon < 0 ? token : token.substring(0, colon);
        if (colon < 0) {
            if (names.global().containsKey(name)) return new Ref(name, null);
            if (names.perScheme().containsKey(name))
                throw new IllegalArgumentException("placeholder {" + name + "} needs a scheme: {" + name + ":lecun}");
            throw new IllegalArgumentException("unknown placeholder {" + token + "}");
        }
        if (!names.perScheme().containsKey(name))
            throw new IllegalArgumentException("unknown placeholder {" + token + "}");
        String scheme = token.substring(colon + 1);
        if (!InitCatalog.ids().contains(scheme))
            throw new IllegalArgumentException("placeholder {" + token + "}: unknown scheme '" + scheme + "'");
        return new Ref(name, scheme);
    }

    /** {@code text} with each placeholder replaced by {@code value.apply(ref)}. */
    public static String fill(String text, Names names, Function<Ref, String> value) {
        StringBuilder out = new StringBuilder();
        String t = text.replace("{{}", "\u0000");
        Matcher m = TOKEN.matcher(t);
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(value.apply(parse(m.group(1), names))));
        m.appendTail(out);
        return out.toString().replace('\u0000', '{');
    }
}
