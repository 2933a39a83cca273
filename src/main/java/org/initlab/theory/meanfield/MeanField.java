package org.initlab.theory.meanfield;

/**
 * Mean-field signal propagation through a deep fully connected network at initialization (Poole et al.
 * 2016; Schoenholz et al. 2017): weights of variance σ_w²/n_in, biases of variance σ_b², activation φ.
 *
 * <ul>
 *   <li>variance map q^{l+1} = σ_w² E[φ(√q^l u)²] + σ_b², u ~ N(0, 1); its stable fixed point q*;</li>
 *   <li>χ₁ = σ_w² E[φ'(√q* u)²], the slope of the correlation map at c = 1 and the per-layer gain of
 *       squared gradients; the gradient depth scale 1/|ln χ₁| (vanishing for χ₁ &lt; 1, exploding above);</li>
 *   <li>correlation map c^{l+1} = (σ_w² E[φ(u₁)φ(u₂)] + σ_b²)/q*, (u₁, u₂) of variance q* and correlation c;
 *       its stable fixed point c* (1 in the ordered phase, below 1 in the chaotic phase); χ_c its slope at c*
 *       and the correlation depth scale ξ_c = −1/ln χ_c.</li>
 * </ul>
 * The expectations are {@link GaussianExpectation}'s; ReLU's and linear's correlation maps use their
 * closed forms (the arc-cosine kernel, Cho and Saul 2009).
 */
public record MeanField(Phi phi, double sigmaW2, double sigmaB2) {
    /** q beyond this is taken as no finite fixed point (ReLU above σ_w² = 2, linear above 1). */
    public static final double Q_LIMIT = 1e12;

    public MeanField {
        if (phi == null) throw new IllegalArgumentException("activation missing");
        if (!(sigmaW2 >= 0) || Double.isInfinite(sigmaW2))
            throw new IllegalArgumentException("σ_w² must be a finite number ≥ 0, got " + sigmaW2);
        if (!(sigmaB2 >= 0) || Double.isInfinite(sigmaB2))
            throw new IllegalArgumentException("σ_b² must be a finite number ≥ 0, got " + sigmaB2);
    }

    /** Which side of the critical line a point is on. */
    public enum Phase {
        ORDERED("ordered"),
        CRITICAL("critical"),
        CHAOTIC("chaotic");
        private final String id;

