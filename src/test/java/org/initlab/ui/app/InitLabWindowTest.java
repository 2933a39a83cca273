package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.initlab.core.Activation;
import org.initlab.train.RunControl;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.TrainingListener;
import org.initlab.ui.chart.ChartExport;
import org.initlab.ui.chart.GrowingChartAxes;
import org.initlab.ui.theory.ZViewModel;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.LabViewModel;
import org.initlab.ui.training.RowText;
import org.initlab.ui.training.RunRow;
import org.initlab.ui.training.SidePanel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless on Monocle: runs, cancels, refuses bad input, and the z view follows n_in. */
@ExtendWith(ApplicationExtension.class)
class InitLabWindowTest {
    private TestWindow window;
    private LabViewModel lab;
    private ZViewModel theory;

    @Start
    void start(Stage stage) {
        window = TestWindow.showWithData(stage);
        lab = window.lab();
        theory = window.theory();
    }

    @BeforeEach
    void waitForData() throws Exception {
        window.awaitData(60);
    }

    private void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(() -> field.setText(text));
    }

    private void waitForState(LabState state, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(
                seconds, TimeUnit.SECONDS, () -> lab.stateProperty().get() == state);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types a short run's epochs and mini-batches per epoch, presses Run and waits for the end. */
    private void runToTheEnd(FxRobot robot, String epochs, String batches, int seconds) throws Exception {
        type(robot, "#epochsField", epochs);
        type(robot, "#batchesField", batches);
        robot.clickOn("#runButton");
        waitForState(LabState.FINISHED, seconds);
    }

    @Test
    void smallRunDrawsEverySchemeAndMatchesTheCore(FxRobot robot) throws Exception {
        type(robot, "#seedField", "9");
        runToTheEnd(robot, "2", "300", 120);
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#accuracyChart").queryAs(LineChart.class);
        assertEquals(2, chart.getData().size(), "one series per scheme");
        chart.getData()
                .forEach(s -> assertEquals(
                        9 + 2, s.getData().size(), s.getName() + ": 9 probes in epoch 0 and 2 epoch points"));
        // A fixed frame: x spans the planned 2 epochs; y starts at 50 (the empty chart's floor), or lower: at
        // the multiple of 10 just under the lowest point.
        javafx.scene.chart.NumberAxis epochAxis = (javafx.scene.chart.NumberAxis) chart.getXAxis();
        javafx.scene.chart.NumberAxis percentAxis = (javafx.scene.chart.NumberAxis) chart.getYAxis();
        assertEquals(2.0, epochAxis.getUpperBound());
        double lowest = chart.getData().stream()
                .flatMap(s -> s.getData().stream())
                .mapToDouble(d -> d.getYValue().doubleValue())
                .min()
                .orElseThrow();
        assertEquals(
                Math.min(GrowingChartAxes.EMPTY_FLOOR, Math.floor(lowest / 10) * 10),
                percentAxis.getLowerBound(),
                "lowest point " + lowest);
        assertEquals(100.0, percentAxis.getUpperBound());
        List<RunResult> core =
                lab.currentComparison().run(lab.datasetProperty().get(), TrainingListener.NONE, new RunControl());
        for (int i = 0; i < 2; i++) {
            RunRow row = lab.results().rows().get(i);
            assertEquals("best: " + core.get(i).bestCorrect() + " / 10000", RowText.best(row.summary()));
            assertEquals(
                    String.format(
                            Locale.ROOT, "%.2f%%", core.get(i).epochs().get(0).accuracyPercent()),
                    RowText.epoch0(row.summary()));
        }
        assertFalse(robot.lookup("#runButton").queryAs(Button.class).isDisabled());

        // Each series is drawn as one line per segment, ending on its points (a new point repaints one segment).
        for (XYChart.Series<Number, Number> series : chart.getData()) {
            String colour = series.getNode().getStyleClass().stream()
                    .filter(c -> c.startsWith("default-color"))
                    .findFirst()
                    .orElseThrow();
            List<javafx.scene.shape.Line> segments = chart.lookupAll("." + colour).stream()
                    .filter(n -> n instanceof javafx.scene.shape.Line)
                    .map(n -> (javafx.scene.shape.Line) n)
                    .toList();
            assertEquals(series.getData().size() - 1, segments.size(), series.getName());
            XYChart.Data<Number, Number> end =
                    series.getData().get(series.getData().size() - 1);
            assertTrue(
                    segments.stream()
                            .anyMatch(l -> Math.abs(l.getEndX() - epochAxis.getDisplayPosition(end.getXValue())) < 1e-9
                                    && Math.abs(l.getEndY() - percentAxis.getDisplayPosition(end.getYValue())) < 1e-9),
                    "a segment ends on the last point");
        }

        // Hovering a point tells its exact value (one tooltip shared by all points, its text taken from the point).
        XYChart.Data<Number, Number> last = chart.getData().get(1).getData().get(10);
        robot.moveTo(last.getNode());
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.listWindows().stream()
                        .anyMatch(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing()));
        javafx.scene.control.Tooltip shown = (javafx.scene.control.Tooltip) robot.listWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing())
                .findFirst()
                .orElseThrow();
        assertEquals(last.getExtraValue().toString(), shown.getText());
        assertTrue(shown.getText().contains("Epoch 1: "), shown.getText());
        robot.moveTo("#runButton");

        // The chart exports as a PNG at twice its size, with real content (not one flat colour).
        java.nio.file.Path png = java.nio.file.Files.createTempFile("accuracy", ".png");
        robot.interact(() -> {
            try {
                ChartExport.writePng(chart, png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(Math.round(chart.getWidth() * 2), image.getWidth(), 1.0);
        assertEquals(Math.round(chart.getHeight() * 2), image.getHeight(), 1.0);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7)
            for (int y = 0; y < image.getHeight(); y += 7) colours.add(image.getRGB(x, y));
        assertTrue(colours.size() > 20, "a drawn chart, not a blank image: " + colours.size() + " colours");
        java.nio.file.Files.delete(png);

        java.nio.file.Path csv = java.nio.file.Files.createTempFile("runs", ".csv");
        lab.exportCsv(csv);
        assertEquals(1 + 2 * 2, java.nio.file.Files.readAllLines(csv).size(), "header + 2 schemes × 2 epochs");
        java.nio.file.Files.delete(csv);
    }

    @Test
    void settingsGreyOutOnePulseAfterRunAndComeBackAtOnce(FxRobot robot) {
        javafx.beans.property.BooleanProperty busy = new javafx.beans.property.SimpleBooleanProperty(false);
        javafx.beans.value.ObservableBooleanValue locked = SidePanel.lockedOnePulseLater(busy);
        boolean[] sameEvent = new boolean[1];
        robot.interact(() -> {
            busy.set(true);
            sameEvent[0] = locked.get();
        });
        assertFalse(sameEvent[0], "not in Run's own pulse");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(locked.get(), "one pulse later");
        robot.interact(() -> {
            busy.set(false);
            sameEvent[0] = locked.get();
        });
        assertFalse(sameEvent[0], "unlocked at once");
        robot.interact(() -> {
            busy.set(true);
            busy.set(false); // a run that ended before the next pulse leaves nothing locked
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(locked.get());
    }

    @Test
    void cancelMidRunThenANewRunStartsCleanly(FxRobot robot) throws Exception {
        robot.clickOn("#runButton"); // the full reference run
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> lab.results().rows().size() == 2
                        && lab.results().rows().get(0).accuracy().points().size() >= 2);
        assertTrue(
                robot.lookup("#hiddenField").queryAs(TextField.class).isDisabled(),
                "settings are locked while training");
        robot.clickOn("#cancelButton");
        waitForState(LabState.CANCELLED, 30);
        lab.results()
                .rows()
                .forEach(r ->
                        assertEquals(RunStatus.CANCELLED, r.statusProperty().get()));
        assertFalse(robot.lookup("#hiddenField").queryAs(TextField.class).isDisabled());
        runToTheEnd(robot, "1", "100", 60);
        assertEquals(2, lab.results().accuracyLines().size(), "the cancelled run's series are gone");
        lab.results()
                .rows()
                .forEach(r ->
                        assertEquals(RunStatus.COMPLETED, r.statusProperty().get()));
        lab.results().rows().forEach(r -> assertEquals(10, r.accuracy().points().size()));
    }

    @Test
    void invalidInputDisablesRunAndShowsTheReason(FxRobot robot) throws Exception {
        type(robot, "#hiddenField", "thirty");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#runButton").queryAs(Button.class).isDisabled());
        String message = robot.lookup("#validationLabel").queryAs(Label.class).getText();
        assertTrue(message.contains("Hidden layer sizes: 'thirty' is not a whole number"), message);
        type(robot, "#batchField", "0");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#validationLabel")
                .queryAs(Label.class)
                .getText()
                .contains("Mini-batch size: 0 is out of range"));
        assertEquals(
                "thirty", robot.lookup("#hiddenField").queryAs(TextField.class).getText(), "nothing typed is lost");
        type(robot, "#hiddenField", "30");
        type(robot, "#batchField", "10");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#runButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void editingInputsUpdatesTheAnalyticSigma(FxRobot robot) throws Exception {
        robot.clickOn("z distribution (500 ones)");
        assertEquals(
                "22.3830", robot.lookup("#analyticStdA").queryAs(Label.class).getText(), "√501 under N(0,1)");
        assertEquals(
                "1.2247", robot.lookup("#analyticStdB").queryAs(Label.class).getText(), "√(3/2) under N(0,1/√n_in)");
        type(robot, "#zInputsField", "2000");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                "22.3830",
                robot.lookup("#analyticStdA").queryAs(Label.class).getText(),
                "N(0,1) does not depend on n_in");
        assertEquals(
                "1.1180", robot.lookup("#analyticStdB").queryAs(Label.class).getText(), "√(500/2000 + 1)");
        // The Monte-Carlo result arrives off the FX thread and lands on a pulse.
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> theory.resultBProperty().get() != null
                        && theory.resultBProperty().get().spec().inputs() == 2000
                        && theory.resultBProperty().get().complete());
        assertEquals(1.118, theory.resultBProperty().get().std(), 0.02);
    }

    @Test
    void collapsedSectionsAreBuiltWhenOpenedAndBoundToTheViewModel(FxRobot robot) {
        javafx.scene.control.TitledPane beyond =
                robot.lookup("#beyondPane").queryAs(javafx.scene.control.TitledPane.class);
        assertEquals(null, beyond.getContent(), "nothing built before the first paint");
        assertTrue(robot.lookup("#activationBox").tryQuery().isEmpty());
        robot.interact(() -> lab.form().activationProperty().set(Activation.TANH)); // changed while closed
        robot.clickOn(beyond.lookup(".title"));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Activation> activation =
                robot.lookup("#activationBox").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals(Activation.TANH, activation.getValue(), "the control shows what the view-model holds");
        robot.interact(() -> activation.setValue(Activation.RELU));
        assertEquals(Activation.RELU, lab.form().activationProperty().get(), "and edits flow back");
        robot.interact(() -> {
            beyond.setExpanded(false);
            beyond.setExpanded(true);
        });
        assertEquals(1, robot.lookup("#activationBox").queryAll().size(), "built once");
        robot.interact(() -> lab.form().activationProperty().set(Activation.SIGMOID));
    }

    @Test
    void aHiddenTheoryTabCatchesUpAndItsEpochSliderFollowsTheNewestEpochUntilTaken(FxRobot robot) throws Exception {
        robot.clickOn("σ'(z) saturation"); // built now, then hidden during the run
        robot.clickOn("Training");
        runToTheEnd(robot, "2", "200", 120);
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> live = robot.lookup("#liveZChart").queryAs(LineChart.class);
        assertEquals(0, live.getData().size(), "not drawn while hidden");
        robot.clickOn("σ'(z) saturation");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, live.getData().size(), "drawn on showing: one curve per run");
        javafx.scene.control.Slider epoch = robot.lookup("#epochSlider").queryAs(javafx.scene.control.Slider.class);
        assertEquals(2.0, epoch.getMax(), "initialization + 2 epochs");
        assertEquals(2.0, epoch.getValue(), "followed the newest epoch");

        robot.drag(epoch.lookup(".thumb")).dropBy(-epoch.getWidth(), 0); // the user takes it to initialization
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, epoch.getValue());
        robot.clickOn("Training");
        type(robot, "#epochsField", "1");
        robot.clickOn("#runButton");
        // FINISHED is also the previous run's state: wait for this run's rows (one epoch each).
        WaitForAsyncUtils.waitFor(
                120,
                TimeUnit.SECONDS,
                () -> lab.stateProperty().get() == LabState.FINISHED
                        && !lab.results().rows().isEmpty()
                        && lab.results().rows().get(0).epochs().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("σ'(z) saturation");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, epoch.getValue(), "a new run lets it follow again");

        robot.clickOn("Layers (deep nets)"); // built now, after the run
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                1.0,
                robot.lookup("#epochSlider")
                        .queryAs(javafx.scene.control.Slider.class)
                        .getValue(),
                "opens at the newest epoch");
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> z = robot.lookup("#zLayersChart").queryAs(LineChart.class);
        assertFalse(z.getData().isEmpty(), "and draws it");
    }
}
