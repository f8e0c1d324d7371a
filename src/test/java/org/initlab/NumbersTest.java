package org.initlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Numbers as the charts write them: plain in the middle, a mantissa times 10 with a superscript power at the ends. */
class NumbersTest {
    @Test
    void threeSignificantFiguresPlainWhereThatReadsWell() {
        assertEquals("0.0121", Numbers.significant(0.012149, 3));
        assertEquals("60.0", Numbers.significant(59.996, 3));
        assertEquals("10.0", Numbers.significant(9.996, 3), "rounded up a decade: three figures, not four");
        assertEquals("2.303", Numbers.significant(2.302585, 4));
        assertEquals("0", Numbers.significant(0, 3));
    }

    @Test
    void tinyAndHugeValuesAreAMantissaTimesAPowerOfTen() {
        assertEquals("3.33×10⁻⁷", Numbers.significant(3.3333e-7, 3));
        assertEquals("-2.50×10⁻⁵", Numbers.significant(-2.5e-5, 3));
        assertEquals("1.50×10⁵", Numbers.significant(1.5e5, 3));
        assertEquals("1.00×10⁻³", Numbers.significant(9.9996e-4, 3), "rounded up into the next decade");
        assertEquals("5.0×10⁻⁶", Numbers.scientific(5e-6, 1));
        assertEquals("10⁻¹²", Numbers.powerOfTen(-12));
        assertEquals("10⁰", Numbers.powerOfTen(0));
    }

    @Test
    void countsAreShortWithAUnit() {
        assertEquals("0", Numbers.count(0));
        assertEquals("40", Numbers.count(40));
        assertEquals("2k", Numbers.count(2000));
        assertEquals("1.5k", Numbers.count(1500));
        assertEquals("23.5k", Numbers.count(23456));
        assertEquals("1M", Numbers.count(999_999), "rounded up into the next unit");
        assertEquals("3G", Numbers.count(3e9));
    }
}
