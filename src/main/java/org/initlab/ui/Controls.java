package org.initlab.ui;

import javafx.beans.property.IntegerProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;

/** Small control factories shared by the window's views. */
final class Controls {
    private Controls() {}

    /** A button with an id (for tests and CSS), a tooltip and an action. */
    static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Keeps an integer spinner and a property equal, whichever changes. */
    static void sync(Spinner<Integer> s, IntegerProperty p) {
        s.valueProperty().addListener((o, was, now) -> { if (now != null) p.set(now); });
        p.addListener((o, was, now) -> s.getValueFactory().setValue(now.intValue()));
    }
}
