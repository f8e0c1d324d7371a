package org.initlab.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.initlab.AtomicFile;

/**
 * The window's chart files, encoded and written off the FX thread: a PNG at 3× takes a second to
 * compress, and the window must not stand still for it. The chart is drawn on the FX thread (it reads
 * the scene); what it became is written here, one file at a time in the order asked. The writer
 * thread is not a daemon and ends when idle, so quitting right after a save still finishes the file.
 */
final class Saves {
    private static final ThreadPoolExecutor WRITER = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "initlab-save");
        t.setDaemon(false);
        return t;
    });

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

    /** The status line's words for a save that failed. */
    static String failed(String format, Exception e) {
        return "could not save the " + format.toUpperCase(Locale.ROOT) + ": " + e.getMessage();
    }
}
