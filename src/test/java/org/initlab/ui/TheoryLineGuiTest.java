package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.initlab.ui.StatsCharts.Series;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where the measured std meets the formula (Xavier on a tanh stack), the theory line the legend names
 * still shows: drawn over the current run, it keeps most of the pixels it has when drawn alone.
 */
class TheoryLineGuiTest {
    @BeforeAll
    static void start() {
        Fx.start();
    }

    @Test
    void theoryOnTheMeasuredLineStaysVisible() throws Exception {
        List<StatsPlot.Point> line = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double v = i % 2 == 0 ? 1.1 : 0.65; // a Linear+Tanh stack's std, layer after layer
            line.add(new StatsPlot.Point(i, i % 2 == 0 ? "Linear" : "Tanh", v));
            categories.add(i + (i % 2 == 0 ? " lin" : " tanh"));
        }
        for (String theme : Themes.NAMES) {
            long alone = theoryPixels(theme, categories, List.of(), line), over = theoryPixels(theme, categories, line, line);
            assertTrue(alone > 200, theme + ": the theory alone draws " + alone + " pixels");
            assertTrue(over >= alone * 0.4, theme + ": on the measured line the theory keeps " + over + " of its " + alone + " pixels");
        }
    }

    private static long theoryPixels(String theme, List<String> categories, List<StatsPlot.Point> current, List<StatsPlot.Point> theory) throws Exception {
        return Fx.call(() -> {
            StatsPlot plot = new StatsPlot("Activation std (log scale)", false, false);
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(plot), 600, 360));
            Themes.apply(s.getScene(), theme);
            plot.show(categories, Map.of(Series.CURRENT, current, Series.THEORY, theory), List.of(), List.of(), "current", "", true);
            plot.span(0.1, 10);
            s.show();
            s.getScene().getRoot().layout();
            Color c = plot.theoryColor.getValue();
            BufferedImage img = ChartFiles.image(plot, 1);
            s.close();
            return near(img, c, 40);
        });
    }

    /** How many pixels are within {@code within} of the colour in each channel. */
    static long near(BufferedImage img, Color c, int within) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 255) - c.getRed() * 255) < within && Math.abs(((rgb >> 8) & 255) - c.getGreen() * 255) < within
                    && Math.abs((rgb & 255) - c.getBlue() * 255) < within) n++;
            }
        return n;
    }
}
