package org.initlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.initlab.format.TickStep;
import org.initlab.io.AtomicFiles;
import org.initlab.train.EpochResult;
import org.initlab.train.RunResult;

/**
 * The accuracy chart drawn with Java2D, without a window or JavaFX ({@code compare --png}): test accuracy
 * per run against epochs trained, a legend and labelled axes, for handouts. Works headless.
 */
public final class AccuracyChartPng {
    public static final int WIDTH = 1600;
    public static final int HEIGHT = 1000;
    private static final Color[] PALETTE = {
        new Color(0xd6, 0x27, 0x28),
        new Color(0x1f, 0x5f, 0xd6),
        new Color(0x2c, 0xa0, 0x2c),
        new Color(0xff, 0x7f, 0x0e),
        new Color(0x94, 0x67, 0xbd),
        new Color(0x8c, 0x56, 0x4b),
        new Color(0xe3, 0x77, 0xc2),
        new Color(0x7f, 0x7f, 0x7f)
    };

    private AccuracyChartPng() {}

    public static BufferedImage render(String title, List<RunResult> runs) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int left = 130, right = WIDTH - 480, top = 90, bottom = HEIGHT - 110;
        int maxEpochs = runs.stream().mapToInt(r -> r.epochs().size()).max().orElse(1);
        double lo = runs.stream()
                .flatMap(r -> r.epochs().stream())
                .mapToDouble(EpochResult::accuracyPercent)
                .min()
                .orElse(0);
        double hi = runs.stream()
                .flatMap(r -> r.epochs().stream())
                .mapToDouble(EpochResult::accuracyPercent)
                .max()
                .orElse(100);
        lo = Math.floor(lo - 0.5);
        hi = Math.min(100, Math.ceil(hi + 0.5));
        if (hi <= lo) hi = lo + 1;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
        g.setColor(Color.BLACK);
        g.drawString(title, left, 55);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
        double yStep = TickStep.nearest((hi - lo) / 8);
        for (double v = Math.ceil(lo / yStep) * yStep; v <= hi + 1e-9; v += yStep) {
            int y = y(v, lo, hi, top, bottom);
            g.setColor(new Color(0xdd, 0xdd, 0xdd));
            g.drawLine(left, y, right, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, yStep < 1 ? "%.1f" : "%.0f", v), left - 70, y + 8);
        }
        int xStep = (int) Math.max(1, TickStep.nearest(maxEpochs / 10.0));
        for (int e = 0; e <= maxEpochs; e += xStep) {
            int x = x(e, maxEpochs, left, right);
            g.setColor(new Color(0xdd, 0xdd, 0xdd));
            g.drawLine(x, top, x, bottom);
            g.setColor(Color.BLACK);
            g.drawString(Integer.toString(e), x - 8, bottom + 32);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f));
        g.drawRect(left, top, right - left, bottom - top);
        g.drawString("epochs trained", (left + right) / 2 - 80, HEIGHT - 40);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString("test accuracy (%)", -(top + bottom) / 2 - 100, 40);
        rotated.dispose();
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            Color c = PALETTE[i % PALETTE.length];
            g.setColor(c);
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            int px = -1, py = -1;
            for (EpochResult e : r.epochs()) {
                int x = x(e.epoch() + 1, maxEpochs, left, right), y = y(e.accuracyPercent(), lo, hi, top, bottom);
                if (px >= 0) g.drawLine(px, py, x, y);
                g.fillOval(x - 6, y - 6, 12, 12);
                px = x;
                py = y;
            }
            int ly = top + 20 + i * 40;
            g.fillRect(right + 30, ly - 14, 40, 8);
            g.setColor(Color.BLACK);
            g.drawString(
                    String.format(
                            Locale.ROOT,
                            "%s seed %d: best %d",
                            r.run().scheme().id(),
                            r.run().seed(),
                            r.bestCorrect()),
                    right + 85,
                    ly);
        }
        g.dispose();
        return img;
    }

    public static void write(Path file, String title, List<RunResult> runs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(render(title, runs), "png", out);
        AtomicFiles.write(file, out.toByteArray());
    }

    private static int x(double epochs, int max, int left, int right) {
        return left + (int) Math.round((right - left) * epochs / Math.max(1, max));
    }

    private static int y(double v, double lo, double hi, int top, int bottom) {
        return bottom - (int) Math.round((bottom - top) * (v - lo) / (hi - lo));
    }
}
