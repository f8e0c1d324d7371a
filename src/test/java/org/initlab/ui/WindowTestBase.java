package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.initlab.engine.LabSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The real lab window on a stage, headless (Monocle), opened before and closed after each test. */
abstract class WindowTestBase {
    static final Path DATA = Path.of(System.getProperty("initlab.data", "data/mnist"));

    LabViewModel vm;
    LabWindow window;
    Stage stage;

    @BeforeAll
    static void toolkit() {
        Fx.start();
    }

    /** The window's size; a test that needs room for more rows asks for more. */
    double width() { return 1400; }
    double height() { return 900; }

    /** Where the training panel autosaves: the user folder unless a test gives its own. */
    Path sessionDir() { return org.initlab.AppFolders.user(); }

    /** False for a test that prepares files or a model first and then calls {@link #open(Path, String, String, boolean)} itself. */
    boolean openBeforeEach() { return true; }

    @BeforeEach
    void openFirst() throws Exception {
        if (openBeforeEach()) open(DATA);
    }

    void open(Path data) throws Exception {
        open(data, null, null, true);
    }

    /**
     * @param preset a built-in model loaded before the window is made, or null
     * @param tab    the tab shown before the first pulse lays the window out, or null for the first
     * @param start  whether the engine starts
     */
    void open(Path data, String preset, String tab, boolean start) throws Exception {
        Fx.run(() -> {
            vm = new LabViewModel(data);
            if (preset != null) vm.loadPreset(preset);
            window = new LabWindow(vm, width(), height(), sessionDir());
            stage = new Stage();
            stage.setScene(window.scene());
            stage.show();
            if (tab != null) window.showTab(tab);
            if (start) vm.start();
        });
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) Fx.run(() -> stage.close()); // null when an assumption skipped the test before it opened
        if (vm != null) vm.close();
    }

    /**
     * Switches to {@code theme}, opens the Training tab and lays the window out, waiting until its
     * controls have their theme's size: the tab is built when first shown, and a control has no size
     * before its skin and CSS are applied.
     */
    void openTraining(String theme) throws Exception {
        Fx.run(() -> {
            vm.themeProperty().set(theme);
            window.showTab("training");
        });
        Fx.waitFor("the Training tab's controls laid out", 30, () -> {
            window.scene().getRoot().applyCss();
            window.scene().getRoot().layout();
            Node optimizer = window.scene().lookup("#trainOptimizer");
            return optimizer != null && optimizer.getLayoutBounds().getHeight() > 0;
        });
    }

    /** The node with this id; callable on and off the FX thread. */
    <T extends Node> T node(String id) {
        try {
            @SuppressWarnings("unchecked")
            T n = javafx.application.Platform.isFxApplicationThread() ? (T) window.scene().lookup("#" + id)
                : (T) Fx.call(() -> window.scene().lookup("#" + id));
            assertNotNull(n, "no node #" + id);
            return n;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until the charts show the answer to the last config sent. */
    void awaitCharted() throws Exception {
        Fx.waitFor("the charts to show the latest settings", 60, () -> {
            LabSnapshot s = vm.chartedProperty().get();
            return s != null && s.commandId() >= vm.lastSubmitted();
        });
    }

}
