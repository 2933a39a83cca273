package org.initlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.initlab.format.Message;

/**
 * A dataset the lab offers by name: where its four IDX files live and, when they may be absent, how to
 * install them. Fashion-MNIST comes from Debian's {@code dataset-fashion-mnist} package.
 */
public record DatasetChoice(String name, Path directory, Message install) {
    public static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    /** With the install hint in words no window translates ("" when the dataset is always there). */
    public DatasetChoice(String name, Path directory, String installHint) {
        this(name, directory, Message.plain(installHint));
    }

    /** How to install it, in English ("" when the dataset is always there). */
    public String installHint() {
        return install.english();
    }

    public static List<DatasetChoice> builtIn() {
        return List.of(
                new DatasetChoice("MNIST (bundled)", DatasetLoader.bundledMnist(), ""),
                new DatasetChoice(
                        "Fashion-MNIST",
                        FASHION_MNIST,
                        Message.of(
                                "data.installWith",
                                "install it with: {0} (Debian / Ubuntu)",
                                "sudo apt install dataset-fashion-mnist")));
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
        return isAvailable() || installHint().isEmpty() ? name : name + " — not installed";
    }
}
