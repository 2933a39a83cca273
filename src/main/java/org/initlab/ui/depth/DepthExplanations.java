package org.initlab.ui.depth;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.initlab.ui.base.I18n;

// Exists so the Depth tab's words (the summary, the correlation, the explanations) are built in one small view.
/**
 * The Depth tab's text panels: the current point's summary with the correlation fixed point and the
 * explanation beside the phase diagram, and the spectra's summary with its explanation beside the Jacobian
 * histogram. They only bind.
 */
final class DepthExplanations {
    private DepthExplanations() {}

    /** The summary, the correlation fixed point and the explanation of the phase diagram. */
    static ScrollPane summary(DepthViewModel vm) {
        Label summary = new Label();
        summary.setId("depthSummary");
        summary.setWrapText(true);
        summary.setStyle("-fx-font-weight: bold;");
        summary.textProperty().bind(vm.summaryProperty());
        Label corr = new Label();
        corr.setId("depthCorrelation");
        corr.setWrapText(true);
        corr.textProperty().bind(vm.correlationProperty());
        Label explain = new Label(I18n.t("depth.explain"));
        explain.setId("depthExplain");
        explain.setWrapText(true);
        return scroll(summary, corr, explain);
    }

    /** The spectra's summary and the explanation of the Jacobian histogram. */
    static ScrollPane jacobian(MeasurementsViewModel measurements) {
        Label s = new Label();
        s.setId("depthSpectraSummary");
        s.setWrapText(true);
        s.setStyle("-fx-font-weight: bold;");
        s.textProperty().bind(measurements.spectraSummaryProperty());
        Label explain = new Label(I18n.t("depth.explainJacobian"));
        explain.setWrapText(true);
        return scroll(s, explain);
    }

    private static ScrollPane scroll(Node... labels) {
        VBox box = new VBox(8, labels);
        box.setPadding(new Insets(4));
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return sp;
    }
}
