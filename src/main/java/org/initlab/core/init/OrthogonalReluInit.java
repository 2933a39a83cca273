package org.initlab.core.init;

/**
 * Orthogonal weights at He's variance for ReLU: the orthogonal scheme with gain √2, so a square layer sits at
 * σ_w² = 2, ReLU's critical point (docs/depth-theory.md). The fair orthogonal rival of He in a ReLU network:
 * at gain 1 each ReLU layer would halve the signal, and the comparison would measure the scale, not the shape.
 */
public final class OrthogonalReluInit extends OrthogonalInit {
    public OrthogonalReluInit() {
        super(Math.sqrt(2));
    }

    @Override
    public String id() {
        return "orthogonal-relu";
    }

    @Override
    public String displayName() {
        return "Orthogonal ×√2 (for ReLU)";
    }

    @Override
    public String formula() {
        return "W = √2·Q, WᵀW = 2I";
    }
}
