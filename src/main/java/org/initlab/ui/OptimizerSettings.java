package org.initlab.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoublePredicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.initlab.train.OptimizerSpec.Kind;

/**
 * The optimizer's less common settings in a pop-over from the Training tab's toolbar: momentum (kind
 * momentum), weight decay (every kind), Adam's β1, β2 and eps. A field for a setting the chosen kind
 * does not use is greyed out but keeps its value, as the experiment file does. A value is applied on
 * Enter or when the field loses focus; a refused one is named on the pop-over's last line and not sent.
 */
final class OptimizerSettings {
    private final TrainingViewModel vm;
    private final GridPane grid = new GridPane();
    private final Label problem = new Label();
    private final PopOver pop;
    /** The fields whose text was refused, with why, in the order refused: the line names the oldest still standing. */
    private final Map<TextField, String> refused = new LinkedHashMap<>();
    private int rows;

    private OptimizerSettings(TrainingViewModel vm) {
        this.vm = vm;
        grid.getStyleClass().add("optimizer-settings");
        grid.setHgap(8);
        grid.setVgap(6);
        row("momentum", "trainMomentum", vm.momentumProperty(), "momentum must be in [0, 1), e.g. 0.9", v -> v >= 0 && v < 1, Kind.MOMENTUM);
        row("weight decay", "trainWeightDecay", vm.weightDecayProperty(), "weight decay must be a number ≥ 0, e.g. 1e-4", v -> v >= 0, null);
        row("β1", "trainBeta1", vm.beta1Property(), "β1 must be in [0, 1), e.g. 0.9", v -> v >= 0 && v < 1, Kind.ADAM);
        row("β2", "trainBeta2", vm.beta2Property(), "β2 must be in [0, 1), e.g. 0.999", v -> v >= 0 && v < 1, Kind.ADAM);
        row("eps", "trainEps", vm.epsProperty(), "eps must be a number > 0, e.g. 1e-8", v -> v > 0, Kind.ADAM);
        problem.setId("trainSettingsProblem");
        problem.setWrapText(true);
        problem.setMaxWidth(340);
        HBox banner = new HBox(problem);
        banner.getStyleClass().add("problem-banner");
        banner.managedProperty().bind(problem.textProperty().isNotEmpty());
        banner.visibleProperty().bind(banner.managedProperty());
        VBox content = new VBox(8, grid, banner);
        content.getStyleClass().add("optimizer-settings-pane");
        pop = new PopOver(content);
        pop.setTitle("Optimizer settings");
        pop.setHeaderAlwaysVisible(true);
        pop.setDetachable(false);
        pop.setArrowLocation(PopOver.ArrowLocation.TOP_CENTER);
    }

    /** The toolbar's "More…" button, which opens and closes the settings bound to {@code vm}. */
    static Button button(TrainingViewModel vm) {
        OptimizerSettings s = new OptimizerSettings(vm);
        Button b = new Button("More…");
        b.setId("trainMore");
        b.setTooltip(new Tooltip("Momentum, weight decay, Adam's β1, β2 and eps"));
        b.setOnAction(e -> {
            if (s.pop.isShowing()) s.pop.hide();
            else s.pop.show(b);
        });
        b.getProperties().put(OptimizerSettings.class, s); // tests reach the pop-over through the button
        return b;
    }

    PopOver popOver() { return pop; }

    private void showReason() {
        problem.setText(refused.isEmpty() ? "" : refused.values().iterator().next());
    }

    /** @param usedBy the one kind that uses the setting; null: every kind */
    private void row(String name, String id, DoubleProperty p, String range, DoublePredicate ok, Kind usedBy) {
        NumberField.Marks marks = new NumberField.Marks() {
            @Override public void mark(TextField t, String reason) {
                if (!t.getStyleClass().contains("field-refused")) t.getStyleClass().add("field-refused");
                refused.put(t, reason);
                showReason();
            }

            @Override public void clear(TextField t) {
                t.getStyleClass().remove("field-refused");
                refused.remove(t);
                showReason();
            }
        };
        TextField field = NumberField.of(TrainingView.fmt(p.get()), v -> {
            if (!ok.test(v)) throw new IllegalArgumentException(range + " (got " + TrainingView.fmt(v) + ")");
            p.set(v);
        }, v -> true, marks);
        field.setId(id);
        field.setPrefColumnCount(7);
        p.addListener((o, was, now) -> {
            if (!field.isFocused()) field.setText(TrainingView.fmt(now.doubleValue()));
        });
        Label label = new Label(name);
        label.setLabelFor(field);
        Label note = new Label(usedBy == null ? "every optimizer" : usedBy.id() + " only");
        note.getStyleClass().add("setting-note");
        if (usedBy != null) {
            ObjectProperty<Kind> kind = vm.optimizerProperty();
            field.disableProperty().bind(Bindings.createBooleanBinding(() -> kind.get() != usedBy, kind));
        }
        grid.addRow(rows++, label, field, note);
    }
}
