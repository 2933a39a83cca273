package org.initlab.train;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** SIMD row kernels: one FMA per {@code lanes} floats (16 with AVX-512, a 30-unit hidden row padded to 32 is 2 ops). */
public final class VectorRowKernels extends RowKernels {
    private static final VectorSpecies<Float> S =
            FloatVector.SPECIES_PREFERRED.length() <= PAD ? FloatVector.SPECIES_PREFERRED : FloatVector.SPECIES_512;

    public static VectorSpecies<Float> species() {
        return S;
    }

    @Override
    void axpy(float c, float[] x, int xOff, float[] y, int yOff, int len) {
        FloatVector vc = FloatVector.broadcast(S, c);
        for (int i = 0; i < len; i += S.length()) {
            FloatVector vx = FloatVector.fromArray(S, x, xOff + i);
            FloatVector vy = FloatVector.fromArray(S, y, yOff + i);
            vx.fma(vc, vy).intoArray(y, yOff + i);
        }
    }

    @Override
    void sparseRowSum(float[] w, int[] idx, float[] val, int from, int to, float[] out, int outOff, int len) {
        int lanes = S.length();
        int c = 0;
        for (; c + 2 * lanes <= len; c += 2 * lanes) {
            // Eight independent chains (two vectors × four pixels in turn): with four, each chain waited on its
            // fused multiply-add's latency every other pixel.
            FloatVector a0 = FloatVector.fromArray(S, out, outOff + c),
                    a1 = FloatVector.fromArray(S, out, outOff + c + lanes);
            FloatVector b0 = FloatVector.zero(S),
                    b1 = FloatVector.zero(S),
                    e0 = FloatVector.zero(S),
                    e1 = FloatVector.zero(S);
            FloatVector f0 = FloatVector.zero(S), f1 = FloatVector.zero(S);
            int k = from;
            for (; k + 3 < to; k += 4) {
                int r = idx[k] + c, q = idx[k + 1] + c, s = idx[k + 2] + c, t = idx[k + 3] + c;
                FloatVector v = FloatVector.broadcast(S, val[k]), u = FloatVector.broadcast(S, val[k + 1]);
                FloatVector x = FloatVector.broadcast(S, val[k + 2]), y = FloatVector.broadcast(S, val[k + 3]);
                a0 = FloatVector.fromArray(S, w, r).fma(v, a0);
                a1 = FloatVector.fromArray(S, w, r + lanes).fma(v, a1);
                b0 = FloatVector.fromArray(S, w, q).fma(u, b0);
                b1 = FloatVector.fromArray(S, w, q + lanes).fma(u, b1);
                e0 = FloatVector.fromArray(S, w, s).fma(x, e0);
                e1 = FloatVector.fromArray(S, w, s + lanes).fma(x, e1);
                f0 = FloatVector.fromArray(S, w, t).fma(y, f0);
                f1 = FloatVector.fromArray(S, w, t + lanes).fma(y, f1);
            }
            b0 = b0.add(e0.add(f0));
            b1 = b1.add(e1.add(f1));
            for (; k < to; k++) {
                int r = idx[k] + c;
                FloatVector v = FloatVector.broadcast(S, val[k]);
                a0 = FloatVector.fromArray(S, w, r).fma(v, a0);
                a1 = FloatVector.fromArray(S, w, r + lanes).fma(v, a1);
            }
            a0.add(b0).intoArray(out, outOff + c);
            a1.add(b1).intoArray(out, outOff + c + lanes);
        }
        for (; c < len; c += lanes) {
            FloatVector a0 = FloatVector.fromArray(S, out, outOff + c);
            for (int k = from; k < to; k++)
                a0 = FloatVector.fromArray(S, w, idx[k] + c).fma(FloatVector.broadcast(S, val[k]), a0);
            a0.intoArray(out, outOff + c);
        }
    }

    /** Rows of zeros for {@link #accumulate}'s zero coefficients. */
    private static final float[] ZEROS = new float[2 * PAD];

