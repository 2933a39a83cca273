package org.initlab.lessons;

import java.io.IOException;

/** A lesson file that cannot be used; the message names the file, the step and the problem. */
public final class LessonFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public LessonFormatException(String message) {
        super(message);
    }
}
