package org.initlab.ui;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Stage;
import org.initlab.init.Scheme;

/**
 * Presenter mode, the keyboard instead of the mouse: F11 full screen; ←/→ move a by 0.05 (Shift: 0.01);
 * Home/End jump to 0 and √5; 1–9 pick a scheme; P pins, U unpins; S saves the charts; T cycles the
 * themes; {@code ?} shows the cheat sheet. While a text field has the focus, its keys are its own.
 */
final class PresenterKeys {
    static final double STEP = 0.05, FINE_STEP = 0.01;

    /** A key and what it does, as the cheat sheet lists them. */
    record Binding(String keys, String action) {}

    static final List<Binding> CHEAT_SHEET = List.of(
        new Binding("F11", "full screen on / off"),
        new Binding("← →", "move a by 0.05"),
        new Binding("Shift + ← →", "move a by 0.01"),
        new Binding("Home / End", "a = 0 (ReLU) / a = √5 (PyTorch's default)"),
        new Binding("1 – 9", "pick a scheme: " + schemeList()),
        new Binding("P / U", "pin the current run (up to " + Pins.MAX + ") / unpin the newest pin"),
        new Binding("L", "open the lessons"),
        new Binding("S", "save the charts (Save menu's PNG scale)"),
        new Binding("T", "next theme: " + String.join(" → ", Themes.NAMES)),
        new Binding("?", "this sheet (any key closes it)"));

    private final LabViewModel vm;
    private final LabWindow window;
    private final Popup sheet = new Popup();
    private boolean saveHeld; // S saves once a press: a held key repeats, and each repeat would draw another full-size image

    private PresenterKeys(LabWindow window) {
        this.window = window;
        this.vm = window.viewModel();
        sheet.setAutoHide(true);
        sheet.getContent().add(sheetContent());
    }

    /** Listens on the window's scene, before its controls (a focused slider or combo box would take the arrows). */
    static PresenterKeys install(LabWindow window) {
        PresenterKeys k = new PresenterKeys(window);
        Scene scene = window.scene();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, k::pressed);
        scene.addEventFilter(KeyEvent.KEY_TYPED, k::typed);
        // a slider jumps to its ends on the release of Home/End: the release of a key handled here goes no further
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.S) k.saveHeld = false;
            if (e.getCode() == KeyCode.F11 || !k.typing() && k.digit(e.getCode()) > 0 || !k.typing() && k.plainKey(e.getCode())) e.consume();
        });
        return k;
    }

    boolean cheatSheetShowing() {
        return sheet.isShowing();
    }

    private void pressed(KeyEvent e) {
        if (sheet.isShowing() && e.getCode() != KeyCode.SHIFT) {
            sheet.hide();
            e.consume();
            return;
        }
        if (e.getCode() == KeyCode.F11) {
            toggleFullScreen();
            e.consume();
            return;
        }
        if (typing() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) return;
        if (act(e.getCode(), e.isShiftDown())) e.consume();
    }

    private void typed(KeyEvent e) {
        if ("?".equals(e.getCharacter()) && !typing()) {
            showCheatSheet();
            e.consume();
        }
    }

    /** Does what the key stands for; false for a key that is not one of presenter mode's. */
    boolean act(KeyCode code, boolean shift) {
        double step = shift ? FINE_STEP : STEP;
        switch (code) {
            case LEFT, KP_LEFT -> moveA(-step);
            case RIGHT, KP_RIGHT -> moveA(step);
            case HOME -> vm.aProperty().set(0);
            case END -> vm.aProperty().set(LabViewModel.SQRT5);
            case P -> vm.pin();
            case U -> vm.unpin();
            case L -> vm.showLessons();
            case S -> {
                if (!saveHeld) window.exportPng();
                saveHeld = true;
            }
            case T -> vm.themeProperty().set(Themes.NAMES.get((Themes.NAMES.indexOf(vm.themeProperty().get()) + 1) % Themes.NAMES.size()));
            default -> {
                int digit = digit(code);
                if (digit < 1) return false;
                vm.schemeProperty().set(Scheme.values()[digit - 1]);
            }
        }
        return true;
    }

    /** The keys {@link #act} handles besides the digits. */
    private boolean plainKey(KeyCode code) {
        return switch (code) {
            case LEFT, KP_LEFT, RIGHT, KP_RIGHT, HOME, END, P, U, L, S, T -> true;
            default -> false;
        };
    }

    /** 1–9 from the top row or the keypad, where a scheme has that number; else -1. */
    private int digit(KeyCode code) {
        int digit = -1;
        if (code.isDigitKey() && code.getName().matches("(Numpad )?[1-9]")) digit = code.getName().charAt(code.getName().length() - 1) - '0';
        return digit <= Scheme.values().length ? digit : -1;
    }

    /** a moves on the grid of its step (2.236 → 2.25, not 2.286), within the slider's range. */
    private void moveA(double by) {
        double a = vm.aProperty().get(), grid = Math.abs(by);
        double next = by > 0 ? Math.floor(a / grid + 1e-9) * grid + grid : Math.ceil(a / grid - 1e-9) * grid - grid;
        vm.aProperty().set(Math.max(0, Math.min(InitPickerView.A_MAX, Math.round(next / grid) * grid)));
    }

    private boolean typing() {
        Node focus = window.scene().getFocusOwner();
        return focus instanceof TextInputControl;
    }

    void toggleFullScreen() {
        if (window.scene().getWindow() instanceof Stage stage) {
            stage.setFullScreenExitHint("F11 or Esc: leave full screen · ?: keys");
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    void showCheatSheet() {
        var owner = window.scene().getWindow();
        if (owner == null || sheet.isShowing()) return;
        VBox content = (VBox) sheet.getContent().get(0);
        content.getStylesheets().setAll(window.scene().getStylesheets());
        content.getStyleClass().setAll("root", "cheat-sheet", vm.themeProperty().get()); // the theme's .root: its type size and colours
        sheet.show(owner);
        sheet.setX(owner.getX() + (owner.getWidth() - content.prefWidth(-1)) / 2);
        sheet.setY(owner.getY() + (owner.getHeight() - content.prefHeight(-1)) / 2);
    }

    private static VBox sheetContent() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("cheat-sheet-keys");
        for (int i = 0; i < CHEAT_SHEET.size(); i++) {
            Label key = new Label(CHEAT_SHEET.get(i).keys());
            key.getStyleClass().add("cheat-sheet-key");
            Label action = new Label(CHEAT_SHEET.get(i).action());
            action.setWrapText(true);
            action.setMaxWidth(560);
            grid.addRow(i, key, action);
        }
        Label title = new Label("Keys");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(10, title, grid);
        box.setId("cheatSheet");
        return box;
    }

    private static String schemeList() {
        StringBuilder b = new StringBuilder();
        Scheme[] s = Scheme.values();
        for (int i = 0; i < Math.min(9, s.length); i++) b.append(i == 0 ? "" : ", ").append(i + 1).append(' ').append(s[i].id().toLowerCase(Locale.ROOT));
        return b.toString();
    }
}
