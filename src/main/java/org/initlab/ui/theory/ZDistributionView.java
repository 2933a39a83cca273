package org.initlab.ui.theory;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.initlab.format.Numbers;
import org.initlab.format.TickStep;
import org.initlab.theory.ZStats;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LessonTarget;
import org.initlab.ui.chart.ChartSeries;
import org.initlab.ui.controls.RedrawWhenShown;

/** The 500-ones histograms of z for two schemes, each with the analytic normal over it and its numbers beside it. */
public final class ZDistributionView extends HBox {
    private final ZViewModel vm;
    private final Side a;
    private final Side b;
    private final RedrawWhenShown redraw;

    /** Called when its tab is selected: draws what changed while it was hidden. */
    public void refresh() {
        redraw.catchUp();
    }

    public ZDistributionView(ZViewModel vm) {
        this.vm = vm;
        setSpacing(8);
        setPadding(new Insets(6));
        a = new Side("A", vm.schemeAProperty(), vm.resultAProperty(), vm.analyticAProperty(), vm.derivationAProperty());
        b = new Side("B", vm.schemeBProperty(), vm.resultBProperty(), vm.analyticBProperty(), vm.derivationBProperty());
        getChildren().addAll(a.box, b.box);
        HBox.setHgrow(a.box, Priority.ALWAYS);
        HBox.setHgrow(b.box, Priority.ALWAYS);
        redraw = new RedrawWhenShown(this, () -> {
            a.redraw();
            b.redraw();
        });
        vm.resultAProperty().addListener((o, x, y) -> redraw.request());
        vm.resultBProperty().addListener((o, x, y) -> redraw.request());
        vm.sharedAxisProperty().addListener((o, x, y) -> redraw.request());
    }

    /** Half-width of the z-axis for a result: 4 σ of its own, or of the wider scheme when shared. */
    private double halfWidth(ZStats own) {
        double w = 4 * Math.max(own.analyticStd(), 1e-3);
        if (vm.sharedAxisProperty().get()) {
            for (ZStats s : new ZStats[] {
                vm.resultAProperty().get(), vm.resultBProperty().get()
            }) {
                if (s != null) w = Math.max(w, 4 * Math.max(s.analyticStd(), 1e-3));
            }
        }
        return w;
    }

    private final class Side {
        final VBox box = new VBox(6);
        final LineChart<Number, Number> chart;
        final NumberAxis x = new NumberAxis();
        final ObjectProperty<ZStats> result;
        final Label numbers = new Label();

        Side(
                String slot,
                ObjectProperty<String> scheme,
                ObjectProperty<ZStats> result,
                StringProperty analytic,
                StringProperty derivation) {
            this.result = result;
            x.setLabel("z = Σ w·x + b");
            x.setAutoRanging(false);
            NumberAxis y = new NumberAxis();
            y.setLabel(I18n.t("z.density"));
            chart = new LineChart<>(x, y);
            chart.setId("zChart" + slot);
            LessonTarget.mark(chart, "z", "zChart" + slot);
            chart.setAnimated(false);
            chart.setCreateSymbols(false);
            chart.titleProperty()
                    .bind(Bindings.createStringBinding(() -> I18n.f("z.title", slot, scheme.get()), scheme));
            Label analyticLabel = new Label();
            analyticLabel.setId("analyticStd" + slot);
            analyticLabel.textProperty().bind(analytic);
            Label derivationLabel = new Label();
            derivationLabel.setId("derivation" + slot);
            LessonTarget.mark(derivationLabel, "z", "derivation" + slot);
            derivationLabel.textProperty().bind(derivation);
            derivationLabel.setStyle("-fx-font-family: monospace;");
            derivationLabel.setWrapText(true); // a narrow window wraps the derivation instead of cutting it
            derivationLabel.setMinHeight(Region.USE_PREF_SIZE);
            numbers.setId("zNumbers" + slot);
            LessonTarget.mark(numbers, "z", "zNumbers" + slot);
            numbers.setStyle("-fx-font-family: monospace;");
            GridPane grid = new GridPane();
            grid.setHgap(8);
            grid.add(new Label(I18n.t("z.analyticSigma")), 0, 0);
            grid.add(analyticLabel, 1, 0);
            box.getChildren().addAll(chart, grid, numbers, derivationLabel);
            VBox.setVgrow(chart, Priority.ALWAYS);
        }

        void redraw() {
            ZStats s = result.get();
            if (s == null) return;
            double w = halfWidth(s);
            double tick = TickStep.nearest(2 * w / 8);
            w = Math.ceil(w / tick) * tick;
            x.setLowerBound(-w);
            x.setUpperBound(w);
            x.setTickUnit(tick);
            chart.getData()
                    .setAll(
                            ChartSeries.histogramSteps(
                                    I18n.f("z.monteCarlo", Numbers.grouped(s.sampled())), s.histogram(-w, w, 160)),
                            ChartSeries.normalCurve(
                                    I18n.f("z.analyticCurve", String.format(Locale.ROOT, "%.3f", s.analyticStd())),
                                    s.analyticStd(),
                                    -w,
                                    w,
                                    240));
            String[] rows = {I18n.t("z.mean"), I18n.t("z.std")};
            String[] heads = {I18n.t("z.empirical"), I18n.t("z.analytic")};
            // Columns as wide as their words in this language (a Chinese character takes two monospace cells):
            // the table stays narrow enough for the window's half at 1366 × 768 with the lesson panel open.
            int label = Math.max(columns(rows[0]), columns(rows[1])) + 2;
            int value = Math.max(9, Math.max(columns(heads[0]), columns(heads[1]))) + 1;
            String table = pad("", label, false) + pad(heads[0], value, true) + pad(heads[1], value, true) + "\n"
                    + pad(rows[0], label, false) + pad(String.format(Locale.ROOT, "%.4f", s.mean()), value, true)
                    + pad(String.format(Locale.ROOT, "%.4f", 0.0), value, true) + "\n"
                    + pad(rows[1], label, false) + pad(String.format(Locale.ROOT, "%.4f", s.std()), value, true)
                    + pad(String.format(Locale.ROOT, "%.4f", s.analyticStd()), value, true) + "\n";
            numbers.setText(table
                    + (s.complete()
                            ? ""
                            : I18n.f(
                                    "z.sampling",
                                    Numbers.grouped(s.sampled()),
                                    Numbers.grouped(s.spec().samples()))));
        }
    }

    /** Monospace cells a text takes: two for a CJK character, one otherwise. */
    static int columns(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
            n += script == Character.UnicodeScript.HAN || Character.isIdeographic(text.charAt(i)) ? 2 : 1;
        }
        return n;
    }

    /** The text padded with spaces to {@code width} cells, on the left ({@code right}-aligned) or the right. */
    static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - columns(text)));
        return right ? spaces + text : text + spaces;
    }
}
