package org.initlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.format.Message;
import org.initlab.io.TextFiles;

/**
 * Loads a folder holding the four MNIST-format IDX files (plain or {@code .gz}). When the folder has a
 * {@code SHA256SUMS} manifest, every file must match it; a mismatch is an error, not a warning.
 */
public final class DatasetLoader {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    public static final String MANIFEST = "SHA256SUMS";
    private static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    private static final int CLASSES = 10;

    private DatasetLoader() {}

    /**
     * The bundled MNIST copy, or {@code -Dinitlab.data=DIR}. It is found from the application's own
     * location, not from the working directory: {@code data/mnist} (with its manifest) beside the lab's
     * classes or jar or in a folder above them — the repository's copy for {@code target/classes}, the app
     * image's {@code lib/app/data/mnist} for its jar. Only when none is found, {@code data/mnist} relative
     * to the working directory.
     */
    public static Path bundledMnist() {
        String override = System.getProperty("initlab.data");
        if (override != null) return Paths.get(override);
        Path found = BUNDLED;
        return found != null ? found : Paths.get("data", "mnist");
    }

    private static final Path BUNDLED = findFromApplication();

    private static Path findFromApplication() {
        try {
            java.security.CodeSource source =
                    DatasetLoader.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) return null;
            return findAbove(Paths.get(source.getLocation().toURI())).orElse(null);
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The first {@code data/mnist} holding a {@code SHA256SUMS} manifest in {@code start} (or its folder, for a jar) or up to four folders above. */
    public static java.util.Optional<Path> findAbove(Path start) {
        Path p = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) p = p.getParent();
        for (int up = 0; p != null && up <= 4; up++, p = p.getParent()) {
            Path candidate = p.resolve("data").resolve("mnist");
            if (Files.isRegularFile(candidate.resolve(MANIFEST))) return java.util.Optional.of(candidate);
        }
        return java.util.Optional.empty();
    }

    public static Dataset loadBundled() throws IOException {
        return load(bundledMnist());
    }

    public static Dataset load(Path dir) throws IOException {
        if (!Files.isDirectory(dir))
            throw new DatasetException(Message.of(
                    "data.notFolder", "{0}: not a folder (expected the four MNIST IDX files)", dir.toString()));
        Map<String, String> expected = readManifest(dir);
        Map<String, IdxArray> arrays = new LinkedHashMap<>();
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String name : FILES) {
            Path file = locate(dir, name);
            IdxArray array = IdxReader.read(file);
            String want = expected.get(name);
            if (want != null && !want.equalsIgnoreCase(array.sha256())) {
                throw new IdxFormatException(
                        file,
                        Message.of(
                                "data.checksum",
                                "checksum mismatch: SHA-256 {0}, manifest says {1}",
                                array.sha256(),
                                want));
            }
            arrays.put(name, array);
            checksums.put(name, array.sha256());
        }
        LabeledImages train = images(
                locate(dir, TRAIN_IMAGES),
                locate(dir, TRAIN_LABELS),
                arrays.get(TRAIN_IMAGES),
                arrays.get(TRAIN_LABELS));
        LabeledImages test = images(
                locate(dir, TEST_IMAGES), locate(dir, TEST_LABELS), arrays.get(TEST_IMAGES), arrays.get(TEST_LABELS));
        if (train.pixelsPerImage() != test.pixelsPerImage()) {
            throw new DatasetException(Message.of(
                    "data.pixels",
                    "{0}: training images have {1} pixels, test images {2}",
                    dir.toString(),
                    Integer.toString(train.pixelsPerImage()),
                    Integer.toString(test.pixelsPerImage())));
        }
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        return new Dataset(name, dir, train, test, expected.keySet().containsAll(FILES), checksums);
    }

    /** Images and their labels; a problem of the labels names the labels file. */
    private static LabeledImages images(Path file, Path labelFile, IdxArray images, IdxArray labels)
            throws IdxFormatException {
        if (images.dimensions().length != 3)
            throw new IdxFormatException(
                    file,
                    Message.of(
                            "data.imageDimensions",
                            "expected 3 dimensions (count × rows × cols), found {0}",
                            Integer.toString(images.dimensions().length)));
        if (labels.dimensions().length != 1)
            throw new IdxFormatException(
                    labelFile,
                    Message.of(
                            "data.labelDimensions",
                            "a label file has 1 dimension, this one {0}",
                            Integer.toString(labels.dimensions().length)));
        if (images.count() != labels.count()) {
            throw new IdxFormatException(
                    labelFile,
                    Message.of(
                            "data.counts",
                            "{0} labels, but {1} holds {2} images",
                            Integer.toString(labels.count()),
                            String.valueOf(file.getFileName()),
                            Integer.toString(images.count())));
        }
        byte[] data = labels.data();
        for (int i = 0; i < data.length; i++) {
            int label = Byte.toUnsignedInt(data[i]); // IDX bytes are unsigned: 0xFF is 255
            if (label >= CLASSES)
                throw new IdxFormatException(
                        labelFile,
                        Message.of(
                                "data.label",
                                "label {0} is {1}, outside 0–9",
                                Integer.toString(i),
                                Integer.toString(label)));
        }
        return new LabeledImages(images.count(), images.itemSize(), images.data(), labels.data(), CLASSES);
    }

    /** {@code name} or {@code name.gz}, whichever exists. */
    static Path locate(Path dir, String name) throws IOException {
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) return plain;
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) return gz;
        throw new DatasetException(Message.of("data.missing", "{0}: {1} (or {1}.gz) is missing", dir.toString(), name));
    }

    private static Map<String, String> readManifest(Path dir) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) return sums;
        if (Files.size(manifest) > 64 * 1024)
            throw new DatasetException(Message.of(
                    "data.manifestTooLarge", "{0}: too large to be a checksum manifest", manifest.toString()));
        String text;
        try {
            text = TextFiles.read(manifest);
        } catch (TextFiles.NotUtf8Exception e) {
            throw new DatasetException(
                    Message.of("file.named", "{0}: {1}", manifest.toString(), Message.plain(e.getMessage())));
        }
        for (String line : text.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            String[] parts = trimmed.split("\\s+\\*?", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-fA-F]{64}"))
                throw new DatasetException(
                        Message.of("data.manifestLine", "{0}: malformed line ''{1}''", manifest.toString(), trimmed));
            sums.put(parts[1].strip(), parts[0]);
        }
        return sums;
    }
}
