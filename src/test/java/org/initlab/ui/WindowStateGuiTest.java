package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's place, size, theme and model survive a restart through window.json. */
class WindowStateGuiTest extends WindowTestBase {
    @Test
    void placeSizeThemeAndModelComeBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("window.json");
        awaitCharted();
        Fx.run(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1100);
            stage.setHeight(760);
            vm.themeProperty().set("projector");
            vm.removeLayer(3);
            WindowState.of(stage, vm, null).save(file);
            // a fresh start: another place, the default model and theme
            stage.setX(200);
            stage.setWidth(900);
            vm.themeProperty().set("light");
            vm.loadPreset("seed4");
        });
        WindowState s = WindowState.load(file);
        assertEquals("projector", s.theme());
        Fx.run(() -> {
            s.applyModel(vm);
            s.applyTo(stage);
        });
        assertEquals(8, Fx.call(() -> vm.layers().size()), "the model without its fourth layer");
        assertEquals(1100, Fx.call(() -> stage.getWidth()), 0.5);
        assertEquals(760, Fx.call(() -> stage.getHeight()), 0.5);
        assertEquals(40, Fx.call(() -> stage.getX()), 0.5);
    }

    @Test
    void anUnreadableFileIsIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("window.json");
        Files.writeString(file, "{\"theme\": \"neon\"}");
        assertNull(WindowState.load(file), "an unknown theme: the window opens as on a first run");
        Files.writeString(file, "not json");
        assertNull(WindowState.load(file));
    }
}
