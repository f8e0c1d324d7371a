package org.initlab.ui;

import java.awt.Graphics2D;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.text.TextAlignment;
import org.jfree.svg.SVGHints;

/**
 * Centred and right-aligned text in a JFreeSVG document, anchored with {@code text-anchor="middle"} or
 * {@code "end"} at the point it is aligned on, so a viewer whose type differs from this JVM's still
 * centres it. JFreeSVG has no hint for text-anchor; it writes each string in its own {@code <g>} and
 * gives that group the id hint set before the string, so each such string gets an id of this class's
 * pattern, which {@link #apply} turns into the anchor attribute.
 */
final class SvgTextAnchors {
    private static final Pattern ID = Pattern.compile(" id='initlab-anchor-(middle|end)-\\d+'");
    private int issued;

    /** Marks the next string drawn on {@code g} as anchored by {@code align} (CENTER or RIGHT). */
    void next(Graphics2D g, TextAlignment align) {
        g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, "initlab-anchor-" + (align == TextAlignment.CENTER ? "middle" : "end") + "-" + issued++);
    }

    /** The document with each marked group's id replaced by its text-anchor; fails where a mark went missing. */
    String apply(String svg) {
        Matcher m = ID.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        int found = 0;
        while (m.find()) {
            m.appendReplacement(out, " text-anchor='$1'");
            found++;
        }
        m.appendTail(out);
        if (found != issued) throw new IllegalStateException(issued + " anchored strings drawn, " + found + " found in the SVG");
        return out.toString();
    }
}
