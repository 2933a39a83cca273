package org.initlab.ui.base;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.initlab.platform.BackgroundPriority;

/** Runs work as a {@link Task} on its own daemon thread; success and failure are reported on the FX thread. */
public final class FxTaskRunner implements BackgroundRunner {
    @Override
    public <T> void submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        Thread t = new Thread(BackgroundPriority.lowered(task), "initlab-" + name);
        t.setDaemon(true);
        t.start();
    }
}
