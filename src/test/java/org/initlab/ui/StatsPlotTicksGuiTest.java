package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stats charts' tick labels: as many places as the step needs, "0" never "-0", exponents for tiny values, 10ⁿ on log axes. */
class StatsPlotTicksGuiTest {
    @BeforeAll
    static void toolkit() {
        Fx.start(); // StatsPlot measures text with a Text node
    }

    @Test
    void linearTicksHaveTheStepsPlacesAndAPlainZero() {
        assertEquals(List.of("-0.10", "-0.05", "0", "0.05"), AxisTicks.tickLabels(new double[] {-0.1, -0.05, -1e-17, 0.05}, 0.05));
        assertEquals(List.of("-2", "0", "2", "4"), AxisTicks.tickLabels(new double[] {-2, 0, 2, 4}, 2));
    }

    @Test
    void tinyTicksUseACompactExponentOnTheWholeAxis() {
        assertEquals(List.of("-1e-6", "0", "1e-6", "2e-6"), AxisTicks.tickLabels(new double[] {-1e-6, 0, 1e-6, 2e-6}, 1e-6));
        assertEquals(List.of("0", "5.0e-6", "1.0e-5", "1.5e-5"), AxisTicks.tickLabels(new double[] {0, 5e-6, 1e-5, 1.5e-5}, 5e-6)); // one form on the axis
        assertEquals(List.of("-1.0e-5", "-5.0e-6", "0", "5.0e-6", "1.0e-5"), AxisTicks.tickLabels(new double[] {-1e-5, -5e-6, 0, 5e-6, 1e-5}, 5e-6));
    }

    @Test
    void logTicksAreLabelledAsPowersOfTen() {
        assertEquals("10⁻³", AxisTicks.powerOfTen(-3));
        assertEquals("10⁰", AxisTicks.powerOfTen(0));
        assertEquals("10¹²", AxisTicks.powerOfTen(12));
    }
}
