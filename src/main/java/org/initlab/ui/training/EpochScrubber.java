package org.initlab.ui.training;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LessonTarget;

/**
 * The window's one epoch scrubber: every view that depends on a run shows the snapshot it points at
 * ({@link RunResults#cursorProperty()}). It follows the newest epoch until the user takes it; Play steps
 * through the epochs from initialization, one every 0.7 s.
 */
public final class EpochScrubber extends HBox {
    private final RunResults results;
    private final Slider slider = new Slider(0, 1, 0);
    private final Label where = new Label();
    private final Button play = new Button();
    private final Timeline stepper = new Timeline(new KeyFrame(Duration.millis(700), e -> step()));
    private boolean updating;

    public EpochScrubber(RunResults results) {
        this.results = results;
        setId("epochScrubber");
        LessonTarget.mark(this, LessonTarget.EVERY_TAB, "epochScrubber");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 6, 2, 6));
        slider.setId("epochSlider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setShowTickLabels(true);
        play.setId("playEpochs");
        play.setText(I18n.t("scrub.play"));
        play.setOnAction(e -> togglePlay());
        stepper.setCycleCount(Timeline.INDEFINITE);
        HBox.setHgrow(slider, Priority.ALWAYS);
        getChildren().addAll(new Label(I18n.t("sat.epochsTrained")), play, slider, where);
        // The user's choice becomes the cursor (the newest snapshot means "follow").
        slider.valueProperty().addListener((o, a, b) -> {
            if (updating) return;
            int s = (int) Math.round(b.doubleValue());
            results.cursorProperty()
                    .set(
                            s >= newest() && !stepper.getStatus().equals(javafx.animation.Animation.Status.RUNNING)
                                    ? -1
                                    : s);
        });
        results.epochsSeenProperty().addListener((o, a, b) -> show());
        results.viewedSnapshotProperty().addListener((o, a, b) -> show());
        show();
    }

    /** The slider, for tests and for lessons that point at it. */
    public Slider slider() {
        return slider;
    }

    private int newest() {
        return Math.max(0, results.epochsSeenProperty().get() - 1);
    }

    private void show() {
        updating = true;
        slider.setMax(Math.max(1, newest()));
        slider.setValue(results.viewedSnapshotProperty().get());
        updating = false;
        int s = results.viewedSnapshotProperty().get();
        // The slider counts epochs trained (the charts' x); the lab names epochs from 0, so 30 trained is "after epoch
        // 29".
        where.setText(
                s == 0
                        ? I18n.t("sat.initialization")
                        : I18n.f("scrub.trained", Integer.toString(s), Integer.toString(s - 1)));
    }

    private void togglePlay() {
        if (stepper.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            stepper.stop();
            play.setText(I18n.t("scrub.play"));
            return;
        }
        if (newest() == 0) return;
        results.cursorProperty().set(0);
        play.setText(I18n.t("scrub.pause"));
        stepper.playFromStart();
    }

    private void step() {
        int next = results.viewedSnapshotProperty().get() + 1;
        if (next > newest()) {
            stepper.stop();
            play.setText(I18n.t("scrub.play"));
            results.cursorProperty().set(-1);
            return;
        }
        results.cursorProperty().set(next);
    }
}
