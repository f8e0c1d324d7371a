package org.initlab.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.initlab.nn.Models;

/** The model as an ordered list of layers: preset, add, remove, reorder, edit; output shape beside each. */
public final class LayerBuilderView extends VBox {
    private final LabViewModel vm;
    private final VBox list = new VBox();
    // made anew with the rows, so no validator outlives its field
    private ValidationSupport validation = new ValidationSupport();

    public LayerBuilderView(LabViewModel vm) {
        this.vm = vm;
        getStyleClass().add("layer-builder");
        Label title = new Label("Model");
        title.getStyleClass().add("section-title");

        ComboBox<String> preset = new ComboBox<>();
        preset.setId("preset");
        preset.getItems().addAll(Models.names());
        preset.getItems().add("custom");
        preset.valueProperty().bindBidirectional(vm.modelNameProperty());
        preset.setOnAction(e -> {
            String v = preset.getValue();
            if (v != null && Models.names().contains(v) && !v.equals(currentPresetLoaded)) load(v);
        });
        preset.setTooltip(new Tooltip("Built-in models: seed4 (the 02a notebook's net), conv1, mlp20, cnn, tanh10 (CS231n: 10 × Linear(500) + Tanh)"));
        HBox top = new HBox(8, title, spacer(), new Label("preset"), preset);
        top.setAlignment(Pos.CENTER_LEFT);

        ComboBox<String> type = new ComboBox<>();
        type.setId("addType");
        type.getItems().addAll(LayerForms.TYPES);
        type.setValue("Conv2d");
        Button add = new Button("Add layer");
        add.setId("addLayer");
        add.setOnAction(e -> vm.addLayer(type.getValue()));
        HBox adder = new HBox(8, type, add);
        adder.setAlignment(Pos.CENTER_LEFT);
        adder.getStyleClass().add("layer-adder");

        list.getStyleClass().add("layer-list");
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("layer-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(top, mlpRow(), new RepeatRow(vm), scroll, adder);

        vm.rows().addListener((ListChangeListener<LabViewModel.LayerRow>) c -> rebuild());
        vm.selectedLayerProperty().addListener(o -> rebuild());
        rebuild();
    }

    /** depth × (Linear(width), activation): Models.mlp by its name, e.g. mlp-tanh-10x500. */
    private HBox mlpRow() {
        TextField depth = new TextField("10"), width = new TextField("500");
        depth.setId("mlpDepth");
        width.setId("mlpWidth");
        depth.setPrefColumnCount(3);
        width.setPrefColumnCount(4);
        ComboBox<String> act = new ComboBox<>();
        act.setId("mlpActivation");
        act.getItems().addAll("tanh", "relu", "sigmoid", "gelu", "silu", "selu");
        act.setValue("tanh");
        Button build = new Button("Build");
        build.setId("mlpBuild");
        build.setOnAction(e -> {
            FieldMarks.clear(depth);
            try {
                load("mlp-" + act.getValue() + "-" + Integer.parseInt(depth.getText().strip()) + "x" + Integer.parseInt(width.getText().strip()));
            } catch (NumberFormatException bad) {
                FieldMarks.mark(depth, "depth and width must be whole numbers");
            } catch (IllegalArgumentException bad) { // out of range: Models names the limits
                FieldMarks.mark(depth, bad.getMessage());
            }
        });
        depth.setTooltip(new Tooltip("depth: how many Linear + activation pairs"));
        width.setTooltip(new Tooltip("width: the units of each Linear"));
        Label times = new Label("×");
        times.setMinWidth(Region.USE_PREF_SIZE);
        Label mlp = new Label("MLP");
        mlp.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, mlp, depth, times, width, act, build);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("mlp-row");
        return row;
    }

    private String currentPresetLoaded = "seed4";

    private void load(String name) {
        currentPresetLoaded = name;
        vm.loadPreset(name);
        vm.selectedLayerProperty().set(0);
    }

    private void rebuild() {
        currentPresetLoaded = vm.modelNameProperty().get();
        list.getChildren().clear();
        validation = new ValidationSupport();
        for (LabViewModel.LayerRow r : vm.rows()) list.getChildren().add(row(r));
    }

    private VBox row(LabViewModel.LayerRow r) {
        int i = r.index();
        Label index = new Label(Integer.toString(i));
        index.getStyleClass().add("layer-index");
        Label type = new Label(r.type());
        type.getStyleClass().add("layer-type");
        HBox line = new HBox(6, index, type);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox params = new HBox(6);
        params.setAlignment(Pos.CENTER_LEFT);
        params.getStyleClass().add("layer-params");
        for (LayerForms.Field f : LayerForms.fields(r.spec())) {
            Label name = new Label(f.name());
            name.getStyleClass().add("field-name");
            TextField t = new TextField(f.value());
            t.setId("layer" + i + "-" + f.name());
            t.setPrefColumnCount(3);
            t.getStyleClass().add("field");
            // a value that is no number of the right kind is marked at the field, with the reason, and not applied
            validation.registerValidator(t, false, (Control c, String text) -> {
                String problem = LayerForms.problem(r.spec(), f.name(), text);
                return problem == null ? new ValidationResult() : ValidationResult.fromError(c, problem);
            });
            Runnable commit = () -> {
                if (!t.getText().equals(f.value()) && LayerForms.problem(r.spec(), f.name(), t.getText()) == null)
                    vm.setLayerField(i, f.name(), t.getText());
            };
            t.setOnAction(e -> commit.run());
            t.focusedProperty().addListener((o, was, now) -> {
                if (!now) commit.run();
            });
            params.getChildren().addAll(name, t);
        }
        Label shape = new Label(r.shape().isEmpty() ? "" : "→ " + r.shape());
        shape.setId("shape" + i);
        shape.getStyleClass().add("layer-shape");
        Button up = small("↑", "Move up", () -> vm.moveLayer(i, -1));
        Button down = small("↓", "Move down", () -> vm.moveLayer(i, +1));
        Button remove = small("✕", "Remove this layer", () -> vm.removeLayer(i));
        remove.setId("remove" + i);
        up.setDisable(i == 0);
        down.setDisable(i == vm.rows().size() - 1);
        line.getChildren().addAll(spacer(), shape, up, down, remove);
        VBox box = new VBox(2, line);
        if (!params.getChildren().isEmpty()) box.getChildren().add(params);
        if (LabViewModel.hasWeights(r.spec())) box.getChildren().add(new LayerInitRow(vm, i, r.spec()));
        box.getStyleClass().add("layer-row");
        box.setId("layerRow" + i);
        if (vm.selectedLayerProperty().get() == i) box.getStyleClass().add("selected");
        if (!r.error().isEmpty()) {
            Label err = new Label(r.error());
            err.setId("layerError" + i);
            err.setWrapText(true);
            err.getStyleClass().add("layer-error");
            box.getStyleClass().add("has-error");
            box.getChildren().add(err);
        }
        box.setOnMouseClicked(e -> vm.selectedLayerProperty().set(i));
        return box;
    }

    private static Button small(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("small-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
