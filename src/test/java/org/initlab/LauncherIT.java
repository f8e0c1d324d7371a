package org.initlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./initlab} as a user runs it, after {@code mvn package} (failsafe, in {@code mvn verify}): from another
 * folder, with JavaFX loaded as modules, it finds the bundled data and prints nothing but its answer.
 */
class LauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("initlab.root", ".")).toAbsolutePath();
    @TempDir static Path elsewhere;

    record Run(int code, String out, String err) {}

    @BeforeAll
    static void linuxWithBash() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && Files.isExecutable(Path.of("/bin/bash")),
            "./initlab is a bash script; this checks it on Linux");
    }

    private static Run initlab(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", ROOT.resolve("initlab").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(elsewhere.toFile())
            .redirectOutput(elsewhere.resolve("out.txt").toFile()).redirectError(elsewhere.resolve("err.txt").toFile());
        pb.environment().remove("DISPLAY"); // off screen, as on a server
        pb.environment().put("XDG_DATA_HOME", elsewhere.resolve("xdg").toString()); // not the tester's own folder
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), String.join(" ", args) + " finished within 180 s");
        return new Run(p.exitValue(), Files.readString(elsewhere.resolve("out.txt")), Files.readString(elsewhere.resolve("err.txt")));
    }

    @Test
    void versionIsThePoms() throws Exception {
        Run r = initlab("--version");
        assertEquals(0, r.code(), r.err());
        assertEquals("InitLab " + System.getProperty("initlab.version"), r.out().strip());
        assertEquals("", r.err());
    }

    @Test
    void statsFindsTheBundledDataFromAnotherFolder() throws Exception {
        Run r = initlab("stats", "--model", "conv1", "--seeds", "1", "--batch", "10", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("conv1", j.get("model").asText());
        assertEquals("", r.err());
    }

    /** Headless rendering loads JavaFX and Monocle: as modules, JavaFX prints no "Unsupported JavaFX configuration". */
    @Test
    void plotRendersWithoutWarnings() throws Exception {
        Path png = elsewhere.resolve("charts.png");
        Run r = initlab("plot", "--model", "conv1", "--batch", "10", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 10_000, "a PNG with charts in it");
        assertFalse(r.err().contains("WARNING"), r.err());
        assertEquals("initlab: wrote " + png, r.err().strip());
    }
}
