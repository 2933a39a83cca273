package org.initlab.settings;

import java.io.IOException;
import org.initlab.format.Message;

/**
 * A settings file that cannot be used: malformed, of an unknown schema version, or with values out of range. It
 * carries its message as data ({@link #wording()}), which the window translates; {@link #getMessage()} is the
 * English the command line prints.
 */
public final class SettingsFormatException extends IOException implements Message.Carrier {
    private static final long serialVersionUID = 1L;
    private final transient Message wording;

    public SettingsFormatException(String message) {
        this(Message.plain(message));
    }

    public SettingsFormatException(Message wording) {
        super(wording.english());
        this.wording = wording;
    }

    @Override
    public Message wording() {
        return wording;
    }
}
