package org.initlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where InitLab's files are, the same whichever folder it was started from.
 * <ul>
 *   <li><b>Bundled</b> (MNIST, lessons): beside the installation, found from the jar or classes folder
 *   InitLab runs from — the checkout for {@code target/initlab.jar} and {@code mvn javafx:run},
 *   {@code lib/app/} in the installed package — never the working directory.</li>
 *   <li><b>The user's</b> (autosave, experiments, window state, lessons of their own, the log): the
 *   platform's user data folder, {@link #user()}; {@code -Dinitlab.home=DIR} moves it (the tests do).</li>
 * </ul>
 */
public final class AppFolders {
    /** The bundled MNIST, relative to the installation; also what an experiment names by default. */
    public static final String MNIST = "data/mnist";

    // the jar is in target/ (checkout) or lib/app/ (package), classes in target/classes: two levels up at most
    private static final int LEVELS_UP = 2;

    private AppFolders() {}

    /**
     * The user data folder: {@code -Dinitlab.home}, else {@code $XDG_DATA_HOME/initlab} (default
     * {@code ~/.local/share/initlab}) on Linux, {@code ~/Library/Application Support/InitLab} on macOS,
     * {@code %APPDATA%\InitLab} on Windows. Not created here: writers create what they write.
     */
    public static Path user() {
        String override = System.getProperty("initlab.home");
        if (override != null && !override.isBlank()) return Path.of(override);
        return userFor(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** {@link #user()} for a given system, environment and home folder. */
    static Path userFor(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("mac")) return home.resolve("Library").resolve("Application Support").resolve("InitLab");
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("InitLab");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("initlab");
    }

    /** Where Save… starts and experiments of one's own are kept. */
    public static Path experiments() {
        return user().resolve("experiments");
    }

    /** Lessons of the user's own, listed beside the bundled ones. */
    public static Path userLessons() {
        return user().resolve("lessons");
    }

    /** The window's size, place and last theme. */
    public static Path windowState() {
        return user().resolve("window.json");
    }

    /** Full detail of every error. */
    public static Path log() {
        return user().resolve("initlab.log");
    }

    /**
     * A bundled folder or file, e.g. {@code bundled(MNIST)}: looked up beside the jar or classes
     * folder and up to two folders above it. When it is nowhere, the path where an installation
     * would have it, so that the error names a full path.
     */
    public static Path bundled(String relative) {
        Path start = codeFolder();
        for (Path dir = start; dir != null && start.getNameCount() - dir.getNameCount() <= LEVELS_UP; dir = dir.getParent())
            if (Files.exists(dir.resolve(relative))) return dir.resolve(relative);
        return start.resolve(relative);
    }

    /**
     * A data folder as an experiment file or the window names it: an absolute path as it is; a relative
     * one is the bundled folder of that name when there is one (experiments say {@code data/mnist}),
     * else relative to the working directory, where a user typing a folder means it.
     */
    public static Path data(String folder) {
        Path p = Path.of(folder);
        if (p.isAbsolute()) return p;
        Path b = bundled(folder);
        return Files.isDirectory(b) ? b : p;
    }

    /**
     * How an experiment names a data folder: {@code data/mnist} for the bundled one, so the file works
     * on any installation; any other as an absolute path. Null stays null (the default).
     */
    public static String dataName(Path folder) {
        if (folder == null) return null;
        Path abs = folder.toAbsolutePath().normalize();
        return abs.equals(bundled(MNIST).toAbsolutePath().normalize()) ? MNIST : abs.toString();
    }

    /** The pom's version, e.g. {@code 0.1.0-SNAPSHOT} (written into {@code initlab.properties} at build time). */
    public static String version() {
        try (InputStream in = AppFolders.class.getResourceAsStream("/initlab.properties")) {
            if (in == null) throw new IllegalStateException("initlab.properties is missing from the build");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder holding this class's jar, or the classes folder itself when run from one. */
    private static Path codeFolder() {
        try {
            Path code = Path.of(AppFolders.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            return Files.isDirectory(code) ? code : code.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where InitLab is installed: " + e.getMessage(), e);
        }
    }
}
