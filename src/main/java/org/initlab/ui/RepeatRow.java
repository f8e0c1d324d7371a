package org.initlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.initlab.nn.LayerSpec;

/**
 * Depth at a drag: layers {@code from … to} of the model as it was when the slider was first moved,
 * repeated × N as the slider moves ("what happens at depth 50?" is one drag); the rest of the model
 * stays before and after the block. Editing the model another way starts from the new model.
 */
final class RepeatRow extends HBox {
    static final int MAX_TIMES = 50;

    private final LabViewModel vm;
    /** The model the block was taken from; null until the slider moves after another edit. */
    private List<LayerSpec> base;
    private boolean applying;

    RepeatRow(LabViewModel vm) {
        super(6);
        this.vm = vm;
        getStyleClass().add("repeat-row");
        setAlignment(Pos.CENTER_LEFT);
        Spinner<Integer> from = new Spinner<>(0, 999, 0), to = new Spinner<>(0, 999, 1);
        from.setId("repeatFrom");
        to.setId("repeatTo");
        for (Spinner<Integer> s : List.of(from, to)) {
            s.setEditable(true);
            s.setPrefWidth(84);
            s.valueProperty().addListener(o -> base = null);
        }
        Slider times = new Slider(1, MAX_TIMES, 1);
        times.setId("repeatTimes");
        times.setMajorTickUnit(10);
        times.setSnapToTicks(false);
        times.setTooltip(new Tooltip("Repeat layers from … to (inclusive) this many times: drag for depth"));
        HBox.setHgrow(times, Priority.ALWAYS);
        Label n = new Label("× 1");
        n.setId("repeatCount");
        n.setMinWidth(44);
        times.valueProperty().addListener((o, was, now) -> {
            int k = (int) Math.round(now.doubleValue());
            n.setText("× " + k);
            repeat(from.getValue(), to.getValue(), k);
        });
        vm.layers().addListener((ListChangeListener<LayerSpec>) c -> {
            if (applying) return;
            base = null;
            times.setValue(1);
        });
        Label label = new Label("repeat");
        label.setMinWidth(Region.USE_PREF_SIZE); // the slider gives way, not the word that says what the row does
        getChildren().addAll(label, from, new Label("–"), to, times, n);
    }

    /** The model as taken, with its layers from … to (inclusive) repeated {@code times} times; false if the range is not in it. */
    boolean repeat(int from, int to, int times) {
        if (base == null) base = List.copyOf(vm.layers());
        if (from < 0 || to < from || to >= base.size() || times < 1) return false;
        List<LayerSpec> next = new ArrayList<>(base.subList(0, from));
        for (int k = 0; k < times; k++) next.addAll(base.subList(from, to + 1));
        next.addAll(base.subList(to + 1, base.size()));
        applying = true;
        try {
            vm.layers().setAll(next);
        } finally {
            applying = false;
        }
        return true;
    }
}
