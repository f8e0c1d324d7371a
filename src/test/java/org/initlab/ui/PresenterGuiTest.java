package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.initlab.init.Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presenter mode: keys go in as key events on the focused control; assertions read the view-model and the charts. */
class PresenterGuiTest extends WindowTestBase {
    int points(StatsCharts.Figure f, StatsCharts.Series s) throws Exception {
        return Fx.call(() -> window.charts().pointCount(f, s));
    }

    /** Presses (and for a printable key types) a key where the focus is, as the keyboard would. */
    void press(KeyCode code, boolean shift) throws Exception {
        Fx.run(() -> {
            Node target = window.scene().getFocusOwner() != null ? window.scene().getFocusOwner() : window.scene().getRoot();
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, false, false, false));
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, shift, false, false, false));
        });
    }

    void type(String character) throws Exception {
        Fx.run(() -> {
            Node target = window.scene().getFocusOwner() != null ? window.scene().getFocusOwner() : window.scene().getRoot();
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, character, "", KeyCode.UNDEFINED, false, false, false, false));
        });
    }

    double a() throws Exception {
        return Fx.call(() -> vm.aProperty().get());
    }

    @Test
    void arrowsMoveAOnItsGridAndHomeEndJump() throws Exception {
        awaitCharted();
        Node slider = node("aSlider");
        Fx.run(() -> {
            vm.schemeProperty().set(Scheme.KAIMING_UNIFORM);
            vm.aProperty().set(1.0);
            slider.requestFocus();
        });
        press(KeyCode.RIGHT, false);
        assertEquals(1.05, a(), 1e-9);
        press(KeyCode.RIGHT, true);
        assertEquals(1.06, a(), 1e-9);
        press(KeyCode.LEFT, false);
        assertEquals(1.05, a(), 1e-9, "back onto the 0.05 grid");
        press(KeyCode.HOME, false);
        assertEquals(0, a(), 0);
        press(KeyCode.LEFT, false);
        assertEquals(0, a(), 0, "a stays ≥ 0");
        awaitCharted();
        assertEquals(0, Fx.call(() -> vm.chartedProperty().get().config().init().a()), 0, "the charts follow the keys");
        press(KeyCode.END, false);
        assertEquals(LabViewModel.SQRT5, a(), 1e-12);
        press(KeyCode.RIGHT, false);
        assertEquals(2.25, a(), 1e-9, "√5 + a step lands on the grid");
    }

    @Test
    void digitsPickSchemesAndPUPinAndUnpin() throws Exception {
        awaitCharted();
        press(KeyCode.DIGIT3, false);
        assertEquals(Scheme.values()[2], Fx.call(() -> vm.schemeProperty().get()));
        press(KeyCode.NUMPAD2, false);
        assertEquals(Scheme.values()[1], Fx.call(() -> vm.schemeProperty().get()));
        awaitCharted();
        press(KeyCode.P, false);
        assertEquals(1, Fx.call(() -> vm.pins().size()));
        assertEquals(1, Fx.call(() -> window.charts().pinLines(StatsCharts.Figure.ACT_STD).size()), "the pin is on the charts");
        press(KeyCode.P, false);
        assertEquals(1, Fx.call(() -> vm.pins().size()), "the same run is pinned once");
        press(KeyCode.DIGIT3, false);
        Fx.waitFor("the third scheme charted", 60, () -> vm.chartedProperty().get().config().init().scheme() == Scheme.values()[2]);
        press(KeyCode.P, false);
        assertEquals(2, Fx.call(() -> vm.pins().size()));
        press(KeyCode.U, false);
        assertEquals(1, Fx.call(() -> vm.pins().size()), "U takes the newest pin away");
        press(KeyCode.U, false);
        assertEquals(0, Fx.call(() -> window.charts().pinLines(StatsCharts.Figure.ACT_STD).size()));
    }

    @Test
    void keysTypedIntoATextFieldStayThere() throws Exception {
        awaitCharted();
        Scheme before = Fx.call(() -> vm.schemeProperty().get());
        TextField kernel = node("layer6-k");
        Fx.run(kernel::requestFocus);
        press(KeyCode.DIGIT4, false);
        press(KeyCode.P, false);
        type("?");
        assertEquals(before, Fx.call(() -> vm.schemeProperty().get()));
        assertEquals(0, Fx.call(() -> vm.pins().size()));
        assertFalse(Fx.call(() -> window.keys().cheatSheetShowing()));
    }

    @Test
    void tCyclesTheThemesAndSSavesTheCharts(@TempDir Path dir) throws Exception {
        awaitCharted();
        window.setExportDir(dir);
        assertEquals("light", Fx.call(() -> vm.themeProperty().get()));
        press(KeyCode.T, false);
        assertEquals("dark", Fx.call(() -> vm.themeProperty().get()));
        assertTrue(Fx.call(() -> window.scene().getRoot().getStyleClass().contains("dark")));
        press(KeyCode.T, false);
        assertEquals("projector", Fx.call(() -> vm.themeProperty().get()));
        press(KeyCode.T, false);
        assertEquals("light", Fx.call(() -> vm.themeProperty().get()));
        press(KeyCode.S, false);
        Fx.waitFor("S's PNG, written in the background", 60, () -> pngs(dir) > 0);
        assertEquals(1, pngs(dir), "S saved one PNG");
        Fx.run(() -> { // S held down: the key repeats, and only the first press saves
            Node target = window.scene().getRoot();
            for (int i = 0; i < 5; i++) Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.S, false, false, false, false));
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.S, false, false, false, false));
        });
        Fx.waitFor("the held S's PNG", 60, () -> pngs(dir) > 1);
        Fx.saved(window::exportPng); // every file asked for before this one is written by now
        assertEquals(3, pngs(dir), "one PNG for the held S, one for the call");
    }

    private static long pngs(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".png")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void questionMarkShowsTheCheatSheetAndF11GoesFullScreen() throws Exception {
        awaitCharted();
        type("?");
        assertTrue(Fx.call(() -> window.keys().cheatSheetShowing()));
        press(KeyCode.T, false);
        assertFalse(Fx.call(() -> window.keys().cheatSheetShowing()), "any key closes the sheet");
        assertEquals("light", Fx.call(() -> vm.themeProperty().get()), "and does nothing else");
        press(KeyCode.F11, false);
        assertTrue(Fx.call(() -> stage.isFullScreen()));
        press(KeyCode.F11, false);
        assertFalse(Fx.call(() -> stage.isFullScreen()));
    }
}
