package org.initlab.train;

/**
 * Cancel and pause for running training, checked once per mini-batch, so a cancel takes effect within
 * one step. Shared by all runs of a comparison; thread-safe.
 */
public final class RunControl {
    private volatile boolean cancelled;
    private volatile boolean paused;

    public void cancel() {
        cancelled = true;
        synchronized (this) {
            notifyAll();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** Blocks while paused; returns false when the run must stop. */
    public boolean checkpoint() {
        if (cancelled) return false;
        if (!paused) return true;
        synchronized (this) {
            while (paused && !cancelled) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                }
            }
        }
        if (Thread.currentThread().isInterrupted()) cancelled = true;
        return !cancelled;
    }
}
