package org.initlab.data;

import java.io.IOException;
import java.nio.file.Path;
import org.initlab.format.Message;

/**
 * A data file that cannot be used as it is; the message names the file and the problem. It carries the message as
 * data ({@link #wording()}) for the window to translate.
 */
public final class IdxFormatException extends IOException implements Message.Carrier {
    private static final long serialVersionUID = 1L;
    private final transient Message wording;

    public IdxFormatException(Path file, String problem) {
        this(file, Message.plain(problem), null);
    }

    public IdxFormatException(Path file, String problem, Throwable cause) {
        this(file, Message.plain(problem), cause);
    }

    public IdxFormatException(Path file, Message problem) {
        this(file, problem, null);
    }

    public IdxFormatException(Path file, Message problem, Throwable cause) {
        this(Message.of("file.named", "{0}: {1}", String.valueOf(file.getFileName()), problem), cause);
    }

    private IdxFormatException(Message wording, Throwable cause) {
        super(wording.english(), cause);
        this.wording = wording;
    }

    @Override
    public Message wording() {
        return wording;
    }
}
