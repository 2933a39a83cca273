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
import org.initlab.ui.look.Theme;

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
    /** Pixels the data was drawn on since the last redraw: the legend goes to the corner that covers fewest. */
    private final List<double[]> drawn = new java.util.ArrayList<>();

    PlotCanvas(Runnable draw) {
        this.draw = draw;
        getChildren().add(canvas);
        setMinSize(220, 180);
        setPrefSize(460, 300);
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
        // Drawn words and frames follow the theme: redraw when the root's theme class changes.
        javafx.collections.ListChangeListener<String> themeChanged = c -> redraw();
        sceneProperty().addListener((o, old, now) -> {
            if (old != null) old.getRoot().getStyleClass().removeListener(themeChanged);
            if (now != null) now.getRoot().getStyleClass().addListener(themeChanged);
        });
    }

    /** True on the dark theme's background (the canvas is transparent: its words must be light there). */
    boolean dark() {
        return getScene() != null && getScene().getRoot().getStyleClass().contains(Theme.DARK_CLASS);
    }

    /** The colour of words and ticks on the window's background. */
    Color ink() {
        return dark() ? Color.gray(0.86) : Color.gray(0.25);
    }

    /** The colour of a note over the plot's empty background ("waiting…"). */
    Color faint() {
        return dark() ? Color.gray(0.7) : Color.gray(0.4);
    }

    /** Records a drawn data pixel (for the legend's placement). */
    void occupy(double px, double py) {
        drawn.add(new double[] {px, py});
    }

    /** Records a filled rectangle, sampled every few pixels. */
    void occupyRect(double x, double y, double w, double h) {
        for (double i = x; i <= x + w; i += 3) for (double j = y; j <= y + h; j += 3) occupy(i, j);
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
        drawn.clear();
        if (getWidth() > LEFT + RIGHT + 10 && getHeight() > TOP + BOTTOM + 10) draw.run();
    }

    GraphicsContext g() {
        return canvas.getGraphicsContext2D();
    }

    double plotW() {
        return getWidth() - LEFT - RIGHT;
    }

    double plotH() {
        return getHeight() - TOP - BOTTOM;
    }

    double px(double x) {
        return LEFT + (x - x0) / (x1 - x0) * plotW();
    }

    double py(double y) {
        return TOP + (1 - (y - y0) / (y1 - y0)) * plotH();
    }

    double dataX(double px) {
        return x0 + (px - LEFT) / plotW() * (x1 - x0);
    }

    double dataY(double py) {
        return y0 + (1 - (py - TOP) / plotH()) * (y1 - y0);
    }

    /** Sets the data ranges and draws the frame, the ticks, the title and the axis labels. */
    void frame(
            double xa,
            double xb,
            double ya,
            double yb,
            String title,
            String xLabel,
            String yLabel,
            DoubleFunction<String> yTick) {
        x0 = xa;
        x1 = xb > xa ? xb : xa + 1;
        y0 = ya;
        y1 = yb > ya ? yb : ya + 1;
        GraphicsContext g = g();
        g.setFont(Font.font(11));
        g.setStroke(dark() ? Color.gray(0.3) : Color.gray(0.88));
        g.setLineWidth(1);
        g.setFill(ink());
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
        g.setStroke(dark() ? Color.gray(0.6) : Color.gray(0.45));
        g.strokeRect(LEFT, TOP, plotW(), plotH());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        // The title shrinks to the canvas's width rather than being cut at its edges.
        double size = 12;
        while (size > 8 && textWidth(title, Font.font(null, javafx.scene.text.FontWeight.BOLD, size)) > getWidth() - 8)
            size -= 0.5;
        Font titleFont = Font.font(null, javafx.scene.text.FontWeight.BOLD, size);
        g.setFont(titleFont);
        // Over the plot's middle, moved left as far as it needs to end inside the canvas.
        double half = textWidth(title, titleFont) / 2;
        g.fillText(title, Math.max(half + 4, Math.min(LEFT + plotW() / 2, getWidth() - half - 4)), TOP - 6);
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

    static double textWidth(String s, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
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
            if (!Double.isFinite(p.y())) {
                first = true;
                continue;
            }
            if (first) g.moveTo(px(p.x()), py(p.y()));
            else g.lineTo(px(p.x()), py(p.y()));
            first = false;
            occupy(px(p.x()), py(p.y()));
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
        for (int i = 0; i < xs.length; i++) occupy(xs[i], ys[i]);
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
            occupy(px(p.x()), py(p.y()));
            g.strokeOval(px(p.x()) - r, py(p.y()) - r, 2 * r, 2 * r);
        }
    }

    /**
     * A legend of colour swatches and names in the plot's corner that covers the fewest drawn data pixels
     * (top right, top left, bottom right, bottom left; {@code top}: try the top corners first on a tie).
     */
    void legend(List<String> names, List<Color> colors, boolean top) {
        GraphicsContext g = g();
        // The names shrink (to 8 pt) before the legend grows wider than the plot.
        Font font = Font.font(11);
        double w = 0;
        for (double size = 11; size >= 8; size -= 0.5) {
            font = Font.font(size);
            w = 0;
            for (String n : names) w = Math.max(w, textWidth(n, font));
            if (w + 30 <= plotW() - 8) break;
        }
        g.setFont(font);
        double boxW = w + 30, boxH = names.size() * 16 + 4;
        // A legend wider than the plot starts at the canvas's left edge rather than beyond it.
        double right = Math.max(2, LEFT + plotW() - boxW - 2),
                left = Math.max(2, Math.min(LEFT + 6, getWidth() - boxW - 2));
        double upper = TOP + 6, lower = TOP + plotH() - boxH - 4;
        double[][] corners = top
                ? new double[][] {{right, upper}, {left, upper}, {right, lower}, {left, lower}}
                : new double[][] {{right, lower}, {left, lower}, {right, upper}, {left, upper}};
        double x = corners[0][0] + 4, y = corners[0][1] + 2;
        long fewest = Long.MAX_VALUE;
        for (double[] c : corners) {
            long covered = drawn.stream()
                    .filter(d ->
                            d[0] >= c[0] - 2 && d[0] <= c[0] + boxW + 2 && d[1] >= c[1] - 2 && d[1] <= c[1] + boxH + 2)
                    .count();
            if (covered < fewest) {
                fewest = covered;
                x = c[0] + 4;
                y = c[1] + 2;
            }
        }
        g.setFill(dark() ? Color.color(0.12, 0.12, 0.12, 0.85) : Color.color(1, 1, 1, 0.85));
        g.fillRect(x - 4, y - 2, boxW, boxH);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < names.size(); i++) {
            g.setFill(colors.get(i));
            g.fillRect(x, y + i * 16 + 4, 16, 8);
            g.setFill(dark() ? Color.gray(0.9) : Color.gray(0.2));
            g.fillText(names.get(i), x + 22, y + i * 16 + 8);
        }
    }
}
