package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import org.initlab.init.InitSpec;
import org.initlab.init.Scheme;
import org.initlab.nn.Models;
import org.initlab.train.Experiment;
import org.initlab.train.OptimizerSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window when the user data folder misbehaves: an unreadable autosave, a full disk and a
 * read-only folder during Save… and the autosave, and a kill -9 in the middle of training. A full
 * disk is a real one for this process: the file-size limit (RLIMIT_FSIZE, set with prlimit, which
 * binds root too) makes a write past it fail with EFBIG after part of the bytes are on disk.
 */
class WindowFaultsGuiTest extends WindowTestBase {
    /** Smaller than any experiment file here (the cnn's is about 1.6 kB), so a write fails half-way. */
    static final long LIMIT_BYTES = 600;

    @TempDir Path session;
    TrainingViewModel tvm;

    @Override boolean openBeforeEach() { return false; }
    Path folder; // where the window keeps its session, when not the test's own folder

    @Override Path sessionDir() { return folder != null ? folder : session; }

    /** The window without its engine: these tests are about the training panel's files. */
    void open() throws Exception {
        open(DATA, null, null, false);
        tvm = window.training();
    }

    String shownMessage() throws Exception {
        return Fx.call(() -> ((Label) window.scene().lookup("#trainMessage")).getText());
    }

    static Experiment experiment(long seed) {
        return new Experiment("faults", Models.cnn(), InitSpec.kaiming(Scheme.KAIMING_NORMAL, 0.1), Experiment.Data.of("data/mnist"),
            OptimizerSpec.of(OptimizerSpec.Kind.MOMENTUM, 0.05, 1e-4), seed, 2, 32);
    }

