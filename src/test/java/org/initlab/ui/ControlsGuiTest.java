package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Popup;
import javafx.stage.Window;
import org.controlsfx.control.decoration.Decorator;
import org.initlab.nn.LayerSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The window's ControlsFX controls, driven as a user would (TestFX's robot: clicks and keys on the headless screen). */
class ControlsGuiTest extends WindowTestBase {
    final FxRobot robot = new FxRobot();
    @TempDir Path session;
    @Override Path sessionDir() { return session; }

    @Test
    void themeButtonsKeepExactlyOneThemeOn() throws Exception {
        robot.clickOn("#themeDark");
        assertEquals("dark", Fx.call(() -> vm.themeProperty().get()));
        robot.clickOn("#themeDark");
        assertEquals("dark", Fx.call(() -> vm.themeProperty().get()), "clicking the chosen theme keeps it");
        robot.clickOn("#projector");
        assertEquals("projector", Fx.call(() -> vm.themeProperty().get()));
        Fx.run(() -> vm.themeProperty().set("light"));
        assertTrue(Fx.call(() -> robot.lookup("#themeLight").queryAs(javafx.scene.control.ToggleButton.class).isSelected()));
    }

    @Test
    void aFieldThatIsNoNumberIsMarkedWithTheReasonAndNotApplied() throws Exception {
        TextField out = robot.lookup("#layer0-out").queryAs(TextField.class);
        robot.doubleClickOn(out).write("8x").type(KeyCode.ENTER);
        Fx.waitFor("a decoration on the field", 5, () -> marked(out));
        assertEquals(8, Fx.call(() -> ((LayerSpec.Conv2d) vm.layers().get(0)).out()), "the model keeps its value");

        robot.doubleClickOn(out).write("12").type(KeyCode.ENTER);
        Fx.waitFor("the new value in the model", 5, () -> ((LayerSpec.Conv2d) vm.layers().get(0)).out() == 12);
        TextField rebuilt = robot.lookup("#layer0-out").queryAs(TextField.class);
        assertFalse(Fx.call(() -> marked(rebuilt)), "a valid field carries no mark");
    }

    private static boolean marked(TextField field) {
        var d = Decorator.getDecorations(field); // null when the field never had one
        return d != null && !d.isEmpty();
    }

    @Test
    void aRefusedMlpDepthIsMarkedAtItsField() throws Exception {
        TextField depth = robot.lookup("#mlpDepth").queryAs(TextField.class);
        String before = Fx.call(() -> vm.modelNameProperty().get());
        robot.doubleClickOn(depth).write("ten");
        robot.clickOn("#mlpBuild");
        Fx.waitFor("a mark on the depth field", 5, () -> marked(depth));
        assertEquals(before, Fx.call(() -> vm.modelNameProperty().get()), "nothing is built");

        robot.doubleClickOn(depth).write("3");
        robot.clickOn("#mlpBuild");
        Fx.waitFor("the MLP built", 5, () -> "mlp-tanh-3x500".equals(vm.modelNameProperty().get()));
        assertFalse(Fx.call(() -> marked(depth)), "the mark goes with the problem");
    }

    @Test
    void savingAnExperimentIsAnnouncedInTheCorner() throws Exception {
        Fx.run(() -> window.showTab("training"));
        Path file = session.resolve("mine.json");
        assertTrue(Fx.call(() -> window.training().save(file)));
        Fx.waitFor("a notification", 5, this::notificationShown);
    }

    @Test
    void savingTheChartsIsAnnouncedInTheCorner() throws Exception {
        Fx.waitFor("the first charts", 60, () -> vm.chartedProperty().get() != null);
        Fx.run(() -> window.setExportDir(session));
        assertTrue(Fx.saved(() -> window.exports().save("png")) != null);
        Fx.waitFor("a notification", 5, this::notificationShown);
    }

    /** A ControlsFX notification over this test's window (not one left by an earlier test). */
    private boolean notificationShown() {
        return Window.getWindows().stream().anyMatch(w -> w instanceof Popup && w.isShowing() && ((Popup) w).getOwnerWindow() == stage
            && ((Popup) w).getContent().stream().anyMatch(n -> n.lookup(".notification-bar") != null || n.getStyleClass().contains("notification-bar")));
    }
}
