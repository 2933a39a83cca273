package org.initlab.data;

import java.io.IOException;
import java.nio.file.Path;

/** A data file that cannot be used as it is; the message names the file and the problem. */
public final class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public IdxFormatException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
    }

    public IdxFormatException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
    }
}