    /**
     * A zero coefficient reads a row of zeros instead of x's (0·0 adds exactly nothing, where 0·∞ would be
     * NaN): the choice is between arrays, not vectors. With {@code if (k == 0) continue} the accumulators
     * met at a branch, and once C2 recompiled the loop after a zero (saturated outputs give δ = 0) it
     * could no longer keep them in registers: it boxed every vector, 3 GB/s of garbage and a 25% slower
     * epoch after a saturating run.
     */
    @Override
    void accumulate(
            float[] coef,
            int coefOff,
            int coefStride,
            int count,
            float[] x,
            int xOff,
            int xStride,
            float[] y,
            int yOff,
            int len) {
        int lanes = S.length();
        int c = 0;
        for (; c + 2 * lanes <= len; c += 2 * lanes) {
            FloatVector a0 = FloatVector.fromArray(S, y, yOff + c), a1 = FloatVector.fromArray(S, y, yOff + c + lanes);
            for (int e = 0; e < count; e++) {
                float k = coef[coefOff + e * coefStride];
                boolean zero = k == 0f;
                float[] src = zero ? ZEROS : x;
                int r = zero ? 0 : xOff + e * xStride + c;
                FloatVector v = FloatVector.broadcast(S, k);
                a0 = FloatVector.fromArray(S, src, r).fma(v, a0);
                a1 = FloatVector.fromArray(S, src, r + lanes).fma(v, a1);
            }
            a0.intoArray(y, yOff + c);
            a1.intoArray(y, yOff + c + lanes);
        }
        for (; c < len; c += lanes) {
            FloatVector a0 = FloatVector.fromArray(S, y, yOff + c);
            for (int e = 0; e < count; e++) {
                float k = coef[coefOff + e * coefStride];
                boolean zero = k == 0f;
                a0 = FloatVector.fromArray(S, zero ? ZEROS : x, zero ? 0 : xOff + e * xStride + c)
                        .fma(FloatVector.broadcast(S, k), a0);
            }
            a0.intoArray(y, yOff + c);
        }
    }

    @Override
    void sparseRowUpdate(
            float minusScale, float[] d, int dOff, int[] idx, float[] val, int from, int to, float[] w, int len) {
        int lanes = S.length();
        int c = 0;
        for (; c + 2 * lanes <= len; c += 2 * lanes) {
            FloatVector d0 = FloatVector.fromArray(S, d, dOff + c), d1 = FloatVector.fromArray(S, d, dOff + c + lanes);
            for (int k = from; k < to; k++) {
                FloatVector v = FloatVector.broadcast(S, minusScale * val[k]);
                int r = idx[k] + c;
                d0.fma(v, FloatVector.fromArray(S, w, r)).intoArray(w, r);
                d1.fma(v, FloatVector.fromArray(S, w, r + lanes)).intoArray(w, r + lanes);
            }
        }
        for (; c < len; c += lanes) {
            FloatVector d0 = FloatVector.fromArray(S, d, dOff + c);
            for (int k = from; k < to; k++) {
                int r = idx[k] + c;
                d0.fma(FloatVector.broadcast(S, minusScale * val[k]), FloatVector.fromArray(S, w, r))
                        .intoArray(w, r);
            }
        }
    }

