package org.initlab.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.initlab.AppLog;
import org.initlab.AtomicFile;

/**
 * The window's chart files, encoded and written off the FX thread: a PNG at 3× takes a second to
 * compress, and the window must not stand still for it. The chart is drawn on the FX thread (it reads
 * the scene); what it became is written here, one file at a time in the order asked. The window
 * calls {@link #finish} as it closes, so quitting right after a save still writes the file.
 */
final class Saves {
    private static final ThreadPoolExecutor WRITER = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> new Thread(r, "initlab-save"));

    private Saves() {}

    /**
     * Writes {@code content} to {@code file} in the background; {@code note} hears "saving …" now and
     * {@code done} (or why it failed) on the FX thread once the file is written. The future completes
     * with the file, or null on failure, after the note.
     */
    static CompletableFuture<Path> write(Path file, String format, AtomicFile.Content content, String done, Consumer<String> note) {
        note.accept("saving " + file.getFileName() + " …");
        CompletableFuture<Path> written = new CompletableFuture<>();
        WRITER.execute(() -> {
            String outcome;
            Path result = null;
            try {
                ChartFiles.save(file, content);
                outcome = done;
                result = file;
            } catch (IOException | RuntimeException e) {
                outcome = failed(format, e);
            } catch (Throwable e) { // out of memory encoding a large PNG: said, logged, and the window goes on
                AppLog.error("saving " + file, e);
                outcome = failed(format, e);
            }
            String said = outcome;
            Path path = result;
            Platform.runLater(() -> {
                note.accept(said);
                written.complete(path);
            });
        });
        return written;
    }

    /** A chart drawn for a file: its content, and words the save's every note ends with ("" for none). */
    record Drawn(AtomicFile.Content content, String also) {
        Drawn(AtomicFile.Content content) {
            this(content, "");
        }
    }

    /**
     * Draws a chart now, on the FX thread, and writes what it became in the background ({@link #write});
     * a drawing that fails is said on {@code note} and gives a future of null, as a failed write does.
     */
    static CompletableFuture<Path> save(Path file, String format, Supplier<Drawn> drawing, String done, Consumer<String> note) {
        Drawn drawn;
        try {
            drawn = drawing.get();
        } catch (RuntimeException e) {
            note.accept(failed(format, e));
            return CompletableFuture.completedFuture(null);
        }
        return write(file, format, drawn.content(), done, n -> note.accept(n + drawn.also()));
    }

    /**
     * Waits, up to a minute, until the files asked for so far are written: the window calls it as it
     * closes, before the toolkit stops, since the process ends with {@code System.exit}.
     */
    static void finish() {
        try {
            WRITER.submit(() -> {}).get(1, TimeUnit.MINUTES); // one writer in order: every earlier file is done when this runs
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            AppLog.threads("chart files still being written after a minute; the app quits without them");
        }
    }

    /** The status line's words for a save that failed. */
    static String failed(String format, Throwable e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "could not save the " + format.toUpperCase(Locale.ROOT) + ": " + why;
    }
}