        Phase(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** E[φ(√q u)²]. */
    public double secondMoment(double q) {
        return switch (phi) {
            case LINEAR -> q;
            case RELU -> q / 2;
            default ->
                GaussianExpectation.expect(
                        v -> {
                            double f = phi.f(v);
                            return f * f;
                        },
                        q);
        };
    }

    /** E[φ'(√q u)²]. */
    public double slopeMoment(double q) {
        return switch (phi) {
            case LINEAR -> 1;
            case RELU -> q == 0 ? 0.5 : 0.5;
            default ->
                GaussianExpectation.expect(
                        v -> {
                            double d = phi.d(v);
                            return d * d;
                        },
                        q);
        };
    }

    /** One step of the variance map. */
    public double map(double q) {
        return sigmaW2 * secondMoment(q) + sigmaB2;
    }

    /**
     * q^0 … q^depth: q^0 is the input's mean square, q^1 = σ_w² q^0 + σ_b² (the input layer is not passed
     * through φ), then q^{l+1} = map(q^l).
     */
    public double[] trajectory(double q0, int depth) {
        double[] q = new double[depth + 1];
        q[0] = q0;
        if (depth >= 1) q[1] = sigmaW2 * q0 + sigmaB2;
        for (int l = 2; l <= depth; l++) {
            q[l] = Math.min(map(q[l - 1]), Double.MAX_VALUE);
            if (q[l] == q[l - 1]
                    || Math.abs(q[l] - q[l - 1]) <= 1e-15 * q[l]) { // converged: the rest is the fixed point
                java.util.Arrays.fill(q, l + 1, depth + 1, q[l]);
                break;
            }
        }
        return q;
    }

    /**
     * The stable fixed point q* of the variance map; +∞ when q grows without bound; NaN when the map is the
     * identity and every q is a fixed point (ReLU at σ_w² = 2, linear at 1, both with σ_b² = 0: q stays at q¹).
     */
    public double qStar() {
        switch (phi) {
            case LINEAR:
                return sigmaW2 < 1
                        ? sigmaB2 / (1 - sigmaW2)
                        : (sigmaB2 == 0 && sigmaW2 == 1 ? Double.NaN : Double.POSITIVE_INFINITY);
            case RELU:
                return sigmaW2 < 2
                        ? sigmaB2 / (1 - sigmaW2 / 2)
                        : (sigmaB2 == 0 && sigmaW2 == 2 ? Double.NaN : Double.POSITIVE_INFINITY);
            default:
                break;
        }
        double hi = sigmaW2 * 1.0 + sigmaB2; // φ² ≤ 1 for tanh and sigmoid, so map(q) ≤ hi for every q
        double tiny = 1e-14;
        if (hi <= tiny) return hi;
        double gLo = map(tiny) - tiny;
        if (gLo <= 0) return 0; // σ_b² = 0 and σ_w² φ'(0)² ≤ 1 (tanh): the fixed point is 0
        double gHi = map(hi) - hi;
        if (gHi >= 0) return hi;
        return Roots.brent(q -> map(q) - q, tiny, hi, gLo, gHi, 1e-13);
    }

    /** χ₁ = σ_w² E[φ'(√q* u)²]. For ReLU and linear it does not depend on q*. */
    public double chi1() {
        return switch (phi) {
            case LINEAR -> sigmaW2;
            case RELU -> sigmaW2 / 2;
            default -> sigmaW2 * slopeMoment(qStar());
        };
    }

    /** The per-layer gain σ_w² E[φ'(√q u)²] at a given q (χ₁ at q = q*). */
    public double chiAt(double q) {
        return sigmaW2 * slopeMoment(q);
    }

    public Phase phase() {
        double chi = chi1();
        if (Math.abs(chi - 1) < 1e-9) return Phase.CRITICAL;
        return chi < 1 ? Phase.ORDERED : Phase.CHAOTIC;
    }

    /** 1/|ln χ₁|: the depth over which squared gradients shrink (χ₁ &lt; 1) or grow (χ₁ &gt; 1) by e; +∞ at χ₁ = 1. */
    public double depthScale() {
        double chi = chi1();
        if (chi == 0) return 0;
        double l = Math.abs(Math.log(chi));
        return l < 1e-12 ? Double.POSITIVE_INFINITY : 1 / l;
    }

    /** E[φ(u₁)φ(u₂)] for u of variance q and correlation c. */
    public double crossMoment(double q, double c) {
        return switch (phi) {
            case LINEAR -> q * c;
            case RELU -> q / (2 * Math.PI) * (Math.sqrt(Math.max(0, 1 - c * c)) + (Math.PI - Math.acos(clamp(c))) * c);
            default -> GaussianExpectation.expect2((a, b) -> phi.f(a) * phi.f(b), q, c);
        };
    }

    /** E[φ'(u₁)φ'(u₂)] for u of variance q and correlation c. */
    public double crossSlopeMoment(double q, double c) {
        return switch (phi) {
            case LINEAR -> 1;
            case RELU -> (Math.PI - Math.acos(clamp(c))) / (2 * Math.PI);
            default -> GaussianExpectation.expect2((a, b) -> phi.d(a) * phi.d(b), q, c);
        };
    }

    /** One step of the correlation map at the variance fixed point. */
    public double correlationMap(double c, double qStar) {
        if (qStar == 0) return 1;
        return (sigmaW2 * crossMoment(qStar, c) + sigmaB2) / qStar;
    }

    /** The fixed point c*, its slope χ_c and ξ_c = −1/ln χ_c. */
    public record Correlation(double cStar, double chiC, double depthScale) {}

    /**
     * c*: 1 in the ordered phase (χ₁ ≤ 1). In the chaotic phase c = 1 is unstable (the map's slope there is
     * χ₁ &gt; 1), and the stable fixed point below 1 is found by Brent's method between 0 (where the map is ≥ 0)
     * and 1 − δ (where it falls below the diagonal). Unbounded q (ReLU, linear past their critical σ_w²):
     * the correlation map of the normalized signal is still defined and is used with q = 1 scaled out.
     */
    public Correlation correlation() {
        double qs = qStar();
        double chi = chi1();
        if (chi <= 1 + 1e-12) return new Correlation(1, chi, scale(chi));
        double q = Double.isFinite(qs) ? qs : 1;
        double b2 = Double.isFinite(qs) ? sigmaB2 : 0; // biases vanish against an unbounded signal
        java.util.function.DoubleUnaryOperator m = c -> (q == 0 ? 1 : (sigmaW2 * crossMoment(q, c) + b2) / q) - c;
        double f0 = m.applyAsDouble(0);
        double cs;
        if (Math.abs(f0) < 1e-14) {
            cs = 0;
        } else {
            double hi = Double.NaN, fHi = Double.NaN;
            for (double delta : new double[] {1e-1, 1e-2, 1e-3, 1e-4}) {
                double f = m.applyAsDouble(1 - delta);
                if (f < -1e-12) {
                    hi = 1 - delta;
                    fHi = f;
                    break;
                }
            }
            if (Double.isNaN(hi))
                return new Correlation(1, chi, scale(chi)); // so close to critical that c* is 1 within the quadrature
            if (f0 < 0) { // the map is below the diagonal already at 0: look for the root below 0
                double lo = -1, fLo = m.applyAsDouble(-1);
                cs = fLo > 0 ? Roots.brent(m, lo, 0, fLo, f0, 1e-12) : -1;
            } else {
                cs = Roots.brent(m, 0, hi, f0, fHi, 1e-12);
            }
        }
        double chiC = sigmaW2 * crossSlopeMoment(q, cs);
        return new Correlation(cs, chiC, scale(chiC));
    }

    private static double scale(double chi) {
        if (chi <= 0) return 0;
        double l = Math.abs(Math.log(chi));
        return l < 1e-12 ? Double.POSITIVE_INFINITY : 1 / l;
    }

    private static double clamp(double c) {
        return Math.max(-1, Math.min(1, c));
    }

    /**
     * The critical σ_w² (χ₁ = 1) for this activation at σ_b²: a scan on a geometric grid of σ_w² from 0.01
     * to {@code 1000} for the first sign change of χ₁ − 1, then Brent's method. NaN when none is found.
     */
    public static double criticalSigmaW2(Phi phi, double sigmaB2) {
        switch (phi) {
            case LINEAR:
                return 1;
            case RELU:
                return 2;
            default:
                break;
        }
        java.util.function.DoubleUnaryOperator f = w -> new MeanField(phi, w, sigmaB2).chi1() - 1;
        double prev = 0.01, fPrev = f.applyAsDouble(prev);
        for (double w = prev * 1.25; w <= 1000; w *= 1.25) {
            double fw = f.applyAsDouble(w);
            if (fPrev < 0 && fw >= 0) return fw == 0 ? w : Roots.brent(f, prev, w, fPrev, fw, 1e-12);
            prev = w;
            fPrev = fw;
        }
        return Double.NaN;
    }
}
