package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;

/**
 * A projector's 1280×720 in the projector theme: the charts fit the window, the side panel scrolls to the
 * layer list, no training setting hides in an overflow menu, the training controls take two rows (in larger
 * type in wider windows), and the training charts keep a size read from the back row, the tab scrolling to the
 * last of them.
 */
class SmallWindowGuiTest extends WindowTestBase {
    @Override double width() { return 1280; }
    @Override double height() { return 720; }

    @Test
    void chartsFitAndTheLayerListCanBeReached() throws Exception {
        Fx.run(() -> vm.themeProperty().set("projector"));
        Fx.waitFor("the first charts", 60, () -> vm.chartedProperty().get() != null);
        Fx.run(() -> window.scene().getRoot().layout());
        for (String id : new String[] {"actStdChart", "gradStdChart"}) {
            Node chart = node(id);
            double right = Fx.call(() -> chart.localToScene(chart.getLayoutBounds()).getMaxX());
            assertTrue(right <= 1280 + 0.5, id + " ends at x = " + right + ", past the window's 1280");
        }
        Node add = node("addLayer"); // below the layer list: reachable by scrolling the side panel
        ScrollPane side = Fx.call(() -> (ScrollPane) window.scene().lookup(".side-scroll"));
        Fx.run(() -> side.setVvalue(side.getVmax()));
        Fx.run(() -> window.scene().getRoot().layout());
        Bounds b = Fx.call(() -> add.localToScene(add.getLayoutBounds()));
        assertTrue(b.getMaxY() <= 720 + 0.5 && b.getMinY() >= 0, "Add layer at y = " + b.getMinY() + " … " + b.getMaxY() + " after scrolling to the end");
    }

    @Test
    void everyTrainingSettingIsOnScreen() throws Exception {
        openTraining("projector");
        for (String id : new String[] {"trainOptimizer", "trainLr", "trainSeed", "trainFile"}) {
            Node n = node(id);
            Bounds b = Fx.call(() -> n.localToScene(n.getLayoutBounds()));
            assertTrue(Fx.call(n::isVisible) && b.getMaxX() <= 1280 + 0.5 && b.getWidth() > 0, id + " at x = " + b.getMinX() + " … " + b.getMaxX());
        }
    }

    @Test
    void theTrainingControlsTakeTwoRows() throws Exception {
        openTraining("projector");
        assertTwoRows(1280);
    }

    /** A wider projector window sets the Training tab's controls in larger type, still in two rows. */
    @Test
    void widerWindowsSetTheTrainingControlsLarger() throws Exception {
        openTraining("projector");
        double small = typeSizes().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        for (double[] size : new double[][] {{1600, 1000}, {1920, 1080}}) {
            Fx.run(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            Fx.waitFor("the window at " + size[0] + " px", 10, () -> window.scene().getWidth() == size[0]);
            for (int i = 0; i < 2; i++) Fx.run(() -> { // the width toggles the type, and the type lays the controls out again
                window.scene().getRoot().applyCss();
                window.scene().getRoot().layout();
            });
            double large = typeSizes().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            assertTrue(large > small, "at " + size[0] + "×" + size[1] + " the controls' type is " + large + " px, at 1280×720 " + small + " px");
            assertTwoRows(size[0]);
        }
    }

    /** The type size of every label and button among the Training tab's controls. */
    private List<Double> typeSizes() throws Exception {
        return Fx.call(() -> {
            List<Double> sizes = new ArrayList<>();
            typeSizes(window.scene().lookup(".training-toolbar"), sizes);
            assertTrue(sizes.size() >= 10, sizes.size() + " labels and buttons");
            return sizes;
        });
    }

    private static void typeSizes(Node n, List<Double> out) {
        if (n instanceof javafx.scene.control.Labeled l) out.add(l.getFont().getSize());
        if (n instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) typeSizes(child, out);
    }

    private void assertTwoRows(double width) throws Exception {
        List<Bounds> controls = Fx.call(() -> {
            List<Bounds> b = new ArrayList<>();
            controls(window.scene().lookup(".training-toolbar"), b);
            return b;
        });
        assertTrue(controls.size() >= 14, controls.size() + " controls");
        double row = controls.stream().mapToDouble(Bounds::getHeight).max().orElseThrow(); // one row: its tallest control
        for (Bounds b : controls) assertTrue(b.getMinX() >= 0 && b.getMaxX() <= width + 0.5, "a control at x = " + b.getMinX() + " … " + b.getMaxX());
        double top = controls.stream().mapToDouble(Bounds::getMinY).min().orElseThrow(), bottom = controls.stream().mapToDouble(Bounds::getMaxY).max().orElseThrow();
        // two rows and the gap between them; a third row would add another
        assertTrue(bottom - top < 2.5 * row, "at " + width + " px the controls span " + (bottom - top) + " px, rows of " + row + " px");
    }

    /** The bounds of every control under {@code n}, a spinner's own text field and arrows not counted apart. */
    private static void controls(Node n, List<Bounds> out) {
        if (n instanceof Control c) {
            if (c.isVisible()) out.add(c.localToScene(c.getLayoutBounds()));
            return;
        }
        if (n instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) controls(child, out);
    }

    @Test
    void trainingChartsKeepAReadableSizeAndScrollToTheHeatMaps() throws Exception {
        openTraining("projector");
        for (String id : new String[] {"nearZeroChart", "telActMeanChart", "telActStdChart", "telGradMeanChart", "telGradStdChart", "updateRatioChart"}) {
            Node n = node(id);
            Bounds b = Fx.call(() -> n.localToScene(n.getLayoutBounds()));
            // about ten lines of the projector's 19 px type tall, sixteen wide: a title, a legend and curves that read
            assertTrue(b.getHeight() >= 180 && b.getWidth() >= 300 && b.getMaxX() <= 1280 + 0.5, id + " is " + b.getWidth() + " × " + b.getHeight() + " at x = " + b.getMinX());
        }
        ScrollPane scroll = Fx.call(() -> (ScrollPane) window.scene().lookup(".chart-scroll"));
        Node maps = Fx.call(() -> window.scene().lookup(".heat-maps-box"));
        Fx.run(() -> scroll.setVvalue(scroll.getVmax()));
        Fx.run(() -> window.scene().getRoot().layout());
        Bounds b = Fx.call(() -> maps.localToScene(maps.getLayoutBounds()));
        Bounds view = Fx.call(() -> scroll.localToScene(scroll.getLayoutBounds()));
        assertTrue(b.getMaxY() <= view.getMaxY() + 0.5 && b.getMinY() >= view.getMinY() - 0.5,
            "the heat maps at y = " + b.getMinY() + " … " + b.getMaxY() + " after scrolling, the charts' view " + view.getMinY() + " … " + view.getMaxY());
    }
}
