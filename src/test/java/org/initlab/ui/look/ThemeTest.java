package org.initlab.ui.look;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Light → dark → light: the stylesheets, the root's class, the series colours and the remembered choice follow. */
@ExtendWith(ApplicationExtension.class)
class ThemeTest {
    @TempDir
    Path home;

    private String oldHome;
    private Scene scene;
    private LineChart<Number, Number> chart;

    @Start
    void start(Stage stage) {
        chart = new LineChart<>(new NumberAxis(), new NumberAxis());
        chart.setAnimated(false);
        for (int s = 0; s < 2; s++) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.getData().addAll(new XYChart.Data<>(0, s), new XYChart.Data<>(1, s + 1));
            chart.getData().add(series);
        }
        scene = new Scene(new StackPane(chart), 400, 300);
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void redirectHome() {
        oldHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void restore(FxRobot robot) {
        // The other window tests run on JavaFX's own Modena, as before.
        robot.interact(() -> Application.setUserAgentStylesheet(null));
        System.setProperty("user.home", oldHome);
    }

    private Color stroke(int series) {
        javafx.scene.Node line = chart.lookup(".series" + series + ".chart-series-line");
        return (Color) ((javafx.scene.shape.Path) line).getStroke();
    }

    @Test
    void theSwitchRoundTripsAndIsRemembered(FxRobot robot) {
        assertEquals(Theme.LIGHT, Theme.remembered(), "light by default, for projectors");
        robot.interact(() -> Theme.apply(Theme.LIGHT, scene));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"), Application.getUserAgentStylesheet());
        assertTrue(scene.getStylesheets().contains(Theme.LOOK_CSS));
        assertFalse(scene.getRoot().getStyleClass().contains(Theme.DARK_CLASS));
        assertEquals(Color.web("#0072B2"), stroke(0), "Okabe-Ito blue first");
        assertEquals(Color.web("#D55E00"), stroke(1), "then vermillion");
        assertFalse(
                ((javafx.scene.shape.Path) chart.lookup(".series1.chart-series-line"))
                        .getStrokeDashArray()
                        .isEmpty(),
                "the second series is dashed");

        robot.interact(() -> {
            Theme.apply(Theme.DARK, scene);
            Theme.remember(Theme.DARK);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"), Application.getUserAgentStylesheet());
        assertTrue(scene.getRoot().getStyleClass().contains(Theme.DARK_CLASS));
        assertEquals(Color.web("#56B4E9"), stroke(0), "lifted for a dark background");
        assertEquals(Theme.DARK, Theme.remembered());
        assertTrue(Files.isRegularFile(home.resolve(".initlab/theme")));

        robot.interact(() -> {
            Theme.apply(Theme.LIGHT, scene);
            Theme.remember(Theme.LIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"));
        assertFalse(scene.getRoot().getStyleClass().contains(Theme.DARK_CLASS));
        assertEquals(Color.web("#0072B2"), stroke(0));
        assertEquals(Theme.LIGHT, Theme.remembered());
    }

    @Test
    void aBadOrMissingPreferenceMeansLight() throws Exception {
        assertEquals(Theme.LIGHT, Theme.remembered());
        Files.createDirectories(home.resolve(".initlab"));
        Files.writeString(home.resolve(".initlab/theme"), "purple\n");
        assertEquals(Theme.LIGHT, Theme.remembered());
        assertEquals(Theme.DARK, Theme.byId(" Dark\n"));
    }
}
