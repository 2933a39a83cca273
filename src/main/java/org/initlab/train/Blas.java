package org.initlab.train;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.initlab.platform.Nd4jRuntime;

/**
 * OpenBLAS's single-precision matrix product, called directly through JavaCPP on off-heap matrices. The
 * library is the one ND4J already loads; {@link Nd4jRuntime} sets it to one thread per call (this engine
 * splits a product into parts itself, {@link Team}). Off-heap memory, because JavaCPP copies a Java
 * {@code float[]} argument in and out on every call.
 */
final class Blas {
    private Blas() {}

    /** Loads the library (once; ND4J's native code with it) before the first product. */
    static void ensureLoaded() {
        Nd4jRuntime.ensureLoaded();
        org.bytedeco.javacpp.Loader.load(openblas_nolapack.class);
    }

    /**
     * C ← α·op(A)·op(B) + β·C, row-major: C is m × n, op(A) m × k, op(B) k × n; {@code transA}/{@code transB}
     * say that A (B) is stored k × m (n × k). Each matrix starts {@code aOff}, {@code bOff}, {@code cOff}
     * floats into its pointer, with leading dimensions (row strides) {@code lda}, {@code ldb}, {@code ldc}.
     */
    static void gemm(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            float alpha,
            FloatPointer a,
            long aOff,
            int lda,
            FloatPointer b,
            long bOff,
            int ldb,
            float beta,
            FloatPointer c,
            long cOff,
            int ldc) {
        openblas_nolapack.cblas_sgemm(
                openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m,
                n,
                k,
                alpha,
                at(a, aOff),
                lda,
                at(b, bOff),
                ldb,
                beta,
                at(c, cOff),
                ldc);
    }

    /** A view of {@code p} starting {@code off} floats in (it owns nothing; {@code p} must stay reachable). */
    private static FloatPointer at(FloatPointer p, long off) {
        return off == 0 ? p : new FloatPointer(p).position(p.position() + off);
    }

    /** {@code n} floats off the heap, all 0. */
    static FloatPointer allocate(long n) {
        FloatPointer p = new FloatPointer(n);
        if (p.isNull()) throw new OutOfMemoryError("could not allocate " + n * 4 + " bytes off the heap");
        p.zero();
        return p;
    }
}
