package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;

/** At 1600×1000 in the light theme every training chart is in view at once: three to a row, nothing to scroll. */
class TrainingGridGuiTest extends WindowTestBase {
    @Override double width() { return 1600; }
    @Override double height() { return 1000; }

    @Test
    void everyTrainingChartIsInViewThreeToARow() throws Exception {
        openTraining("light");
        ScrollPane scroll = Fx.call(() -> (ScrollPane) window.scene().lookup(".chart-scroll"));
        Bounds view = Fx.call(() -> scroll.localToScene(scroll.getLayoutBounds()));
        double top = Double.NaN;
        for (String id : new String[] {"nearZeroChart", "telActMeanChart", "telActStdChart"}) {
            Node n = node(id);
            Bounds b = Fx.call(() -> n.localToScene(n.getLayoutBounds()));
            if (Double.isNaN(top)) top = b.getMinY();
            assertEquals(top, b.getMinY(), 0.5, id + " on the first row of layer charts");
        }
        Node maps = Fx.call(() -> window.scene().lookup(".heat-maps-box"));
        Bounds b = Fx.call(() -> maps.localToScene(maps.getLayoutBounds()));
        assertTrue(b.getMaxY() <= view.getMaxY() + 0.5, "the heat maps end at y = " + b.getMaxY() + ", in the view ending at " + view.getMaxY());
    }
}
