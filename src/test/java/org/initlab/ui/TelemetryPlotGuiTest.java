package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.event.EventType;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.initlab.ui.TelemetryLines.Kind;
import org.initlab.ui.TelemetryLines.Line;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A training chart on screen: hovering a point names its layer, step and value (the exact ratio on a log chart, not its log10). */
class TelemetryPlotGuiTest {
    @BeforeAll
    static void start() {
        Fx.start();
    }

    static void move(TelemetryPlot p, Point2D at, EventType<MouseEvent> type) {
        Point2D scene = p.localToScene(at), screen = p.localToScreen(at);
        p.fireEvent(new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(), MouseButton.NONE, 0,
            false, false, false, false, false, false, false, false, false, false, null));
    }

    @Test
    void hoveringAPointShowsItsLayerStepAndValue() throws Exception {
        Line conv = new Line("conv 0", 0, false, Kind.LINE, new double[] {1, 2, 3}, new double[] {-2, -2.5, -3.2});
        Line pinned = new Line("conv 0", 0, true, Kind.LINE, new double[] {1, 2, 3}, new double[] {-1, -1, -1});
        Line guide = new Line(TelemetryLines.GUIDE, -1, false, Kind.GUIDE, new double[] {1, 3}, new double[] {-3, -3});
        TelemetryPlot plot = Fx.call(() -> {
            TelemetryPlot p = new TelemetryPlot("Update / weight std (log scale)", true, null);
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(p), 420, 260));
            Themes.apply(s.getScene(), "light");
            p.show(List.of(conv, pinned, guide));
            s.show();
            s.getScene().getRoot().layout();
            return p;
        });
        String tip = Fx.call(() -> {
            move(plot, plot.position(conv, 2).add(1, 1), MouseEvent.MOUSE_MOVED);
            return plot.tooltip().isShowing() ? plot.tooltip().getText() : "(no tooltip)";
        });
        assertEquals("conv 0 · step 3\nupdate / weight std = " + String.format(Locale.ROOT, "%.4g", Math.pow(10, -3.2)), tip);
        String old = Fx.call(() -> {
            move(plot, plot.position(pinned, 0), MouseEvent.MOUSE_MOVED);
            return plot.tooltip().getText();
        });
        assertEquals("pinned · conv 0 · step 1\nupdate / weight std = 0.1000", old);
        Fx.run(() -> move(plot, new Point2D(0, 0), MouseEvent.MOUSE_EXITED));
        assertFalse(Fx.call(() -> plot.tooltip().isShowing()), "the tooltip goes with the pointer");
        Fx.run(() -> plot.getScene().getWindow().hide());
    }

    /** A long run's point is a bucket's mean: its tooltip names the steps it spans and says it is a mean (geometric on a log chart). */
    @Test
    void hoveringABucketSaysItIsAMeanOfItsSteps() throws Exception {
        int n = 4 * TelemetryLines.MAX_POINTS;
        long[] steps = new long[n];
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i + 1;
            logs[i] = -3 + (i % 4) * 0.1; // log10 of the ratio: the bucket of steps 1-4 averages -2.85
        }
        Line l = TelemetryLines.line("conv 0", 0, Kind.LINE, steps, logs, 1);
        TelemetryPlot plot = Fx.call(() -> {
            TelemetryPlot p = new TelemetryPlot("Update / weight std (log scale)", true, null);
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(p), 420, 260));
            Themes.apply(s.getScene(), "light");
            p.show(List.of(l));
            s.show();
            s.getScene().getRoot().layout();
            return p;
        });
        String tip = Fx.call(() -> {
            move(plot, plot.position(l, 0), MouseEvent.MOUSE_MOVED);
            return plot.tooltip().isShowing() ? plot.tooltip().getText() : "(no tooltip)";
        });
        assertEquals("conv 0 · steps 1–4 (geometric mean)\nupdate / weight std = " + String.format(Locale.ROOT, "%.4g", Math.pow(10, -2.85)), tip);
        Fx.run(() -> plot.getScene().getWindow().hide());
    }

    /** Lines that end on whole decades, as the 10⁻³ guide always does, stay off the frame: the axis runs a little past its outer ticks. */
    @Test
    void aLineOnTheOuterTickStaysOffTheFrame() throws Exception {
        Line ratio = new Line("conv 0", 0, false, Kind.LINE, new double[] {1, 2, 3}, new double[] {-2, -2.5, -2.9});
        Line guide = new Line(TelemetryLines.GUIDE, -1, false, Kind.GUIDE, new double[] {1, 3}, new double[] {-3, -3});
        double[] gap = Fx.call(() -> {
            TelemetryPlot p = new TelemetryPlot("Update / weight std (log scale)", true, null);
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(p), 420, 260));
            Themes.apply(s.getScene(), "light");
            p.show(List.of(ratio, guide));
            s.show();
            s.getScene().getRoot().layout();
            var area = p.plotArea();
            double[] g = {area.getMaxY() - p.position(guide, 0).getY(), p.position(ratio, 0).getY() - area.getMinY()};
            s.hide();
            return g;
        });
        assertTrue(gap[0] >= 3, "the guide at 10⁻³ is " + gap[0] + " px above the frame's bottom");
        assertTrue(gap[1] >= 3, "the line at 1e-2 is " + gap[1] + " px below the frame's top");
    }
}
