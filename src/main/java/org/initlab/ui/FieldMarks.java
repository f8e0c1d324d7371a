package org.initlab.ui;

import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * A refused value marked at its field the way ValidationSupport marks one (ControlsFX's sign at the
 * corner, the reason on hover), for fields checked when the value is sent rather than while typing.
 */
final class FieldMarks {
    private static final GraphicValidationDecoration LOOK = new GraphicValidationDecoration();

    private FieldMarks() {}

    static void mark(Control field, String reason) {
        LOOK.removeDecorations(field);
        LOOK.applyValidationDecoration(ValidationMessage.error(field, reason));
    }

    static void clear(Control field) {
        LOOK.removeDecorations(field);
    }
}
