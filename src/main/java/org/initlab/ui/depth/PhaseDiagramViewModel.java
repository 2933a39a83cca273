package org.initlab.ui.depth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.initlab.theory.meanfield.PhaseDiagram;
import org.initlab.theory.meanfield.Phi;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.I18n;

// Exists so the phase diagram's data (the background grid per activation, the schemes, the colouring) has one owner.
/**
 * The phase diagram's data: the grid of χ₁ and the depth scale over (σ_w², σ_b²) for the current activation
 * (computed in the background once per activation and cached; a newer request makes the older one stale),
 * the catalogue's schemes at the current width, and what the colours show. {@link DepthViewModel} composes it.
 */
public final class PhaseDiagramViewModel {
    /** What the phase diagram's colours show. */
    public enum Heat {
        CHI1,
        DEPTH_SCALE
    }

    private final BackgroundRunner runner;
    private final Supplier<Phi> activation;
    private final Consumer<String> onFailure;
    private final ObjectProperty<Heat> heat = new SimpleObjectProperty<>(Heat.CHI1);
    private final ObjectProperty<PhaseDiagram> diagram = new SimpleObjectProperty<>();
    private final ObjectProperty<List<PhaseDiagram.SchemePoint>> schemePoints = new SimpleObjectProperty<>(List.of());
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Runnable> pending = new AtomicReference<>();
    private final Map<Phi, PhaseDiagram> diagrams = new ConcurrentHashMap<>();

    /** {@code activation}: the current activation; {@code onFailure}: where a failed computation's message goes. */
    PhaseDiagramViewModel(BackgroundRunner runner, Supplier<Phi> activation, Consumer<String> onFailure) {
        this.runner = runner;
        this.activation = activation;
        this.onFailure = onFailure;
    }

    public ObjectProperty<Heat> heatProperty() {
        return heat;
    }

    public ObjectProperty<PhaseDiagram> diagramProperty() {
        return diagram;
    }

    public ObjectProperty<List<PhaseDiagram.SchemePoint>> schemePointsProperty() {
        return schemePoints;
    }

    /** The catalogue's schemes for square layers of this width. */
    void showSchemes(int width) {
        schemePoints.set(PhaseDiagram.schemes(width));
    }

    /** Starts the activation's phase diagram in the background, once per activation. */
    public void requestDiagram() {
        Phi phi = activation.get();
        PhaseDiagram cached = diagrams.get(phi);
        if (cached != null) {
            diagram.set(cached);
            return;
        }
        long gen = generation.incrementAndGet();
        runner.submit(
                "depth-diagram",
                () -> PhaseDiagram.compute(phi, 64, 40, 40, () -> generation.get() != gen),
                d -> {
                    if (d == null) return;
                    diagrams.put(phi, d);
                    pending.set(() -> {
                        if (activation.get() == d.phi()) diagram.set(d);
                    });
                },
                e -> onFailure.accept(I18n.f("depth.failed", I18n.explain(e))));
    }

    /** Hands a finished diagram to its property (FX thread, once per pulse). */
    void applyPendingResults() {
        Runnable run = pending.getAndSet(null);
        if (run != null) run.run();
    }

    /** Makes a running computation stale. */
    void cancel() {
        generation.incrementAndGet();
    }
}
