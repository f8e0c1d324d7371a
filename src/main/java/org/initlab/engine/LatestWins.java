package org.initlab.engine;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One daemon thread fed through a single slot: a command submitted while another still waits
 * replaces it, so a burst of changes costs one update, never a queue. Between commands the thread
 * does its own work ({@code between}), which answers how long it may then sleep. While commands come
 * faster than they are applied, starts are spaced out, so a storm costs a few updates a second, not a core.
 *
 * @param <C> the command: the whole wish, so that skipping the ones in between loses nothing
 */
final class LatestWins<C> implements AutoCloseable {
    /** How long the thread sleeps when it has nothing to do; a submit wakes it at once. */
    static final long IDLE_NANOS = 100_000_000L;

    private final AtomicReference<C> slot = new AtomicReference<>();
    private final long stormGapNanos;
    private final Consumer<C> apply;
    private final LongSupplier between;
    private final Runnable atEnd;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Starts the thread.
     *
     * @param apply   runs each command that was not replaced
     * @param between runs when no command waits; returns nanoseconds to sleep (0 or less: none)
     * @param atEnd   runs on the thread after {@link #close()}, to free what it owns
     * @param stormGapNanos while commands come in faster than they are applied, the shortest time
     *                      between the starts of two: answers closer together would not be seen
     *                      (0: apply back to back)
     */
    LatestWins(String name, Consumer<C> apply, LongSupplier between, Runnable atEnd, long stormGapNanos) {
        this.stormGapNanos = stormGapNanos;
        this.apply = apply;
        this.between = between;
        this.atEnd = atEnd;
        thread = new Thread(this::loop, name);
        thread.setPriority(Thread.MIN_PRIORITY); // the window's threads first when the cores are busy (jvm.options)
        thread.setDaemon(true);
        thread.start();
    }

    void submit(C command) {
        slot.set(command);
        LockSupport.unpark(thread);
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    private void loop() {
        long lastStart = 0;
        boolean outpaced = false; // the last command came in while the one before it was applied
        while (!closed) {
            if (outpaced) {
                long wait = lastStart + stormGapNanos - System.nanoTime();
                if (wait > 0) { // a submit wakes the thread early: it then waits on, and the slot keeps only the latest
                    LockSupport.parkNanos(this, wait);
                    continue;
                }
            }
            C c = slot.getAndSet(null);
            if (c != null) {
                lastStart = System.nanoTime();
                apply.accept(c);
                outpaced = slot.get() != null;
                continue;
            }
            outpaced = false;
            long sleep = between.getAsLong();
            if (sleep > 0) LockSupport.parkNanos(this, sleep);
        }
        atEnd.run();
    }
}