    @Test
    void anUnreadableAutosaveIsSetAsideAndTheWindowSaysSo() throws Exception {
        Path auto = session.resolve(TrainingViewModel.AUTOSAVE);
        String json = experiment(3).toJson();
        byte[] truncated = json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8); // a crash mid-write on a file system without rename
        Files.write(auto, truncated);
        Files.writeString(session.resolve(TrainingViewModel.MARKER), "4242\n");
        open();
        List<Path> aside;
        try (Stream<Path> s = Files.list(session)) {
            aside = s.filter(p -> p.getFileName().toString().startsWith("autosave-unreadable-")).toList();
        }
        assertEquals(1, aside.size(), "one file set aside: " + aside);
        assertArrayEquals(truncated, Files.readAllBytes(aside.get(0)), "the bad file is kept, byte for byte");
        String m = shownMessage();
        assertTrue(m.contains("could not be read") && m.contains(aside.get(0).toString()), "says what it set aside, and where: " + m);
        assertTrue(Fx.call(() -> window.scene().lookup("#trainMessage").getParent().isVisible()));
        assertEquals("trainingTab", Fx.call(() -> ((javafx.scene.control.TabPane) window.scene().lookup("#tabs")).getSelectionModel().getSelectedItem().getId()),
            "the window opens on the tab that says it");
        assertFalse(Fx.call(() -> tvm.restoreOfferedProperty().get()), "nothing unreadable is offered");
        // the window goes on: the next autosave writes a good file
        Fx.run(() -> tvm.seedProperty().set(5));
        Fx.call(() -> tvm.autosaveNow()).get(30, TimeUnit.SECONDS);
        assertEquals(5, Experiment.load(auto).seed());
    }

    @Test
    void aFullDiskDuringSaveAndAutosaveLeavesThePreviousFilesWhole() throws Exception {
        byte[][] before = savedAndAutosaved();
        byte[] saved = before[0], autosaved = before[1];
        assertTrue(saved.length > 2 * LIMIT_BYTES, "the file is larger than the limit: " + saved.length);
        Fx.run(() -> tvm.seedProperty().set(2));
        Path file = session.resolve("mine.json"), auto = session.resolve(TrainingViewModel.AUTOSAVE);
        boolean ok;
        try (FileSizeLimit limit = FileSizeLimit.of(LIMIT_BYTES)) {
            ok = Fx.call(() -> tvm.save(file));
            Fx.call(() -> tvm.autosaveNow()).get(30, TimeUnit.SECONDS);
        }
        assertFalse(ok, "Save… reports the failure");
        assertArrayEquals(saved, Files.readAllBytes(file), "the previous file is intact");
        assertArrayEquals(autosaved, Files.readAllBytes(auto), "the previous autosave is intact");
        assertEquals(List.of(), leftovers(), "nothing half-written is left");
        Fx.waitFor("the autosave's message", 10, () -> tvm.messageProperty().get().startsWith("autosave failed"));
        String m = Fx.call(() -> ((Label) window.scene().lookup("#message")).getText());
        assertTrue(m.contains("File too large") && m.contains(session.toString()), "the status bar says it, on any tab: " + m);

        // room again: both work
        assertTrue(Fx.call(() -> tvm.save(file)));
        assertEquals(2, Experiment.load(file).seed());
        Fx.call(() -> tvm.autosaveNow()).get(30, TimeUnit.SECONDS);
        assertEquals(2, Experiment.load(auto).seed());
    }

    @Test
    void aReadOnlyFolderDuringSaveAndAutosaveLeavesThePreviousFilesWhole() throws Exception {
        byte[][] before = savedAndAutosaved();
        byte[] saved = before[0], autosaved = before[1];
        Fx.run(() -> tvm.seedProperty().set(2));
        Path file = session.resolve("mine.json"), auto = session.resolve(TrainingViewModel.AUTOSAVE);
        Files.setPosixFilePermissions(session, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(session), "root writes into a read-only folder: the full-disk test covers this path as root");
            assertFalse(Fx.call(() -> tvm.save(file)));
            String m = Fx.call(() -> ((Label) window.scene().lookup("#message")).getText());
            assertTrue(m.contains("could not save mine.json"), m);
            Fx.call(() -> tvm.autosaveNow()).get(30, TimeUnit.SECONDS);
            Fx.waitFor("the autosave's message", 10, () -> tvm.messageProperty().get().startsWith("autosave failed"));
        } finally {
            Files.setPosixFilePermissions(session, PosixFilePermissions.fromString("rwx------"));
        }
        assertArrayEquals(saved, Files.readAllBytes(file));
        assertArrayEquals(autosaved, Files.readAllBytes(auto));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aKillDuringTrainingOffersTheLastAutosaveAtTheNextStart() throws Exception {
        Path opened = session.resolve("run.json");
        Experiment e = experiment(11).withEpochs(5);
        e.save(opened);
        Path home = session.resolve("home");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dinitlab.home=" + home,
            "-cp", System.getProperty("java.class.path"), "org.initlab.Main", "gui", "--headless", "--screenshot", session.resolve("never.png").toString(),
            "--tab", "training", "--experiment", opened.toString(), "--train-steps", "1000000"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("INITLAB_TRACE", "1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        StringBuilder log = new StringBuilder();
        CompletableFuture<Boolean> training = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (log) { log.append(line).append('\n'); }
                    if (line.contains("training at step")) return true;
                }
            } catch (java.io.IOException ex) {
                // the process is gone: the assertion below shows its log
            }
            return false;
        });
        boolean mid;
        try {
            mid = training.get(240, TimeUnit.SECONDS);
            Thread.sleep(300); // a few more steps
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no clean exit
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(mid, "the child never reached training:\n" + log);
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        assertTrue(Files.exists(home.resolve(TrainingViewModel.MARKER)), "the killed session left its marker");
        assertEquals(Map.of(), ExperimentRoundTripGuiTest.diff(opened, home.resolve(TrainingViewModel.AUTOSAVE)), "the autosave is the opened experiment");

        folder = home;
        open();
        assertTrue(Fx.call(() -> window.scene().lookup("#restoreBar").isVisible()), "the next start offers the autosave");
        WindowFaultsGuiTest.click(window, "restoreYes");
        assertEquals(11L, (long) Fx.call(() -> tvm.seedProperty().get()));
        Path back = session.resolve("back.json");
        assertTrue(Fx.call(() -> tvm.save(back)));
        assertEquals(Map.of(), ExperimentRoundTripGuiTest.diff(opened, back), "restored field for field");
    }

    /** Opens the window with seed 1, saves mine.json and autosaves: the files a failed write must leave as they are. */
    byte[][] savedAndAutosaved() throws Exception {
        open();
        Fx.run(() -> tvm.apply(experiment(1)));
        Path file = session.resolve("mine.json");
        assertTrue(Fx.call(() -> tvm.save(file)));
        Fx.call(() -> tvm.autosaveNow()).get(30, TimeUnit.SECONDS);
        return new byte[][] {Files.readAllBytes(file), Files.readAllBytes(session.resolve(TrainingViewModel.AUTOSAVE))};
    }

    static void click(LabWindow w, String id) throws Exception {
        Fx.run(() -> {
            var b = (javafx.scene.control.Button) w.scene().lookup("#" + id);
            assertNotNull(b, "#" + id);
            b.fire();
        });
    }

    /** Files in the session folder other than the ones the test made. */
    List<String> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(session)) {
            return s.map(p -> p.getFileName().toString())
                .filter(n -> !n.equals("mine.json") && !n.equals(TrainingViewModel.AUTOSAVE) && !n.equals(TrainingViewModel.MARKER) && !n.equals("initlab.log"))
                .sorted().toList();
        }
    }

    /** This process's file-size limit lowered for a while (prlimit; the JVM ignores SIGXFSZ, so a write past it fails with EFBIG). */
    static final class FileSizeLimit implements AutoCloseable {
        static FileSizeLimit of(long bytes) throws Exception {
            assumeTrue(prlimit("--fsize=" + bytes + ":"), "prlimit (util-linux) is needed to fill the disk for this process");
            return new FileSizeLimit();
        }

        static boolean prlimit(String arg) throws Exception {
            try {
                Process p = new ProcessBuilder("prlimit", "--pid", String.valueOf(ProcessHandle.current().pid()), arg).redirectErrorStream(true).start();
                return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (java.io.IOException notInstalled) {
                return false;
            }
        }

        @Override
        public void close() throws Exception {
            assertTrue(prlimit("--fsize=unlimited:"), "the file-size limit could not be lifted");
        }
    }
}
