package org.initlab.ui;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.function.DoublePredicate;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.TextField;

/** A text field for one number, committed on Enter or when focus leaves; what is refused is marked at the field with the reason ({@link FieldMarks}) and not sent. */
final class NumberField {
    private NumberField() {}

    /** A field showing {@code p} and setting it to what the user types, when that is a finite number ≥ 0. */
    static TextField bound(DoubleProperty p, String id) {
        TextField t = of(text(p.get()), v -> p.set(v), v -> v >= 0);
        t.setId(id);
        p.addListener((o, was, now) -> {
            if (!t.isFocused()) t.setText(text(now.doubleValue()));
        });
        return t;
    }

    /** Where a refusal is shown: at the field ({@link FieldMarks}), or elsewhere (a pop-over's own line). */
    interface Marks {
        void mark(TextField t, String reason);

        void clear(TextField t);
    }

    private static final Marks AT_FIELD = new Marks() {
        @Override public void mark(TextField t, String reason) { FieldMarks.mark(t, reason); }
        @Override public void clear(TextField t) { FieldMarks.clear(t); }
    };

    /** @param accept whether the number may be sent; {@code set} may still refuse it by throwing IllegalArgumentException */
    static TextField of(String initial, DoubleConsumer set, DoublePredicate accept) {
        return of(initial, set, accept, AT_FIELD);
    }

    static TextField of(String initial, DoubleConsumer set, DoublePredicate accept, Marks marks) {
        TextField t = new TextField(initial);
        t.setPrefColumnCount(4);
        t.getStyleClass().add("field");
        Runnable commit = () -> {
            marks.clear(t);
            try {
                double v = Double.parseDouble(t.getText().strip());
                if (!Double.isFinite(v) || !accept.test(v)) throw new IllegalArgumentException("out of range: " + t.getText().strip());
                set.accept(v);
            } catch (NumberFormatException e) {
                marks.mark(t, "not a number: '" + t.getText().strip() + "'");
            } catch (IllegalArgumentException e) {
                marks.mark(t, e.getMessage() == null ? "out of range: " + t.getText().strip() : e.getMessage());
            }
        };
        t.setOnAction(e -> commit.run());
        t.focusedProperty().addListener((o, was, now) -> {
            if (!now) commit.run();
        });
        return t;
    }

    static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
