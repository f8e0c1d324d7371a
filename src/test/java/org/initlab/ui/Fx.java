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

    /** A save asked for on the FX thread, once its file is written in the background: the file, or null if it failed. */
    static java.nio.file.Path saved(Callable<java.util.concurrent.CompletableFuture<java.nio.file.Path>> save) throws Exception {
        return call(save).get(60, TimeUnit.SECONDS);
    }

    static void run(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** What a command printed (stdout and stderr) and its exit code. */
    record Run(int exitCode, String log) {}

    /**
     * {@code initlab ARGS} in a fresh JVM with no DISPLAY and none of the tests' Monocle flags, as a
     * user would run it on a server: the command must set up headless rendering itself.
     */
    static Run withoutDisplay(int timeoutSeconds, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
            java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"), "org.initlab.Main"));
        cmd.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("initlab " + String.join(" ", args) + " did not finish within " + timeoutSeconds + " s");
        }
        return new Run(p.exitValue(), log);
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
