package org.initlab.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * The statistics' own thread: the lab's and the trainer's per-tensor passes are plain Java loops over
 * a copy of each tensor, so with a second core they run there while the compute thread goes on with
 * the pass. A step joins its tasks before its workspace closes, since they read its memory.
 */
public final class StatsThread {
    /** Null on one core, where a second thread would only take turns with the compute thread. */
    private static final ExecutorService THREAD = Runtime.getRuntime().availableProcessors() < 2 ? null
        : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "initlab-stats");
            t.setPriority(Thread.MIN_PRIORITY); // as the engine thread it serves (LatestWins)
            t.setDaemon(true);
            return t;
        });

    private StatsThread() {}

    /** Whether there is a second core to run statistics on. */
    public static boolean available() {
        return THREAD != null;
    }

    /** Starts the work on the statistics thread, or, without one or when {@code here}, runs it now. */
    public static <T> FutureTask<T> submit(Callable<T> work, boolean here) {
        FutureTask<T> task = new FutureTask<>(work);
        if (THREAD == null || here) task.run();
        else THREAD.execute(task);
        return task;
    }

    /**
     * The result of a task, running it here if the statistics thread has not started it yet (work
     * stealing: the compute thread helps once its pass is done).
     */
    public static <T> T join(FutureTask<T> task) {
        task.run(); // no-op if it ran or is running
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for statistics", e);
        }
    }
}
