package org.initlab.data;

import java.io.IOException;
import org.initlab.format.Message;

/**
 * A dataset folder that cannot be used as a whole (not a folder, a file missing, a bad manifest); the message names
 * the folder or file. It carries the message as data ({@link #wording()}) for the window to translate.
 */
public final class DatasetException extends IOException implements Message.Carrier {
    private static final long serialVersionUID = 1L;
    private final transient Message wording;

    public DatasetException(Message wording) {
        super(wording.english());
        this.wording = wording;
    }

    @Override
    public Message wording() {
        return wording;
    }
}
