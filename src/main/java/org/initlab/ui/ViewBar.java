package org.initlab.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;

/**
 * The Layer stats tab's own bar: which view (charts, histograms, a landscape), the histograms'
 * quantity, how many seeds the charts average, and the pins, each with its line style, label and ×.
 */
final class ViewBar extends VBox {
    ViewBar(LabViewModel vm) {
        super(4);
        ViewsModel views = vm.views();
        getStyleClass().add("view-bar");
        setAlignment(Pos.CENTER_LEFT);
        ToggleGroup group = new ToggleGroup();
        HBox viewButtons = new HBox(0);
        for (ViewsModel.View v : ViewsModel.View.values()) {
            ToggleButton b = new ToggleButton(switch (v) {
                case CHARTS -> "Charts";
                case HISTOGRAMS -> "Histograms";
                case LANDSCAPE -> "a landscape";
            });
            b.setId("view" + v.name().charAt(0) + v.name().substring(1).toLowerCase());
            b.setToggleGroup(group);
            b.setUserData(v);
            b.setSelected(views.viewProperty().get() == v);
            viewButtons.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) was.setSelected(true); // one view is always shown
            else views.viewProperty().set((ViewsModel.View) now.getUserData());
        });
        views.viewProperty().addListener((o, was, now) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == now)));

        ChoiceBox<ViewsModel.HistogramKind> kind = new ChoiceBox<>();
        kind.setId("histogramKind");
        kind.getItems().addAll(ViewsModel.HistogramKind.values());
        kind.valueProperty().bindBidirectional(views.histogramKindProperty());
        kind.setConverter(new StringConverter<>() {
            @Override public String toString(ViewsModel.HistogramKind k) { return k == ViewsModel.HistogramKind.GRADIENTS ? "output gradients" : "activations"; }
            @Override public ViewsModel.HistogramKind fromString(String s) { return null; }
        });
        kind.visibleProperty().bind(views.viewProperty().isEqualTo(ViewsModel.View.HISTOGRAMS));
        kind.managedProperty().bind(kind.visibleProperty());

        Spinner<Integer> seeds = new Spinner<>(1, ViewsModel.MAX_SEEDS, views.seedsProperty().get(), 1);
        seeds.setId("seedCount");
        seeds.setEditable(true);
        seeds.setPrefWidth(90);
        seeds.setTooltip(new Tooltip("1: the current seed. More: the charts show the mean over that many fresh inits and a band of ±1 std across them"));
        Controls.sync(seeds, views.seedsProperty());
        Label seedsLabel = new Label("average over seeds");
        Label pending = new Label();
        pending.setId("bandPending");
        pending.getStyleClass().add("status-detail");
        pending.textProperty().bind(Bindings.when(views.bandPendingProperty())
            .then(Bindings.concat("averaging ", views.seedsProperty().asString(), " seeds…")).otherwise(""));

        Label problem = new Label();
        problem.setId("viewsProblem");
        problem.getStyleClass().add("status-detail");
        problem.textProperty().bind(views.problemProperty());
        FlowPane pinBox = new FlowPane(8, 4); // the pins on their own rows, wrapping: the controls keep their width
        pinBox.setId("pins");
        pinBox.setMinWidth(0);
        pinBox.setPrefWrapLength(400);
        pinBox.visibleProperty().bind(Bindings.isNotEmpty(vm.pins()));
        pinBox.managedProperty().bind(pinBox.visibleProperty());
        vm.pins().addListener((ListChangeListener<Pins.Pin>) c -> fillPins(pinBox, vm));
        HBox controls = new HBox(10, LessonBar.menu(vm.lessons()), viewButtons, kind, seedsLabel, seeds, pending, problem);
        controls.setAlignment(Pos.CENTER_LEFT);
        for (Node n : List.of(viewButtons, kind, seedsLabel, seeds)) ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        controls.setMinWidth(0); // on a narrow window (projector fonts at 1280 px) the bar's last controls are cut, not the charts below it
        setMinWidth(0);
        getChildren().addAll(controls, pinBox);
    }

    private static void fillPins(FlowPane box, LabViewModel vm) {
        box.getChildren().clear();
        for (int i = 0; i < vm.pins().size(); i++) {
            Pins.Pin p = vm.pins().get(i);
            PlotOverlays.PinStyle s = PlotOverlays.PIN_STYLES.get(p.style());
            Line sample = new Line(0, 0, 28, 0);
            sample.getStyleClass().addAll("pin-swatch", "pin-swatch" + p.style()); // the theme's pin colour, as in the charts
            sample.setStrokeWidth(3);
            for (double d : s.dashes()) sample.getStrokeDashArray().add(Math.max(1, d * 3));
            Label label = new Label(p.label(), sample);
            label.getStyleClass().add("pin-label");
            int at = i;
            Button x = Controls.button("×", "unpin" + i, "Unpin " + p.label(), () -> vm.pinSet().unpin(at));
            x.getStyleClass().add("pin-remove");
            box.getChildren().add(new HBox(2, label, x));
        }
    }
}
