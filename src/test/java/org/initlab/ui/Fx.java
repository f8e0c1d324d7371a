package org.initlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/** Test helpers: run on the FX thread (headless Monocle, started once) and wait for a condition there. */
final class Fx {
    private Fx() {}

    static void start() {
        Gui.startToolkit(true, 1600, 1000);
    }

    static <T> T call(Callable<T> c) throws Exception {
        FutureTask<T> t = new FutureTask<>(c);
        Platform.runLater(t);
        return t.get(60, TimeUnit.SECONDS);
    }

    static void run(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** Polls the condition on the FX thread until true; fails with the message after the timeout. */
    static void waitFor(String what, double seconds, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (call(condition::getAsBoolean)) return;
            Thread.sleep(15);
        }
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
    }
}
