package org.initlab.ui;

import java.util.Arrays;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.initlab.init.InitSpec;
import org.initlab.init.Nonlinearity;
import org.initlab.init.Scheme;
import org.initlab.nn.LayerSpec;

/**
 * The init selector of one Conv2d or Linear row: "model's init", or a scheme of its own with that
 * scheme's parameters (nonlinearity, a, std, bound, gain) beside it.
 */
final class LayerInitRow extends FlowPane {
    static final String MODELS_INIT = "model's init";

    LayerInitRow(LabViewModel vm, int i, LayerSpec layer) {
        super(6, 2);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("layer-init");
        InitSpec own = layer.init();
        ComboBox<String> scheme = new ComboBox<>();
        scheme.setId("layer" + i + "-init");
        scheme.getItems().add(MODELS_INIT);
        // LSUV calibrates the whole model in order: it is not a choice for one layer
        Arrays.stream(Scheme.values()).filter(s -> s != Scheme.LSUV).forEach(s -> scheme.getItems().add(s.id()));
        scheme.setValue(own == null ? MODELS_INIT : own.scheme().id());
        scheme.setTooltip(new Tooltip("This layer's own init; the formula box and the theory line follow it"));
        scheme.setOnAction(e -> {
            String v = scheme.getValue();
            if (v == null || v.equals(own == null ? MODELS_INIT : own.scheme().id())) return;
            vm.setLayerInit(i, () -> v.equals(MODELS_INIT) ? null : fresh(Scheme.parse(v), vm, i));
        });
        Label name = new Label("init");
        name.getStyleClass().add("field-name");
        getChildren().addAll(name, scheme);
        if (own == null) return;

        Scheme s = own.scheme();
        if (s.usesNonlinearity()) {
            ComboBox<Nonlinearity> n = InitPickerView.nonlinearityBox();
            n.setId("layer" + i + "-nonlinearity");
            n.setValue(own.nonlinearity());
            n.setOnAction(e -> vm.setLayerInit(i, () -> own.withNonlinearity(n.getValue())));
            getChildren().add(n);
        }
        if (own.usesA()) field(vm, i, "a", own.a(), v -> own.withA(v));
        if (s.usesStd()) field(vm, i, "std", own.std(), v -> with(own, v, own.bound()));
        if (s.usesBound()) field(vm, i, "bound", own.bound(), v -> with(own, own.std(), v));
        if (own.usesGain())
            field(vm, i, "gain", own.gain(), v -> new InitSpec(s, own.a(), own.mode(), own.bias(), v, null, own.std(), own.bound()));
    }

    /** A new own init for layer i: its scheme with the nonlinearity of the activation after it, when that is obvious. */
    private static InitSpec fresh(Scheme s, LabViewModel vm, int i) {
        return InitSpec.of(s).withNonlinearity(Nonlinearity.preset(s, vm.layers(), i));
    }

    private static InitSpec with(InitSpec o, double std, double bound) {
        return new InitSpec(o.scheme(), o.a(), o.mode(), o.bias(), o.gain(), o.nonlinearity(), std, bound);
    }

    private void field(LabViewModel vm, int i, String name, double value, java.util.function.DoubleFunction<InitSpec> next) {
        Label l = new Label(name);
        l.getStyleClass().add("field-name");
        TextField t = NumberField.of(NumberField.text(value), v -> {
            if (!vm.setLayerInit(i, () -> next.apply(v))) throw new IllegalArgumentException(name);
        }, v -> true);
        t.setId("layer" + i + "-init-" + name);
        getChildren().addAll(l, t);
    }
}
