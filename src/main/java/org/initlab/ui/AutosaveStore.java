package org.initlab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.initlab.AppLog;
import org.initlab.train.Experiment;

/**
 * The autosave of the window's experiment and the marker of a running session, in one folder (the
 * user data folder, {@link org.initlab.AppFolders#user()}). A {@code session.lock} left behind means the last
 * session did not exit cleanly (a crash, a kill -9), and its autosave is then offered back. An
 * autosave that cannot be read is never overwritten or deleted: it is renamed beside itself
 * ({@code autosave-unreadable-TIME.json}) and the caller is told so. Plain Java, no JavaFX.
 */
final class AutosaveStore {
    static final String AUTOSAVE = "autosave.json", MARKER = "session.lock";

    /** What the start found: an experiment to offer back (or null), and a sentence for the user (or ""). */
    record Start(Experiment offered, String message) {}

    private final Path folder;

    AutosaveStore(Path folder) {
        this.folder = folder;
    }

    Path folder() { return folder; }
    Path autosave() { return folder.resolve(AUTOSAVE); }
    Path marker() { return folder.resolve(MARKER); }

    /** Reads what the last session left and writes this session's marker. Never throws. */
    Start start() {
        Experiment offered = null;
        String message = "";
        boolean crashed = Files.exists(marker());
        if (Files.exists(autosave())) {
            try {
                Experiment last = Experiment.load(autosave());
                if (crashed) offered = last;
            } catch (IllegalArgumentException e) {
                AppLog.error("the autosave cannot be read", e);
                message = setAside(e.getMessage());
            }
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(marker(), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            AppLog.error("cannot write the session marker", e);
            message = join(message, "cannot write in the user data folder " + folder + " (" + AppLog.oneLine(e)
                + "): autosave is off and a crash will not be noticed");
        }
        return new Start(offered, message);
    }

    private String setAside(String why) {
        Path aside = folder.resolve("autosave-unreadable-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        try {
            Files.move(autosave(), aside);
            return "the autosave could not be read and was set aside as " + aside + " (" + why + ")";
        } catch (IOException e) {
            AppLog.error("cannot set the unreadable autosave aside", e);
            return "the autosave could not be read (" + why + ") nor set aside (" + AppLog.oneLine(e) + "); it is left as it is";
        }
    }

    /** Atomic: on failure the previous autosave is intact. */
    void save(Experiment e) throws IOException {
        e.save(autosave());
    }

    /** A clean exit: the next start offers nothing back. */
    void end() {
        try {
            Files.deleteIfExists(marker());
        } catch (IOException e) {
            AppLog.error("cannot remove the session marker", e);
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }
}