    @Override
    void rowCombination(float[] coef, int coefOff, int count, float[] w, float[] out, int outOff, int len) {
        int lanes = S.length();
        int c = 0;
        for (; c + 2 * lanes <= len; c += 2 * lanes) {
            FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S);
            for (int o = 0; o < count; o++) {
                FloatVector v = FloatVector.broadcast(S, coef[coefOff + o]);
                int r = o * len + c;
                a0 = FloatVector.fromArray(S, w, r).fma(v, a0);
                a1 = FloatVector.fromArray(S, w, r + lanes).fma(v, a1);
            }
            a0.intoArray(out, outOff + c);
            a1.intoArray(out, outOff + c + lanes);
        }
        for (; c < len; c += lanes) {
            FloatVector a0 = FloatVector.zero(S);
            for (int o = 0; o < count; o++)
                a0 = FloatVector.fromArray(S, w, o * len + c).fma(FloatVector.broadcast(S, coef[coefOff + o]), a0);
            a0.intoArray(out, outOff + c);
        }
    }

    @Override
    void timesSigmoidSlope(float[] d, float[] a, int off, int len) {
        for (int i = off; i < off + len; i += S.length()) {
            FloatVector av = FloatVector.fromArray(S, a, i);
            FloatVector.fromArray(S, d, i).mul(av.mul(ONE.sub(av))).intoArray(d, i);
        }
    }

    private static final VectorSpecies<Integer> I =
            IntVector.SPECIES_512.length() == S.length() ? IntVector.SPECIES_512 : IntVector.SPECIES_256;
    private static final FloatVector TWO_23 = FloatVector.broadcast(S, 8388608f);

    @Override
    int unpack(int[] entry, int from, int to, int stride, int first, int[] idx, float[] val, int at) {
        int lanes = S.length(), k = from;
        if (I.length() == lanes) {
            for (; k + lanes <= to; k += lanes, at += lanes) {
                IntVector c = IntVector.fromArray(I, entry, k);
                c.lanewise(VectorOperators.LSHR, 8).mul(stride).add(first).intoArray(idx, at);
                // The byte as a float without a conversion (not compiled for 512-bit vectors in Java 17): the bits
                // of 2²³ + v, minus 2²³, exactly v. Then v/255 as the scalar division gives it.
                FloatVector v = c.and(0xFF).or(0x4B000000).reinterpretAsFloats().sub(TWO_23);
                v.div(255f).intoArray(val, at);
            }
        }
        for (; k < to; k++, at++) {
            int c = entry[k];
            idx[at] = first + (c >>> 8) * stride;
            val[at] = (c & 0xFF) / 255f;
        }
        return at;
    }

    @Override
    void sigmoid(float[] z, float[] a, int off, int len) {
        for (int i = off; i < off + len; i += S.length()) {
            FloatVector e = exp(FloatVector.fromArray(S, z, i).neg());
            ONE.div(e.add(ONE)).intoArray(a, i);
        }
    }

    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector MAGIC =
            FloatVector.broadcast(S, 12582912f); // 1.5·2²³: adding it rounds to an integer

    /**
     * e^x in float, Cephes' expf: x = n·ln2 + r with |r| ≤ ln2/2, e^r by a degree-6 polynomial, 2^n from
     * exponent bits; within 2 ulp. Built only from IEEE operations (add, multiply, fused multiply-add,
     * min/max, integer shifts), which give the same bits compiled or interpreted — unlike the vector API's
     * own EXP, whose compiled (SVML) and fallback results differ in the last bit.
     */
    public static FloatVector exp(FloatVector x) {
        x = x.max(-87.0f).min(88.0f);
        FloatVector t = x.mul(1.44269504088896341f).add(MAGIC); // n = round(x·log2 e), held in t's low mantissa bits
        FloatVector n = t.sub(MAGIC);
        FloatVector r = n.fma(FloatVector.broadcast(S, -0.693359375f), x);
        r = n.fma(FloatVector.broadcast(S, 2.12194440e-4f), r);
        FloatVector p = FloatVector.broadcast(S, 1.9875691500e-4f);
        p = p.fma(r, FloatVector.broadcast(S, 1.3981999507e-3f));
        p = p.fma(r, FloatVector.broadcast(S, 8.3334519073e-3f));
        p = p.fma(r, FloatVector.broadcast(S, 4.1665795894e-2f));
        p = p.fma(r, FloatVector.broadcast(S, 1.6666665459e-1f));
        p = p.fma(r, FloatVector.broadcast(S, 5.0000001201e-1f));
        FloatVector y = p.mul(r.mul(r)).add(r).add(ONE);
        // 2^n from t's bits (MAGIC's are 0x4B400000): a reinterpretation, not a float-to-int conversion, which
        // Java 17 does not compile for 512-bit vectors and runs per lane through temporary arrays (~275 MB/s).
        IntVector bits = t.reinterpretAsInts().sub(0x4B400000 - 127).lanewise(VectorOperators.LSHL, 23);
        return y.mul(bits.reinterpretAsFloats());
    }

    @Override
    String name() {
        return "vector-" + S.vectorBitSize();
    }
}
