package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A chart's SVG leaves centring to the viewer: its title and category labels carry
 * {@code text-anchor="middle"} at their centre, the value axis's tick labels {@code "end"} at one x,
 * left-aligned text (the legend) no anchor, and a figure's title line, a label centred by its VBox,
 * {@code "middle"} at the figure's centre; so a viewer with another type still lines them up.
 */
class SvgTextAnchorGuiTest {
    @BeforeAll
    static void start() {
        Fx.start();
    }

    /** A {@code <text>} with the anchor of its group (JFreeSVG writes each string in its own {@code <g>}). */
    record Text(String text, double x, String anchor) {}

    @Test
    void centredAndRightAlignedTextIsAnchoredAtItsPoint() throws Exception {
        String svg = Fx.call(() -> {
            Stage s = new Stage();
            String doc = ChartFiles.svg(LegendSampleGuiTest.plot(s, "light"));
            s.close();
            return doc;
        });
        List<Text> texts = texts(svg, "svg-text-anchor.svg");
        assertEquals("middle", find(texts, "Activation std (log scale) (log scale)").anchor(), "the title");
        List<Text> categories = texts.stream().filter(t -> t.text().endsWith("tanh")).toList();
        assertEquals(8, categories.size(), texts.toString());
        for (Text c : categories) assertEquals("middle", c.anchor(), c.toString());
        // the categories are evenly spaced: their anchors are the category centres, not their left edges
        double step = categories.get(1).x() - categories.get(0).x();
        for (int i = 1; i < categories.size(); i++) assertEquals(step, categories.get(i).x() - categories.get(i - 1).x(), 0.01, categories.toString());
        List<Text> ticks = texts.stream().filter(t -> t.text().matches("[0-9.]+[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]*")).toList();
        assertTrue(ticks.size() >= 2, "tick labels: " + texts);
        Set<Double> tickX = new TreeSet<>();
        for (Text t : ticks) {
            assertEquals("end", t.anchor(), t.toString());
            tickX.add(t.x());
        }
        assertEquals(1, tickX.size(), "the tick labels end at one x: " + ticks);
        assertEquals("", find(texts, "current").anchor(), "the legend's text starts at its point");
    }

    /**
     * A figure's title line, a label its VBox centres, is anchored at the figure's centre; a title that
     * wraps is left-aligned on screen, so its lines start at their point.
     */
    @Test
    void aTitleLineIsAnchoredAtTheFiguresCentre() throws Exception {
        String title = "seed4 · pytorch-default · seed 0 · test images 0–99";
        double[] centre = new double[1];
        String svg = Fx.call(() -> {
            VBox root = Plots.titled(title, new Pane(), "light", 900, 300);
            root.applyCss();
            root.layout();
            centre[0] = root.snappedLeftInset() + (root.getWidth() - root.snappedLeftInset() - root.snappedRightInset()) / 2;
            return ChartFiles.svg(root);
        });
        Text head = find(texts(svg, "svg-title-anchor.svg"), title);
        assertEquals("middle", head.anchor(), head.toString());
        assertEquals(centre[0], head.x(), 0.5, "the VBox places the label on a whole pixel: " + head);

        String wraps = title + " · " + title + " · " + title;
        List<Text> lines = texts(Fx.call(() -> {
            VBox root = Plots.titled(wraps, new Pane(), "light", 640, 300);
            root.applyCss();
            root.layout();
            return ChartFiles.svg(root);
        }), "svg-title-wrapped.svg");
        List<Text> parts = lines.stream().filter(t -> wraps.contains(t.text()) && t.text().length() > 10).toList();
        assertTrue(parts.size() >= 2, "the title on two lines or more at 640 px: " + lines);
        for (Text t : parts) assertEquals("", t.anchor(), t.toString());
    }

    /** The SVG's texts, each with its group's anchor; the file kept in target/ to look at (rsvg-convert). */
    private static List<Text> texts(String svg, String name) throws Exception {
        Path file = Path.of("target", name);
        Files.writeString(file, svg);
        NodeList nodes = ExportGuiTest.parse(file).getElementsByTagName("text");
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element t = (Element) nodes.item(i), g = (Element) t.getParentNode();
            texts.add(new Text(t.getTextContent(), Double.parseDouble(t.getAttribute("x")), g.getAttribute("text-anchor")));
        }
        return texts;
    }

    private static Text find(List<Text> texts, String text) {
        return texts.stream().filter(t -> t.text().equals(text)).findFirst().orElseThrow(() -> new AssertionError(text + " in " + texts));
    }
}
