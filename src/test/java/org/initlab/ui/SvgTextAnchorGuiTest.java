package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A chart's SVG leaves centring to the viewer: its title and category labels carry
 * {@code text-anchor="middle"} at their centre, the value axis's tick labels {@code "end"} at one x,
 * and left-aligned text (the legend) no anchor; so a viewer with another type still lines them up.
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
        Path file = Path.of("target", "svg-text-anchor.svg"); // kept to look at (rsvg-convert)
        Files.writeString(file, svg);
        NodeList nodes = ExportGuiTest.parse(file).getElementsByTagName("text");
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element t = (Element) nodes.item(i), g = (Element) t.getParentNode();
            texts.add(new Text(t.getTextContent(), Double.parseDouble(t.getAttribute("x")), g.getAttribute("text-anchor")));
        }
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

    private static Text find(List<Text> texts, String text) {
        return texts.stream().filter(t -> t.text().equals(text)).findFirst().orElseThrow(() -> new AssertionError(text + " in " + texts));
    }
}
