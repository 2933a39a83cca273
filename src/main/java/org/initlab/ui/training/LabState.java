package org.initlab.ui.training;

/** Where the lab is: what the Run / Pause / Cancel / Reset buttons may do. */
public enum LabState {
    /** ND4J and the dataset are loading in the background. */
    LOADING,
    READY,
    RUNNING,
    PAUSED,
    /** Cancel was asked; runs stop within one mini-batch. */
    CANCELLING,
    FINISHED,
    CANCELLED,
    /** Loading failed: the message says why. */
    FAILED;

    public boolean isBusy() {
        return this == RUNNING || this == PAUSED || this == CANCELLING;
    }
}
