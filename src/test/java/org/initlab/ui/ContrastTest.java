package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** WCAG's contrast ratio on its own definition's end points, and a faded colour that stays readable. */
class ContrastTest {
    @Test
    void blackOnWhiteIs21AndAColourOnItselfIs1() {
        assertEquals(21, Contrast.ratio(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(1, Contrast.ratio(Color.web("#1a1c1f"), Color.web("#1a1c1f")), 1e-9);
        // WCAG's worked value: #767676 is the lightest gray with 4.5:1 on white
        assertEquals(4.54, Contrast.ratio(Color.web("#767676"), Color.WHITE), 0.01);
    }

    @Test
    void fadingStopsWhereTheLineWouldNoLongerRead() {
        Color dark = Color.web("#1a1c1f"), blue = Color.web("#5ea3ff");
        Color faded = Contrast.faded(blue, dark, 0.6);
        assertTrue(Contrast.ratio(faded, dark) >= Contrast.LINES - 1e-6, "faded " + faded);
        assertTrue(Contrast.ratio(faded, dark) < Contrast.ratio(blue, dark) - 1, "and still fainter than the line itself");
        assertEquals(Color.web("#0033cc").interpolate(Color.WHITE, 0.2), Contrast.faded(Color.web("#0033cc"), Color.WHITE, 0.2), "a small fade that reads is kept as asked");
    }
}
