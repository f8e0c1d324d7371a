package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stats charts' tick labels: as many places as the step needs, "0" never "-0", powers of ten for tiny values, 10ⁿ on log axes. */
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
    void tinyTicksUseAPowerOfTenOnTheWholeAxis() {
        assertEquals(List.of("-1×10⁻⁶", "0", "1×10⁻⁶", "2×10⁻⁶"), AxisTicks.tickLabels(new double[] {-1e-6, 0, 1e-6, 2e-6}, 1e-6));
        assertEquals(List.of("0", "5.0×10⁻⁶", "1.0×10⁻⁵", "1.5×10⁻⁵"), AxisTicks.tickLabels(new double[] {0, 5e-6, 1e-5, 1.5e-5}, 5e-6)); // one form on the axis
        assertEquals(List.of("-1.0×10⁻⁵", "-5.0×10⁻⁶", "0", "5.0×10⁻⁶", "1.0×10⁻⁵"), AxisTicks.tickLabels(new double[] {-1e-5, -5e-6, 0, 5e-6, 1e-5}, 5e-6));
        assertEquals(List.of("0", "1×10⁶", "2×10⁶"), AxisTicks.tickLabels(new double[] {0, 1e6, 2e6}, 1e6));
    }

    @Test
    void logTicksAreLabelledAsPowersOfTen() {
        assertEquals(List.of("10⁻³", "10⁻²", "10⁻¹", "10⁰"), AxisTicks.logTicks(-2.5, -0.2).labels());
        assertEquals(List.of("10¹²", "10¹³"), AxisTicks.logTicks(12, 13).labels());
    }

    @Test
    void aCaptionsNumberEndsAsTheLogAxisWritesItsDecade() {
        String axis = AxisTicks.logTicks(-7, -6).labels().get(0);
        assertEquals("10⁻⁷", axis);
        assertEquals("3.33×" + axis, org.initlab.Numbers.significant(3.3333e-7, 3), "a lesson's caption beside that axis");
        assertEquals("5.0×10⁻⁶", AxisTicks.tickLabels(new double[] {0, 5e-6, 1e-5}, 5e-6).get(1), "and a linear axis's tiny tick");
    }
}
