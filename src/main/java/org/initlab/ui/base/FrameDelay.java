package org.initlab.ui.base;

import javafx.animation.AnimationTimer;

/**
 * Runs FX-thread work a few frames later. Pressing Run changes much of the window (rows, buttons, the
 * settings greying out a pulse later): two or three heavy frames. Training started at once takes both
 * cores of a laptop while they are drawn, and those frames stretched past 50 ms; started after them it
 * costs the run ~50 ms and the window no stutter.
 */
@FunctionalInterface
public interface FrameDelay {
    /** Runs {@code work} on the FX thread once {@code frames} more pulses have begun. */
    void after(int frames, Runnable work);

    /** No delay: for view-models without a window (tests, command line). */
    FrameDelay NONE = (frames, work) -> work.run();

    /** Counts real pulses; call on the FX thread. */
    FrameDelay PULSES = (frames, work) -> new AnimationTimer() {
        private int seen;

        @Override
        public void handle(long now) {
            if (++seen < frames) return;
            stop();
            work.run();
        }
    }.start();
}
