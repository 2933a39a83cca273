package org.initlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the parts of one piece of work (a matrix product split into column blocks, an element-wise pass
 * split into rows) on the calling thread and up to {@code threads − 1} shared helper threads. Parts are
 * claimed one at a time, so whoever is free takes the next; how the work is split into parts never depends
 * on the thread count, so neither do the results. Helpers spin briefly between pieces of work (a step posts
 * hundreds a second, and waking a parked thread costs tens of µs), then park.
 */
final class Team {
    /** One part of a piece of work. */
    interface Body {
        void run(int part);
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Dense steps running now in this JVM: with as many as cores, each keeps to its own thread. */
    private static final AtomicInteger RUNNING = new AtomicInteger();

    private static final long SPIN_NANOS = 1_000_000;
    private static final ConcurrentLinkedQueue<Work> OPEN = new ConcurrentLinkedQueue<>();
    private static final List<Helper> HELPERS = new ArrayList<>();

    private Team() {}

    /** A step starts (it counts against the cores until {@link #stepEnded}). */
    static void stepStarted() {
        RUNNING.incrementAndGet();
    }

    static void stepEnded() {
        RUNNING.decrementAndGet();
    }

    /** The threads a step may use now with {@code requested} threads (0: as many as the cores other steps leave). */
    static int threads(int requested) {
        return requested > 0 ? requested : Math.max(1, CORES - RUNNING.get() + 1);
    }

    /** Runs {@code body} for parts {@code 0 .. parts-1} on at most {@code threads} threads; returns when all are done. */
    static void run(int parts, int threads, Body body) {
        if (parts <= 1 || threads <= 1) {
            for (int p = 0; p < parts; p++) body.run(p);
            return;
        }
        Work w = new Work(parts, Math.min(threads, parts) - 1, body);
        wake(w.helpers);
        OPEN.add(w);
        for (Helper h : helpers()) if (h.parked) LockSupport.unpark(h.thread);
        w.work();
        OPEN.remove(w);
        for (int spins = 0; w.done.get() < parts; spins++) {
            if (spins < 10_000) Thread.onSpinWait();
            else Thread.yield();
        }
        if (w.error != null) {
            if (w.error instanceof RuntimeException e) throw e;
            if (w.error instanceof Error e) throw e;
            throw new IllegalStateException(w.error);
        }
    }

    private static synchronized List<Helper> helpers() {
        return List.copyOf(HELPERS);
    }

    /** Makes sure {@code n} helper threads exist. */
    private static synchronized void wake(int n) {
        while (HELPERS.size() < n) {
            Helper h = new Helper();
            // Not lowered here: a Linux thread starts with its creator's nice value, so helpers made by a training
            // thread (nice 10) run at its priority, and a helper made by bench's main thread is not starved behind it.
            h.thread = new Thread(h, "initlab-dense-" + (HELPERS.size() + 1));
            h.thread.setDaemon(true);
            HELPERS.add(h);
            h.thread.start();
        }
    }

    private static final class Work {
        final int parts;
        final Body body;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        /** Helpers that may still join. */
        final AtomicInteger seats;

        final int helpers;
        volatile Throwable error;

        Work(int parts, int helpers, Body body) {
            this.parts = parts;
            this.body = body;
            this.helpers = helpers;
            this.seats = new AtomicInteger(helpers);
        }

        void work() {
            for (int p; (p = next.getAndIncrement()) < parts; ) {
                try {
                    body.run(p);
                } catch (Throwable t) {
                    error = t;
                }
                done.incrementAndGet();
            }
        }
    }

    private static final class Helper implements Runnable {
        Thread thread;
        volatile boolean parked;

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                Work w = OPEN.peek();
                if (w != null && w.next.get() < w.parts && w.seats.getAndDecrement() > 0) {
                    w.work();
                    idleSince = System.nanoTime();
                    continue;
                }
                if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                    continue;
                }
                parked = true;
                if (OPEN.isEmpty()) LockSupport.park(this);
                parked = false;
                idleSince = System.nanoTime();
            }
        }
    }
}
