package org.initlab.ui.base;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs view-model work off the FX thread. The app adapts it to {@link javafx.concurrent.Task}
 * ({@link FxTaskRunner}); tests run it synchronously ({@link #SYNCHRONOUS}), JabRef style.
 */
public interface BackgroundRunner {
    <T> void submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs the work in the calling thread and reports at once; for tests without an FX thread. */
    BackgroundRunner SYNCHRONOUS = new BackgroundRunner() {
        @Override
        public <T> void submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            T result;
            try {
                result = work.call();
            } catch (Exception | OutOfMemoryError e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    };
}
