package org.initlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A dataset the lab offers by name: where its four IDX files live and, when they may be absent, how to
 * install them. Fashion-MNIST comes from Debian's {@code dataset-fashion-mnist} package.
 */
public record DatasetChoice(String name, Path directory, String installHint) {
    public static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    public static List<DatasetChoice> builtIn() {
        return List.of(
                new DatasetChoice("MNIST (bundled)", DatasetLoader.bundledMnist(), ""),
                new DatasetChoice(
                        "Fashion-MNIST",
                        FASHION_MNIST,
                        "install it with: sudo apt install dataset-fashion-mnist (Debian / Ubuntu)"));
    }

    /** True when all four IDX files (plain or .gz) are there. */
    public boolean isAvailable() {
        for (String f : List.of(
                DatasetLoader.TRAIN_IMAGES,
                DatasetLoader.TRAIN_LABELS,
                DatasetLoader.TEST_IMAGES,
                DatasetLoader.TEST_LABELS)) {
            if (!Files.isRegularFile(directory.resolve(f)) && !Files.isRegularFile(directory.resolve(f + ".gz")))
                return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return isAvailable() || installHint.isEmpty() ? name : name + " — not installed";
    }
}
