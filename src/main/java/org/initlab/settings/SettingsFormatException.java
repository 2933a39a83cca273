package org.initlab.settings;

import java.io.IOException;

/** A settings file that cannot be used: malformed, of an unknown schema version, or with values out of range. */
public final class SettingsFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public SettingsFormatException(String message) {
        super(message);
    }
}
