package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chart file is written off the FX thread, which hears "saving …" at once and the outcome on its own thread afterwards;
 * a chart that cannot be drawn is said in one line, with nothing written.
 */
class SavesGuiTest {
    @BeforeAll
    static void start() {
        Fx.start();
    }

    @Test
    void theFileIsWrittenWhileTheFxThreadGoesOn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chart.png");
        CountDownLatch release = new CountDownLatch(1);
        List<String> notes = new CopyOnWriteArrayList<>(), noteThreads = new CopyOnWriteArrayList<>();
        String[] writer = new String[1];
        CompletableFuture<Path> saved = Fx.call(() -> Saves.write(file, "png", out -> {
            writer[0] = Thread.currentThread().getName();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) throw new IOException("never released");
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            out.write(new byte[] {1, 2, 3});
        }, "saved chart.png", n -> {
            notes.add(n);
            noteThreads.add(Platform.isFxApplicationThread() ? "fx" : Thread.currentThread().getName());
        }));
        // the FX thread is free while the write waits: a call on it returns, and the file is not there yet
        assertTrue(Fx.call(() -> true));
        assertFalse(saved.isDone());
        assertFalse(Files.exists(file));
        assertEquals(List.of("saving chart.png …"), notes);
        release.countDown();
        assertEquals(file, saved.get(30, TimeUnit.SECONDS));
        assertEquals(List.of("saving chart.png …", "saved chart.png"), notes);
        assertEquals(List.of("fx", "fx"), noteThreads, "the notes reach the window on its thread");
        assertEquals("initlab-save", writer[0]);
        assertEquals(3, Files.size(file));
    }

    @Test
    void aFailedWriteSaysSoAndGivesNoFile(@TempDir Path dir) throws Exception {
        List<String> notes = new CopyOnWriteArrayList<>();
        CompletableFuture<Path> saved = Fx.call(() -> Saves.write(dir.resolve("chart.pdf"), "pdf", out -> {
            throw new IOException("disk full");
        }, "saved chart.pdf", notes::add));
        assertNull(saved.get(30, TimeUnit.SECONDS));
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(1).startsWith("could not save the PDF: ") && notes.get(1).contains("disk full"), notes.get(1));
        assertFalse(Files.exists(dir.resolve("chart.pdf")));
    }

    @Test
    void aDrawingThatFailsIsSaidAndWritesNothing(@TempDir Path dir) throws Exception {
        List<String> notes = new CopyOnWriteArrayList<>();
        CompletableFuture<Path> saved = Fx.call(() -> Saves.save(dir.resolve("chart.svg"), "svg", () -> {
            throw new IllegalStateException("the chart has no size");
        }, "saved chart.svg", notes::add));
        assertNull(saved.get(30, TimeUnit.SECONDS));
        assertEquals(List.of("could not save the SVG: the chart has no size"), notes);
        assertFalse(Files.exists(dir.resolve("chart.svg")));
    }

    @Test
    void aDrawingsWordsEndEveryNote(@TempDir Path dir) throws Exception {
        List<String> notes = new CopyOnWriteArrayList<>();
        CompletableFuture<Path> saved = Fx.call(() -> Saves.save(dir.resolve("chart.png"), "png",
            () -> new Saves.Drawn(out -> out.write(new byte[] {1}), " · copied to clipboard"), "saved chart.png", notes::add));
        assertEquals(dir.resolve("chart.png"), saved.get(30, TimeUnit.SECONDS));
        assertEquals(List.of("saving chart.png … · copied to clipboard", "saved chart.png · copied to clipboard"), notes);
    }
}
