package org.initlab.engine;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One daemon thread fed through a single slot: a command submitted while another still waits
 * replaces it, so a burst of changes costs one update, never a queue. Between commands the thread
 * does its own work ({@code between}), which answers how long it may then sleep.
 *
 * @param <C> the command: the whole wish, so that skipping the ones in between loses nothing
 */
final class LatestWins<C> implements AutoCloseable {
    /** How long the thread sleeps when it has nothing to do; a submit wakes it at once. */
    static final long IDLE_NANOS = 100_000_000L;

    private final AtomicReference<C> slot = new AtomicReference<>();
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
     */
    LatestWins(String name, Consumer<C> apply, LongSupplier between, Runnable atEnd) {
        this.apply = apply;
        this.between = between;
        this.atEnd = atEnd;
        thread = new Thread(this::loop, name);
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
        while (!closed) {
            C c = slot.getAndSet(null);
            if (c != null) {
                apply.accept(c);
                continue;
            }
            long sleep = between.getAsLong();
            if (sleep > 0) LockSupport.parkNanos(this, sleep);
        }
        atEnd.run();
    }
}
