package org.initlab.train;

/** How a run ended. */
public enum RunStatus {
    RUNNING,
    COMPLETED,
    CANCELLED,
    /** Its parameters or its cost became NaN or infinite; it was stopped, the others went on. */
    DIVERGED,
    FAILED
}
