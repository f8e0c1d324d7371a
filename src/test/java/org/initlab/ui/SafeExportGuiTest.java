package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.IIOException;
import org.initlab.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export that fails leaves the file that was there as it was, and says so in one line naming it; a folder is
 * refused as the file to write. The disk's own failure is a file-size limit ({@code ulimit -f}) on a child process,
 * as a user would meet it; the rest fails through a writer that throws half-way.
 */
class SafeExportGuiTest {
    static final String DATA = ExportGuiTest.DATA;

    record Run(int code, String err) {}

    @Test
    void folderAsTheOutputIsRefusedBeforeAnyWorkAndLeftAlone(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("dir.png"));
        Path full = Files.createDirectory(dir.resolve("full.gif"));
        Files.writeString(full.resolve("inside.txt"), "kept");
        List<String[]> runs = List.of(
            new String[] {"plot", "--data", DATA, "--out", empty.toString()},
            new String[] {"plot", "--data", DATA, "--view", "histograms", "--out", empty.toString()},
            new String[] {"plot", "--data", DATA, "--sweep", "a=0:3:1", "--out", full.toString()},
            new String[] {"plot", "--experiment", TrainingPlotTest.experiment(dir).toString(), "--steps", "2", "--out", full.toString()});
        for (String[] args : runs) {
            Path folder = Path.of(args[args.length - 1]);
            Run r = run(args);
            assertEquals(1, r.code(), r.err());
            // one line, and no progress line before it: nothing was computed or trained
            assertEquals("initlab: " + folder + " is a folder, not a file\n", r.err(), String.join(" ", args));
            assertTrue(Files.isDirectory(folder));
        }
        assertEquals("kept", Files.readString(full.resolve("inside.txt")));
    }

    /** The audit's case: a good PNG, then the same plot under an 8 KB file-size limit. */
    @Test
    void pngThatCannotBeWrittenLeavesTheGoodOneAsItWas(@TempDir Path dir) throws Exception {
        Path keep = dir.resolve("keep.png");
        assertEquals(0, Cli.run("plot", "--data", DATA, "--batch", "4", "--width", "400", "--height", "300", "--out", keep.toString()));
        Files.setPosixFilePermissions(keep, PosixFilePermissions.fromString("rw-r-----"));
        byte[] good = Files.readAllBytes(keep);
        assertTrue(good.length > 16 * 1024, "the PNG is over the limit: " + good.length);
        Run r = limited(8, "org.initlab.Main", "plot", "--data", DATA, "--batch", "4", "--width", "400", "--height", "300", "--out", keep.toString());
        assertEquals(1, r.code(), r.err());
        List<String> lines = r.err().strip().lines().toList(); // the child runs from the class path, so JavaFX warns first
        assertEquals("initlab: " + keep + " could not be written (File too large); it is as it was", lines.get(lines.size() - 1), "the file and the reason");
        assertArrayEquals(good, Files.readAllBytes(keep));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(keep)));
        assertEquals(List.of(keep), list(dir), "no temporary file is left");
    }

    @Test
    void gifThatCannotBeWrittenLeavesTheOldOneAsItWas(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("sweep.gif");
        byte[] old = "GIF89a, the one that was here".getBytes(StandardCharsets.US_ASCII);
        Files.write(gif, old);
        Run r = limited(8, GifNoise.class.getName(), gif.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(gif + " could not be written (File too large); it is as it was"), r.err());
        assertArrayEquals(old, Files.readAllBytes(gif));
        assertEquals(List.of(gif), list(dir));
        assertEquals(0, limited(1024, GifNoise.class.getName(), gif.toString()).code(), "the same GIF under a 1 MB limit");
        assertTrue(Files.size(gif) > 8 * 1024);
    }

    /** A GIF left without its commit (a cancelled sweep, a frame that failed) does not touch the file. */
    @Test
    void gifClosedBeforeItsCommitLeavesTheOldOne(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("replay.gif");
        Files.writeString(gif, "old");
        try (GifWriter w = new GifWriter(gif, 250)) {
            w.add(GifNoise.frame(new Random(1)));
        }
        assertEquals("old", Files.readString(gif));
        assertEquals(List.of(gif), list(dir));
    }

    /** An encoder's error wraps the disk's: the message gives the file and the disk's reason. */
    @Test
    void encoderFailureNamesTheFileAndKeepsIt(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("charts.svg"), fresh = dir.resolve("new.pdf");
        Files.writeString(svg, "<svg/>");
        for (Path f : List.of(svg, fresh)) {
            IOException e = assertThrows(IOException.class, () -> ChartFiles.save(f, out -> {
                out.write(new byte[200_000]);
                throw new IIOException("I/O error writing PNG file!", new IOException("No space left on device"));
            }));
            assertEquals(f + " could not be written (No space left on device)" + (f == svg ? "; it is as it was" : ""), e.getMessage());
        }
        assertEquals("<svg/>", Files.readString(svg));
        assertEquals(List.of(svg), list(dir));
    }

    /** Writes five noisy 400×300 frames (well over 8 KB) to the GIF named; prints the error's line and exits 1 on failure. */
    public static final class GifNoise {
        public static void main(String[] args) {
            try (GifWriter w = new GifWriter(Path.of(args[0]), 250)) {
                Random r = new Random(7);
                for (int i = 0; i < 5; i++) w.add(frame(r));
                w.commit();
            } catch (IOException e) {
                System.err.println("initlab: " + e.getMessage());
                System.exit(1);
            }
        }

        static BufferedImage frame(Random r) {
            BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 300; y++) for (int x = 0; x < 400; x++) img.setRGB(x, y, r.nextInt());
            return img;
        }
    }

    private static Run run(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(Cli.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    /** A Java main of this class path run under a file-size limit of {@code kb} KiB. */
    private static Run limited(int kb, String main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + kb + " && exec \"$@\"", "bash",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(main + " did not finish within 180 s: " + log);
        }
        return new Run(p.exitValue(), log);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
