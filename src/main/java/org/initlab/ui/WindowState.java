package org.initlab.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.initlab.AppFolders;
import org.initlab.AppLog;
import org.initlab.init.InitSpec;
import org.initlab.nn.ModelSpec;

/**
 * What the window remembers between runs, in {@code window.json} in the user's data folder: its place
 * and size, the theme and the last model. An unreadable file is logged and ignored (the window opens
 * as on a first run); a place off every screen (a projector unplugged since) is not restored.
 */
record WindowState(double x, double y, double width, double height, boolean maximized, String theme, ModelSpec model) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Path file() {
        return AppFolders.windowState();
    }

    /** The remembered state, or null on a first run or when the file cannot be read. */
    static WindowState load(Path file) {
        if (!Files.exists(file)) return null;
        try {
            WindowState s = JSON.readValue(file.toFile(), WindowState.class);
            if (s.theme != null) Themes.check(s.theme);
            return s;
        } catch (IOException | RuntimeException e) {
            AppLog.error(file + ": window state not restored", e);
            return null;
        }
    }

    /** Now: the stage's place and size (before full screen or maximising), the theme and the model. */
    static WindowState of(Stage stage, LabViewModel vm, WindowState before) {
        boolean normal = !stage.isFullScreen() && !stage.isMaximized();
        return new WindowState(normal || before == null ? stage.getX() : before.x, normal || before == null ? stage.getY() : before.y,
            normal || before == null ? stage.getWidth() : before.width, normal || before == null ? stage.getHeight() : before.height,
            stage.isMaximized(), vm.themeProperty().get(), vm.modelSpec());
    }

    void save(Path file) {
        try {
            org.initlab.AtomicFile.write(file, JSON.writeValueAsBytes(this)); // a crash mid-write must not leave a state the next start cannot read
        } catch (IOException e) {
            AppLog.error(file + ": window state not saved", e);
        }
    }

    /** The model, before the engine starts (its first answer is for it). */
    void applyModel(LabViewModel vm) {
        if (model != null) {
            InitSpec init = vm.initSpec();
            try {
                model.shapes();
                vm.applyModel(model, init);
            } catch (RuntimeException e) {
                AppLog.error("the remembered model was not restored", e);
            }
        }
    }

    /** The place and size, where they still lie on a screen. */
    void applyTo(Stage stage) {
        if (width < 200 || height < 150) return;
        if (Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty()) return;
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setMaximized(maximized);
    }
}
