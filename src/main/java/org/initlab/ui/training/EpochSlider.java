package org.initlab.ui.training;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Slider;

/**
 * The "epochs trained" slider of the views that show one hidden-layer snapshot per epoch: a tick per
 * epoch, following the newest snapshot until the user takes hold of it; a new run lets it follow again.
 * {@code redraw} runs on every change that alters what the view shows (one per new epoch, not per point).
 */
public final class EpochSlider extends Slider {
    private boolean pinned;

    public EpochSlider(String id, LabViewModel lab, Runnable redraw) {
        super(0, 1, 0);
        setId(id);
        setMajorTickUnit(1);
        setMinorTickCount(0);
        setSnapToTicks(true);
        setShowTickLabels(true);
        setOnMousePressed(e -> pinned = true);
        valueProperty().addListener((o, a, b) -> redraw.run());
        lab.results().rows().addListener((ListChangeListener<RunRow>) c -> {
            pinned = false;
            redraw.run();
        });
        lab.results().snapshotsProperty().addListener((o, a, b) -> {
            follow(lab);
            redraw.run();
        });
        follow(lab); // a view opened after a run starts at its newest epoch too
    }

    private void follow(LabViewModel lab) {
        int newest = lab.results().epochsSeenProperty().get() - 1;
        setMax(Math.max(1, newest));
        if (!pinned) setValue(Math.max(0, newest));
    }
}
