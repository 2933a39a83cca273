package org.initlab.ui.depth;

import java.util.List;
import java.util.function.DoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.initlab.format.TickStep;
import org.initlab.ui.chart.PlotLine;
import org.initlab.ui.chart.PlotPoint;

// Exists so the Depth tab's panels share one way to draw a framed plot on a canvas.
/**
 * A resizable canvas with a plot frame: axes with 1-2-5 ticks, and helpers to draw {@link PlotLine}s as
 * lines or as points with their band. The Depth tab's charts are drawn on these (they redraw as a whole
 * on each result, which a canvas does in one pass). FX thread only.
 */
class PlotCanvas extends Region {
    static final double LEFT = 72, RIGHT = 14, TOP = 26, BOTTOM = 40;
    final Canvas canvas = new Canvas();
    private final Runnable draw;
    double x0, x1, y0, y1;

    PlotCanvas(Runnable draw) {
        this.draw = draw;
        getChildren().add(canvas);
        setMinSize(220, 180);
        setPrefSize(460, 300);
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    void redraw() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (getWidth() > LEFT + RIGHT + 10 && getHeight() > TOP + BOTTOM + 10) draw.run();
    }

    GraphicsContext g() { return canvas.getGraphicsContext2D(); }
    double plotW() { return getWidth() - LEFT - RIGHT; }
    double plotH() { return getHeight() - TOP - BOTTOM; }
    double px(double x) { return LEFT + (x - x0) / (x1 - x0) * plotW(); }
    double py(double y) { return TOP + (1 - (y - y0) / (y1 - y0)) * plotH(); }
    double dataX(double px) { return x0 + (px - LEFT) / plotW() * (x1 - x0); }
    double dataY(double py) { return y0 + (1 - (py - TOP) / plotH()) * (y1 - y0); }

    /** Sets the data ranges and draws the frame, the ticks, the title and the axis labels. */
    void frame(double xa, double xb, double ya, double yb, String title, String xLabel, String yLabel, DoubleFunction<String> yTick) {
        x0 = xa; x1 = xb > xa ? xb : xa + 1; y0 = ya; y1 = yb > ya ? yb : ya + 1;
        GraphicsContext g = g();
        g.setFont(Font.font(11));
        g.setStroke(Color.gray(0.88));
        g.setLineWidth(1);
        g.setFill(Color.gray(0.25));
        double xs = TickStep.atLeast((x1 - x0) / 8), ys = TickStep.atLeast((y1 - y0) / 6);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t = Math.ceil(x0 / xs) * xs; t <= x1 + 1e-9 * xs; t += xs) {
            g.strokeLine(px(t), TOP, px(t), TOP + plotH());
            g.fillText(trim(t), px(t), TOP + plotH() + 4);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t = Math.ceil(y0 / ys) * ys; t <= y1 + 1e-9 * ys; t += ys) {
            g.strokeLine(LEFT, py(t), LEFT + plotW(), py(t));
            g.fillText(yTick == null ? trim(t) : yTick.apply(t), LEFT - 5, py(t));
        }
        g.setStroke(Color.gray(0.45));
        g.strokeRect(LEFT, TOP, plotW(), plotH());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 12));
        g.fillText(title, LEFT + plotW() / 2, TOP - 6);
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(xLabel, LEFT + plotW() / 2, getHeight() - 2);
        g.save();
        g.translate(12, TOP + plotH() / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(yLabel, 0, 0);
        g.restore();
    }

    static String trim(double t) {
        if (Math.abs(t) < 1e-12) return "0";
        String s = String.format(java.util.Locale.ROOT, "%.4g", t);
        return s.contains(".") && !s.contains("e") ? s.replaceFirst("\\.?0+$", "") : s;
    }

    void clipToPlot() {
        g().save();
        g().beginPath();
        g().rect(LEFT, TOP, plotW(), plotH());
        g().clip();
    }

    void unclip() {
        g().restore();
    }

    void line(List<PlotPoint> pts, Color c, double width) {
        GraphicsContext g = g();
        g.setStroke(c);
        g.setLineWidth(width);
        g.beginPath();
        boolean first = true;
        for (PlotPoint p : pts) {
            if (!Double.isFinite(p.y())) { first = true; continue; }
            if (first) g.moveTo(px(p.x()), py(p.y())); else g.lineTo(px(p.x()), py(p.y()));
            first = false;
        }
        g.stroke();
    }

    void band(List<double[]> band, Color c) {
        if (band.size() < 2) return;
        GraphicsContext g = g();
        g.setFill(Color.color(c.getRed(), c.getGreen(), c.getBlue(), 0.22));
        double[] xs = new double[band.size() * 2], ys = new double[band.size() * 2];
        for (int i = 0; i < band.size(); i++) {
            xs[i] = px(band.get(i)[0]);
            ys[i] = py(band.get(i)[2]);
            xs[xs.length - 1 - i] = px(band.get(i)[0]);
            ys[ys.length - 1 - i] = py(band.get(i)[1]);
        }
        g.fillPolygon(xs, ys, xs.length);
    }

    void points(List<PlotPoint> pts, Color c) {
        GraphicsContext g = g();
        g.setFill(c);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1);
        double r = pts.size() > 60 ? 2.5 : 4;
        for (PlotPoint p : pts) {
            if (!Double.isFinite(p.y())) continue;
            g.fillOval(px(p.x()) - r, py(p.y()) - r, 2 * r, 2 * r);
            g.strokeOval(px(p.x()) - r, py(p.y()) - r, 2 * r, 2 * r);
        }
    }

    /** A legend in the plot's top-right (or bottom-right) corner: colour swatches and names. */
    void legend(List<String> names, List<Color> colors, boolean top) {
        GraphicsContext g = g();
        g.setFont(Font.font(11));
        double w = 0;
        for (String n : names) w = Math.max(w, n.length() * 6.2);
        double x = LEFT + plotW() - w - 30, y = top ? TOP + 6 : TOP + plotH() - names.size() * 16 - 8;
        g.setFill(Color.color(1, 1, 1, 0.85));
        g.fillRect(x - 4, y - 2, w + 30, names.size() * 16 + 4);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < names.size(); i++) {
            g.setFill(colors.get(i));
            g.fillRect(x, y + i * 16 + 4, 16, 8);
            g.setFill(Color.gray(0.2));
            g.fillText(names.get(i), x + 22, y + i * 16 + 8);
        }
    }
}
