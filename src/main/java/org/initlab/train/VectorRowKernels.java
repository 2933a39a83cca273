package org.initlab.train;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** SIMD row kernels: one FMA per {@code lanes} floats (16 with AVX-512, a 30-unit hidden row padded to 32 is 2 ops). */
final class VectorRowKernels extends RowKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED.length() <= PAD ? FloatVector.SPECIES_PREFERRED : FloatVector.SPECIES_512;

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
            // Four independent chains (two vectors × even/odd pixels) keep both FMA units busy.
            FloatVector a0 = FloatVector.fromArray(S, out, outOff + c), a1 = FloatVector.fromArray(S, out, outOff + c + lanes);
            FloatVector b0 = FloatVector.zero(S), b1 = FloatVector.zero(S);
            int k = from;
            for (; k + 1 < to; k += 2) {
                int r = idx[k] * len + c, q = idx[k + 1] * len + c;
                FloatVector v = FloatVector.broadcast(S, val[k]), u = FloatVector.broadcast(S, val[k + 1]);
                a0 = FloatVector.fromArray(S, w, r).fma(v, a0);
                a1 = FloatVector.fromArray(S, w, r + lanes).fma(v, a1);
                b0 = FloatVector.fromArray(S, w, q).fma(u, b0);
                b1 = FloatVector.fromArray(S, w, q + lanes).fma(u, b1);
            }
            if (k < to) {
                int r = idx[k] * len + c;
                FloatVector v = FloatVector.broadcast(S, val[k]);
                a0 = FloatVector.fromArray(S, w, r).fma(v, a0);
                a1 = FloatVector.fromArray(S, w, r + lanes).fma(v, a1);
            }
            a0.add(b0).intoArray(out, outOff + c);
            a1.add(b1).intoArray(out, outOff + c + lanes);
        }
        for (; c < len; c += lanes) {
            FloatVector a0 = FloatVector.fromArray(S, out, outOff + c);
            for (int k = from; k < to; k++) a0 = FloatVector.fromArray(S, w, idx[k] * len + c).fma(FloatVector.broadcast(S, val[k]), a0);
            a0.intoArray(out, outOff + c);
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
            for (int o = 0; o < count; o++) a0 = FloatVector.fromArray(S, w, o * len + c).fma(FloatVector.broadcast(S, coef[coefOff + o]), a0);
            a0.intoArray(out, outOff + c);
        }
    }

    @Override
    float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        FloatVector acc = FloatVector.zero(S);
        for (int i = 0; i < len; i += S.length()) {
            acc = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc);
        }
        // Lanes summed in a fixed order: reduceLanes(ADD) may use another order once compiled than when
        // interpreted, which would make results depend on JIT timing.
        float sum = 0;
        for (int i = 0; i < S.length(); i++) sum += acc.lane(i);
        return sum;
    }

    @Override
    void sigmoid(float[] z, float[] a, int off, int len) {
        // Math.exp, not lanewise(EXP): the vector exp's compiled (SVML) and interpreted results differ in
        // the last bit, and same-seed runs must give identical numbers whatever the JIT has compiled.
        for (int i = off; i < off + len; i++) a[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
    }

    @Override
    String name() {
        return "vector-" + S.vectorBitSize();
    }
}
