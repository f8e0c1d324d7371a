package org.initlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundled data is found from the installation, whatever the working directory; user files go to the platform's folder. */
class AppFoldersTest {
    private static final Path CHECKOUT_DATA = Path.of(System.getProperty("initlab.data", "data/mnist")).toAbsolutePath().normalize();

    @Test
    void userFolderFollowsThePlatformsConvention() {
        Path home = Path.of("/home/ada");
        assertEquals(Path.of("/home/ada/.local/share/initlab"), AppFolders.userFor("Linux", Map.of(), home));
        assertEquals(Path.of("/xdg/initlab"), AppFolders.userFor("Linux", Map.of("XDG_DATA_HOME", "/xdg"), home));
        assertEquals(Path.of("/home/ada/.local/share/initlab"), AppFolders.userFor("Linux", Map.of("XDG_DATA_HOME", " "), home));
        assertEquals(Path.of("/home/ada/Library/Application Support/InitLab"), AppFolders.userFor("Mac OS X", Map.of(), home));
        assertEquals(Path.of("/roaming/InitLab"), AppFolders.userFor("Windows 11", Map.of("APPDATA", "/roaming"), home));
        assertEquals(Path.of("/home/ada/AppData/Roaming/InitLab"), AppFolders.userFor("Windows 11", Map.of(), home));
    }

    @Test
    void theTestsOwnUserFolderHoldsEveryUserFile() {
        Path home = Path.of(System.getProperty("initlab.home"));
        assertEquals(home, AppFolders.user());
        for (Path p : List.of(AppFolders.experiments(), AppFolders.userLessons(), AppFolders.windowState(), AppFolders.log()))
            assertEquals(home, p.getParent(), p + " lies in the user folder");
    }

    @Test
    void bundledMnistIsTheCheckoutsAndExperimentsNameItPortably() {
        assertEquals(CHECKOUT_DATA, AppFolders.bundled(AppFolders.MNIST).toAbsolutePath().normalize());
        assertEquals(CHECKOUT_DATA, AppFolders.data("data/mnist").toAbsolutePath().normalize());
        assertEquals("data/mnist", AppFolders.dataName(CHECKOUT_DATA));
        assertEquals(Path.of("/elsewhere/fashion"), AppFolders.data("/elsewhere/fashion"));
        assertEquals(Path.of("/elsewhere/fashion").toString(), AppFolders.dataName(Path.of("/elsewhere/fashion")));
    }

    @Test
    void versionIsThePoms() {
        assertEquals(System.getProperty("initlab.version"), AppFolders.version());
    }

    /** A fresh JVM started in an empty folder, as a user starting InitLab from anywhere: it finds the bundled MNIST. */
    @Test
    void statsRunsFromAnotherWorkingDirectory(@TempDir Path elsewhere) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx512m", "-Dinitlab.home=" + elsewhere.resolve("home"),
            "-cp", System.getProperty("java.class.path"), "org.initlab.Main",
            "stats", "--model", "conv1", "--seeds", "1", "--batch", "10", "--format", "json")
            .directory(elsewhere.toFile()).redirectError(elsewhere.resolve("stderr.txt").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "stats finished within 120 s");
        String err = Files.readString(elsewhere.resolve("stderr.txt"));
        assertEquals(0, p.exitValue(), err);
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals("conv1", j.get("model").asText());
        assertEquals(10, j.get("batch").asInt());
        assertTrue(Files.notExists(elsewhere.resolve("data")), "nothing looked for or made in the working directory");
    }
}
