package org.initlab.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Passing news (saved, restored, a run that diverged) as ControlsFX notifications in the window's
 * corner: seen where the user is looking, gone without a click, never in the way of the charts.
 */
final class Notices {
    private Notices() {}

    /** Something done as asked: a few seconds, then gone. */
    static void note(Node inWindow, String text) {
        show(inWindow, text, false);
    }

    /** Something the user must know even on another tab: longer, with a warning sign. */
    static void alarm(Node inWindow, String text) {
        show(inWindow, text, true);
    }

    private static void show(Node inWindow, String text, boolean alarm) {
        Window w = inWindow.getScene() == null ? null : inWindow.getScene().getWindow();
        if (w == null || !w.isShowing()) return; // not on screen: nothing to point at
        Notifications n = Notifications.create().owner(w).title("InitLab").text(text).position(Pos.BOTTOM_RIGHT)
            .hideAfter(Duration.seconds(alarm ? 10 : 3));
        if (alarm) n.showWarning();
        else n.showInformation();
    }
}
