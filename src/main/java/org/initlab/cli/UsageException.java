package org.initlab.cli;

/** A bad command-line argument: printed as one line on standard error, exit code 2, no stack trace. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
