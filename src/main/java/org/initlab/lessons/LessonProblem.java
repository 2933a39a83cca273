package org.initlab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.initlab.format.Message;
import org.initlab.settings.LabParameters;

/**
 * A problem {@link LessonReader} found, and the wording of its refusals: where (the step and the keys down to the
 * value, as the reader builds it: "step 2: \"point\": ") and what. The English is the two side by side; the window
 * translates the steps, choices and claims of the where and the what's own words. The file's name goes before it
 * all ({@link #inFile}).
 */
final class LessonProblem extends Exception {
    private static final long serialVersionUID = 1L;
    private static final Pattern PLACE = Pattern.compile("(step|choice|claim) (\\d+)|: ");

    final transient Message wording;

    LessonProblem(Message wording) {
        super(wording.english(), null, false, false);
        this.wording = wording;
    }

    /** {@code what} at {@code where} (a where string as the reader builds it, possibly empty). */
    LessonProblem(String where, Message what) {
        this(where.isEmpty() ? what : Message.of("lesson.at", "{0}{1}", where(where), what));
    }

    /** The refusal: this problem in the file {@code source}. */
    LessonFormatException inFile(String source) {
        return inFile(source, wording);
    }

    /** A refusal of the file {@code source} for {@code what}. */
    static LessonFormatException inFile(String source, Message what) {
        return new LessonFormatException(Message.of("file.named", "{0}: {1}", source, what));
    }

    static LessonFormatException notFound(String name) {
        return new LessonFormatException(Message.of("file.notFound", "{0}: not found", name));
    }

    static LessonFormatException tooLarge(String name) {
        return new LessonFormatException(Message.of(
                "file.tooLarge",
                "{0}: larger than {1} bytes{2}",
                name,
                String.valueOf(LessonReader.MAX_BYTES),
                Message.of("lesson.notALesson", ", not a lesson")));
    }

    /**
     * A where string ("step 2: \"ask\": choice 1: ") as a message: its steps, choices, claims and colons worded,
     * the keys between them as they are. Its English is the string itself.
     */
    static Message where(String where) {
        List<Message> parts = new ArrayList<>();
        Matcher m = PLACE.matcher(where);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) parts.add(Message.plain(where.substring(at, m.start())));
            if (m.group(1) == null) parts.add(Message.of("lesson.colon", ": "));
            else if (m.group(1).equals("step")) parts.add(Message.of("lesson.step", "step {0}", m.group(2)));
            else if (m.group(1).equals("choice")) parts.add(Message.of("lesson.choice", "choice {0}", m.group(2)));
            else parts.add(Message.of("lesson.claim", "claim {0}", m.group(2)));
            at = m.end();
        }
        if (at < where.length()) parts.add(Message.plain(where.substring(at)));
        return Message.concat(parts);
    }

    /**
     * A value's problem named by its key ("\"epochs\": 0 is outside …"), worded as the window's field words it; the
     * English exactly as before.
     */
    static Message labelled(String key, org.initlab.settings.Problem p) {
        String english = "\"" + key + "\": " + p.message();
        Message m = p.wording("\"" + key + "\"", english);
        return m.english().equals(english) ? m : Message.plain(english);
    }

    /** An exception's message as data when it carries one (and its English is the same), else its English. */
    static Message wording(IllegalArgumentException e) {
        Message m = e instanceof Message.Carrier c && c.wording() != null
                ? c.wording()
                : e instanceof org.initlab.core.Limit.Refusal r ? LabParameters.refusal(r) : null;
        return m != null && m.english().equals(e.getMessage()) ? m : Message.plain(String.valueOf(e.getMessage()));
    }

    static Message expectedObject() {
        return Message.of("lesson.expectedObject", "expected an object");
    }
}
