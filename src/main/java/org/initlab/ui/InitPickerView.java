package org.initlab.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.initlab.init.InitSpec;
import org.initlab.init.Nonlinearity;
import org.initlab.init.Scheme;
import org.initlab.init.Theory;
import org.initlab.init.WeightFormula;

/** Scheme, nonlinearity, fan mode, bias, std and bound, the leaky gain slider with its two landmarks, and the live formula. */
public final class InitPickerView extends VBox {
    static final double A_MAX = 3;

    public InitPickerView(LabViewModel vm) {
        getStyleClass().add("init-picker");
        InitFields uses = new InitFields(vm);
        Label title = new Label("Initialization");
        title.getStyleClass().add("section-title");

        ComboBox<Scheme> scheme = new ComboBox<>();
        scheme.setId("scheme");
        scheme.getItems().addAll(Scheme.values());
        scheme.valueProperty().bindBidirectional(vm.schemeProperty());
        scheme.setConverter(converter(Scheme::id));
        scheme.getStyleClass().add("scheme-box");

        ComboBox<InitSpec.Mode> mode = new ComboBox<>();
        mode.setId("mode");
        mode.getItems().addAll(InitSpec.Mode.values());
        mode.setConverter(converter(InitSpec.Mode::id));
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        mode.getStyleClass().add("mode-box");
        mode.disableProperty().bind(uses.mode.not());

        ComboBox<InitSpec.Bias> bias = new ComboBox<>();
        bias.setId("bias");
        bias.getItems().addAll(InitSpec.Bias.values());
        bias.setConverter(converter(b -> b == InitSpec.Bias.DEFAULT ? "U(±1/√fan_in)" : "zero"));
        bias.valueProperty().bindBidirectional(vm.biasProperty());
        bias.getStyleClass().add("bias-box");

        ComboBox<Nonlinearity> nonlinearity = nonlinearityBox();
        nonlinearity.setId("nonlinearity");
        nonlinearity.valueProperty().bindBidirectional(vm.nonlinearityProperty());
        nonlinearity.disableProperty().bind(uses.nonlinearity.not());
        nonlinearity.setTooltip(new Tooltip("PyTorch's calculate_gain: kaiming-* take it as nonlinearity=, xavier-* and orthogonal as their gain"));

        TextField std = NumberField.bound(vm.stdProperty(), "std");
        std.disableProperty().bind(uses.std.not());
        TextField bound = NumberField.bound(vm.boundProperty(), "bound");
        bound.disableProperty().bind(uses.bound.not());

        javafx.scene.layout.FlowPane pickers = new javafx.scene.layout.FlowPane(8, 4, labelled("scheme", scheme), labelled("nonlinearity", nonlinearity),
            labelled("mode", mode), labelled("bias", bias), labelled("std", std), labelled("bound", bound));
        pickers.setAlignment(Pos.BOTTOM_LEFT);

        Slider slider = new Slider(0, A_MAX, vm.aProperty().get());
        slider.setId("aSlider");
        slider.getStyleClass().add("a-slider");
        slider.setMajorTickUnit(0.5);
        slider.setBlockIncrement(0.05); // arrow keys: small steps
        slider.setMinorTickCount(4);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        // a beyond the track widens it first (listeners run in order): a Slider clamps its value, and the binding would carry the clamp back
        vm.aProperty().addListener((o, was, now) -> { if (now.doubleValue() > slider.getMax()) slider.setMax(now.doubleValue()); });
        slider.setMax(Math.max(A_MAX, vm.aProperty().get()));
        slider.valueProperty().bindBidirectional(vm.aProperty());
        slider.disableProperty().bind(uses.a.not());
        slider.setTooltip(new Tooltip("Kaiming's leaky gain a, gain(a) = √(2/(1+a²)), and the slope of nonlinearity leaky_relu"));
        Label aValue = new Label();
        aValue.setId("aValue");
        aValue.getStyleClass().add("a-value");
        // Locale.US, not ROOT: for any other locale Formatter builds a DecimalFormatSymbols per call, and this runs on every move
        aValue.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.US, "a = %.3f", vm.aProperty().get()), vm.aProperty()));

        Pane markers = new Pane();
        markers.getStyleClass().add("a-markers");
        Button relu = marker("0 · Kaiming ReLU", 0, slider, markers, () -> vm.aProperty().set(0));
        relu.setId("markerRelu");
        Button torch = marker("√5 · PyTorch", LabViewModel.SQRT5, slider, markers, () -> vm.aProperty().set(LabViewModel.SQRT5));
        torch.setId("markerSqrt5");
        markers.disableProperty().bind(slider.disableProperty());
        HBox aHeader = new HBox(10, new Label("leaky gain a"), aValue);
        aHeader.disableProperty().bind(slider.disableProperty()); // dimmed with the slider: an a the weights do not see
        VBox sliderBox = new VBox(0, aHeader, slider, markers);

        Label formula = new Label();
        formula.setId("formula");
        formula.getStyleClass().add("formula");
        formula.setWrapText(true);
        Label numbers = new Label();
        numbers.setId("formulaNumbers");
        numbers.getStyleClass().add("formula-numbers");
        numbers.setWrapText(true);
        Label layer = new Label();
        layer.getStyleClass().add("formula-layer");
        Label assumption = new Label();
        assumption.setId("theoryAssumption");
        assumption.getStyleClass().add("formula-layer");
        assumption.setWrapText(true);
        Runnable showFormula = () -> {
            WeightFormula f = vm.formulaProperty().get();
            layer.setText(f == null ? "no weight layer" : "layer " + f.layer() + ": " + f.layerName());
            formula.setText(f == null ? "" : f.formula());
            numbers.setText(f == null ? "" : f.numbers());
            assumption.setText(f == null ? "" : Theory.assumption(vm.modelSpec(), f.layer()));
        };
        vm.formulaProperty().addListener(o -> showFormula.run());
        showFormula.run();
        VBox formulaBox = new VBox(2, layer, formula, numbers, assumption);
        formulaBox.getStyleClass().add("formula-box");

        getChildren().addAll(title, pickers, sliderBox, formulaBox);
        setMinHeight(USE_PREF_SIZE); // the formula wraps instead of being cut when the layer list is long
    }

    /** A small button under the slider at the position of value v, that snaps a there. */
    private static Button marker(String text, double v, Slider slider, Pane pane, Runnable action) {
        Button b = new Button("▲ " + text);
        b.getStyleClass().add("a-marker");
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        // the track starts about half a thumb in from the slider's edges
        double inset = 8;
        b.layoutXProperty().bind(Bindings.createDoubleBinding(() -> {
            double x = inset + (slider.getWidth() - 2 * inset) * v / A_MAX - 9;
            return Math.max(0, Math.min(x, slider.getWidth() - b.getWidth()));
        }, slider.widthProperty(), b.widthProperty()));
        pane.getChildren().add(b);
        return b;
    }

    /** The nonlinearities, and none: Kaiming's leaky gain a, or the explicit gain. */
    static ComboBox<Nonlinearity> nonlinearityBox() {
        ComboBox<Nonlinearity> box = new ComboBox<>();
        box.getItems().add(null);
        box.getItems().addAll(Nonlinearity.values());
        box.setConverter(converter(Nonlinearity::id));
        box.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Nonlinearity n, boolean empty) {
                super.updateItem(n, empty);
                setText(n == null ? "— (a / gain)" : n.id());
            }
        });
        box.getStyleClass().add("nonlinearity-box");
        return box;
    }

    static VBox labelled(String text, javafx.scene.Node n) {
        Label l = new Label(text);
        l.getStyleClass().add("field-name");
        return new VBox(2, l, n);
    }

    static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : f.apply(t); }
            @Override public T fromString(String s) { throw new UnsupportedOperationException(); }
        };
    }
}
