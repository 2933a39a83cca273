package org.initlab.data;

/**
 * Images with their labels, as the IDX files hold them: pixels as unsigned bytes (0–255), row-major,
 * one image after another. Immutable by convention: every training run reads the same arrays.
 */
public record LabeledImages(int count, int pixelsPerImage, byte[] pixels, byte[] labels, int classes) {
    public LabeledImages {
        if ((long) count * pixelsPerImage != pixels.length)
            throw new IllegalArgumentException("pixel array does not match count");
        if (labels.length != count) throw new IllegalArgumentException("label array does not match count");
    }

    /** Pixel {@code p} of image {@code i}, scaled to [0, 1] as in the reference. */
    public float pixel(int i, int p) {
        return (pixels[i * pixelsPerImage + p] & 0xFF) / 255f;
    }

    public int label(int i) {
        return labels[i];
    }

    /** The images {@code [from, to)} as a new set sharing nothing with this one. */
    public LabeledImages slice(int from, int to) {
        if (from < 0 || to > count || from >= to)
            throw new IllegalArgumentException("bad slice " + from + ".." + to + " of " + count);
        byte[] p = java.util.Arrays.copyOfRange(pixels, from * pixelsPerImage, to * pixelsPerImage);
        byte[] l = java.util.Arrays.copyOfRange(labels, from, to);
        return new LabeledImages(to - from, pixelsPerImage, p, l, classes);
    }
}
