package org.initlab.lessons;

import java.io.IOException;
import org.initlab.format.Message;

/**
 * A lesson file that cannot be used; the message names the file, the step and the problem. It carries its message
 * as data ({@link #wording()}), which the window translates; {@link #getMessage()} is the English the command line
 * prints.
 */
public final class LessonFormatException extends IOException implements Message.Carrier {
    private static final long serialVersionUID = 1L;
    private final transient Message wording;

    public LessonFormatException(String message) {
        this(Message.plain(message));
    }

    public LessonFormatException(Message wording) {
        super(wording.english());
        this.wording = wording;
    }

    @Override
    public Message wording() {
        return wording;
    }
}
