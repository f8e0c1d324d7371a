package org.initlab;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Full detail of every error for bug reports, in {@code initlab.log} of the user data folder
 * ({@link AppFolders#log()}), while the user sees one sentence.
 */
public final class AppLog {
    private static final long MAX_BYTES = 1 << 20;

    private AppLog() {}

    public static Path file() {
        return AppFolders.log();
    }

    /** The first line of a failure, with its type: what a user is shown while the log keeps the rest. */
    public static String oneLine(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    /** Appends the context and the stack trace; never throws (logging must not become the next error). */
    public static void error(String context, Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        append(context, w.toString());
    }

    /** Appends what every thread is doing, for something that hangs. */
    public static void threads(String context) {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            b.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
            for (StackTraceElement e : stack) b.append("\tat ").append(e).append('\n');
        });
        append(context, b.toString());
    }

    private static synchronized void append(String context, String detail) {
        try {
            Files.createDirectories(AppFolders.user());
            Path f = file();
            if (Files.exists(f) && Files.size(f) > MAX_BYTES) Files.move(f, f.resolveSibling("initlab.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(f, Instant.now() + " " + context + "\n" + detail, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException ignored) {
            // no place to write: the one-line message already reached the user
        }
    }
}
