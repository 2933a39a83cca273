package org.initlab.format;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A message the core can put in front of a user, as data: a stable key, its arguments and the English text the
 * command line prints. The window translates the key through its bundles ({@code ui.base.I18n#explain}, the
 * Chinese in {@code ui/base/core_zh_CN.properties}); a key it has no words for shows the English. An argument is a string
 * (a file's key, a number already written) or another message (a range, one problem of several).
 *
 * @param key     the key ("file.notObject"). A key that begins with
 *                "=" is one of the window's own ("=nf.outOfRange": a setting's problem in a file is worded as
 *                the field's), looked up as it stands
 * @param pattern the English words, a {@link MessageFormat} pattern over the arguments
 * @param args    strings or messages
 */
public record Message(String key, String pattern, List<Object> args) {
    public Message {
        args = List.copyOf(args);
        for (Object a : args)
            if (!(a instanceof String) && !(a instanceof Message))
                throw new IllegalArgumentException("a message's argument is a string or a message: " + a);
    }

    /** The message {@code key} in the English words {@code pattern} (a MessageFormat pattern) over {@code args}. */
    public static Message of(String key, String pattern, Object... args) {
        return new Message(key, pattern, Arrays.asList(args));
    }

    /** Words without a key of their own (an operating system's message): every window shows them as they are. */
    public static Message plain(String text) {
        return new Message("plain", literal(String.valueOf(text)), List.of());
    }

    /** {@code text} as a MessageFormat pattern that formats to itself (quotes doubled, braces quoted). */
    public static String literal(String text) {
        return text.replace("'", "''").replace("{", "'{'").replace("}", "'}'");
    }

    /** Several messages as one, separated by "; " (every problem of a file named). */
    public static Message joined(List<Message> parts) {
        if (parts.size() == 1) return parts.get(0);
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < parts.size(); i++)
            p.append(i == 0 ? "" : "; ").append('{').append(i).append('}');
        return new Message("joined", p.toString(), List.copyOf(parts));
    }

    /**
     * Several messages as one, side by side with nothing between them (a lesson's "step 2: \"point\": " built from
     * its parts). Its key has no words of its own: every window puts the parts, each in its language, together.
     */
    public static Message concat(List<Message> parts) {
        if (parts.size() == 1) return parts.get(0);
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) p.append('{').append(i).append('}');
        return new Message("concat", p.toString(), List.copyOf(parts));
    }

    /** The English text, as the command line and the files print it. */
    public String english() {
        Object[] a =
                args.stream().map(o -> o instanceof Message m ? m.english() : o).toArray();
        return new MessageFormat(pattern, Locale.ROOT).format(a);
    }

    @Override
    public String toString() {
        return english();
    }

    /** An exception that carries its message as data (the window translates it). */
    public interface Carrier {
        Message wording();
    }
}
