package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.LabViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on Monocle: the Sweep tab refuses a bad value, runs a tiny sweep, draws it live and opens a run in the Training tab. */
@ExtendWith(ApplicationExtension.class)
class SweepTabTest {
    private TestWindow window;
    private LabViewModel lab;

    @Start
    void start(Stage stage) {
        window = TestWindow.showWithData(stage);
        lab = window.lab();
    }

    @BeforeEach
    void waitForData() throws Exception {
        window.awaitData(60);
    }

    @Test
    void aTinySweepFillsTheCurveAndOpensARunInTheTrainingTab(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#viewTabs").queryAs(TabPane.class);
        int sweepTab = tabs.getTabs().size() - 1;
        assertEquals("Sweep", tabs.getTabs().get(sweepTab).getText());
        robot.interact(() -> tabs.getSelectionModel().select(sweepTab));
        WaitForAsyncUtils.waitForFxEvents();

        // The parameter chooser holds the command line's ids and shows each by its field's label.
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> param =
                robot.lookup("#sweepParam").queryAs(javafx.scene.control.ChoiceBox.class);
        assertEquals("weight-scale", param.getValue());
        assertEquals("Weight variance σ_w²", param.getConverter().toString("sigma-w2"));
        assertEquals("Depth (layers)", param.getConverter().toString("depth"));

        TestWindow.type(robot, "#sweepValues", "0,1");
        WaitForAsyncUtils.waitForFxEvents();
        Label problem = robot.lookup("#sweepProblem").queryAs(Label.class);
        assertEquals(
                "values: 0 is out of range; enter a number above 0 and at most 1,000,000",
                problem.getText(),
                "the window's words, not the command line's");

        TestWindow.type(robot, "#sweepValues", "0.1,1,10");
        TestWindow.type(robot, "#sweepSchemes", "lecun");
        TestWindow.type(robot, "#sweepSeeds", "1,2");
        TestWindow.type(robot, "#sweepEpochs", "1");
        TestWindow.type(robot, "#sweepBatches", "100");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", problem.getText());
        robot.clickOn("#sweepRun");
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> robot.lookup("#sweepStatus")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("done"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                "cells done: 3 / 3",
                robot.lookup("#sweepCells").queryAs(Label.class).getText());
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> curve = robot.lookup("#sweepCurve").queryAs(LineChart.class);
        assertEquals(2, curve.getData().size(), "lecun's curve and the theory's mark");
        assertEquals(3, curve.getData().get(0).getData().size(), "a point per cell");
        assertEquals(-1.0, curve.getData().get(0).getData().get(0).getXValue().doubleValue(), 1e-12, "log₁₀ 0.1");
        assertEquals(
                0.0,
                curve.getData().get(1).getData().get(0).getXValue().doubleValue(),
                1e-12,
                "lecun is the theory's σ: scale 1");
        TableView<?> runs = robot.lookup("#sweepRuns").queryAs(TableView.class);
        assertEquals(6, runs.getItems().size());

        // Double-click the first run: it opens in the Training tab.
        javafx.scene.Node firstRow =
                robot.lookup("#sweepRuns .table-row-cell").nth(0).query();
        robot.doubleClickOn(firstRow);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, tabs.getSelectionModel().getSelectedIndex());
        assertEquals(LabState.FINISHED, lab.stateProperty().get());
        assertEquals(1, lab.results().rows().size());
        assertTrue(
                lab.results().rows().get(0).name().contains("lecun*0.1"),
                lab.results().rows().get(0).name());
        // Its statistics came along: the saturation chart has the start and the epoch (1 epoch: 2 points).
        assertEquals(2, lab.results().rows().get(0).saturation().points().size(), "the opened run's saturation points");
        assertFalse(lab.busyProperty().get());
    }
}
