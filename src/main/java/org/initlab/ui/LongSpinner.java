package org.initlab.ui;

import javafx.beans.property.LongProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/** An editable spinner over every long (a seed), kept equal to a property: JavaFX's integer spinner would cut a long seed to an int. */
final class LongSpinner extends SpinnerValueFactory<Long> {
    private LongSpinner(long value) {
        setValue(value);
        setConverter(new StringConverter<>() {
            @Override public String toString(Long v) { return v == null ? "" : v.toString(); }
            @Override public Long fromString(String s) {
                try {
                    return Long.parseLong(s.strip());
                } catch (NumberFormatException e) {
                    return getValue(); // not a number: the field shows the seed it had
                }
            }
        });
    }

    static Spinner<Long> of(String id, LongProperty p) {
        Spinner<Long> s = new Spinner<>(new LongSpinner(p.get()));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(100);
        s.valueProperty().addListener((o, was, now) -> { if (now != null) p.set(now); });
        p.addListener((o, was, now) -> s.getValueFactory().setValue(now.longValue()));
        return s;
    }

    @Override
    public void decrement(int steps) {
        long v = getValue();
        setValue(v - steps > v ? Long.MIN_VALUE : v - steps);
    }

    @Override
    public void increment(int steps) {
        long v = getValue();
        setValue(v + steps < v ? Long.MAX_VALUE : v + steps);
    }
}
