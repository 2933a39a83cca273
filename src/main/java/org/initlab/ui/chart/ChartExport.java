package org.initlab.ui.chart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.initlab.io.AtomicFiles;

/** Charts (any node) to PNG at 2× scale, for slides and handouts; written atomically. FX thread only. */
public final class ChartExport {
    public static final double SCALE = 2.0;

    private ChartExport() {}

    public static WritableImage snapshot(Node node) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(SCALE, SCALE));
        return node.snapshot(params, null);
    }

    public static byte[] png(Node node) throws IOException {
        BufferedImage image = SwingFXUtils.fromFXImage(snapshot(node), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
        return out.toByteArray();
    }

    public static void writePng(Node node, Path file) throws IOException {
        AtomicFiles.write(file, png(node));
    }
}
