package org.initlab.ui.app;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.FxTaskRunner;
import org.initlab.ui.lessons.LessonHost;
import org.initlab.ui.theory.ZViewModel;
import org.initlab.ui.training.LabViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real window for headless tests: the view-models on background threads, the whole scene on a test's stage. */
public record TestWindow(LabViewModel lab, ZViewModel theory) {
    /** Builds the window's scene on {@code stage} and shows it (the data is not loaded). */
    public static TestWindow show(Stage stage) {
        BackgroundRunner runner = new FxTaskRunner();
        LabViewModel lab = new LabViewModel(runner);
        ZViewModel theory = new ZViewModel(runner, lab.results().saturationThresholdProperty());
        stage.setScene(InitLabApp.createScene(lab, theory, new PulseMonitor()));
        stage.show();
        return new TestWindow(lab, theory);
    }

    /** {@link #show}, then starts loading the bundled data. */
    public static TestWindow showWithData(Stage stage) {
        TestWindow w = show(stage);
        w.lab().loadBundledData();
        return w;
    }

    /** The scene's lesson player. */
    public static LessonHost lessons(javafx.scene.Scene scene) {
        return InitLabApp.lessons(scene);
    }

    /** The scene's Sweep tab view-model. */
    public static org.initlab.ui.sweep.SweepViewModel sweep(javafx.scene.Scene scene) {
        return InitLabApp.model(scene).sweep();
    }

    /** Waits until the bundled data is in. */
    public void awaitData(int seconds) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(
                seconds, TimeUnit.SECONDS, () -> lab.datasetProperty().get() != null);
    }

    /** Sets a text field's text as typing would (on the FX thread). */
    public static void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }
}
