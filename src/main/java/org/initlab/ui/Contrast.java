package org.initlab.ui;

import javafx.scene.paint.Color;

/**
 * WCAG 2 contrast between two colours: a line or marker that carries data needs 3:1 against what it is
 * drawn on (success criterion 1.4.11, non-text contrast), so the themes' chart colours are held to it.
 */
final class Contrast {
    /** The least contrast of a drawn line against its background. */
    static final double LINES = 3.0;

    private Contrast() {}

    /** (L1 + 0.05) / (L2 + 0.05) with L1 the lighter colour's relative luminance; 1 to 21. Opacity is ignored. */
    static double ratio(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Relative luminance of an sRGB colour (WCAG 2). */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /**
     * {@code c} mixed toward {@code background} by {@code most} (0–1), or less where that would leave it
     * under 3:1 against the background: a faded line that can still be seen. A colour already under 3:1
     * comes back as it is.
     */
    static Color faded(Color c, Color background, double most) {
        double lo = 0, hi = most;
        if (ratio(c.interpolate(background, hi), background) >= LINES) return c.interpolate(background, hi);
        for (int i = 0; i < 30; i++) { // bisect the mix: contrast falls as the mix grows
            double mid = (lo + hi) / 2;
            if (ratio(c.interpolate(background, mid), background) >= LINES) lo = mid;
            else hi = mid;
        }
        return c.interpolate(background, lo);
    }
}
