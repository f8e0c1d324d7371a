package org.initlab;

import java.util.Locale;

/**
 * How numbers are written wherever a chart shows them (tick labels, legends, captions, in the window
 * and in exported files): powers of ten with superscripts, 3.33×10⁻⁷, never 3.33e-7 or 2^10 beside an
 * axis that writes 10⁻⁷. One place, so a caption and the axis beside it read alike.
 */
public final class Numbers {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private Numbers() {}

    /** 10⁻³, 10⁰, 10²: ten to the power {@code k}. */
    public static String powerOfTen(long k) {
        StringBuilder b = new StringBuilder("10");
        if (k < 0) b.append('⁻');
        for (char c : Long.toString(Math.abs(k)).toCharArray()) b.append(SUPERSCRIPTS.charAt(c - '0'));
        return b.toString();
    }

    /** {@code v} as a mantissa with {@code places} decimals times a power of ten: 3.33×10⁻⁷, −5.0×10⁻⁶, 1×10⁶. */
    public static String scientific(double v, int places) {
        // Locale.US, not ROOT: for any other locale Formatter builds a DecimalFormatSymbols per call, and tick labels run on every update
        String e = String.format(Locale.US, "%." + places + "e", v); // the mantissa rounded, its exponent carried: 9.999e-4 → 1.00e-03
        int at = e.indexOf('e');
        return e.substring(0, at) + "×" + powerOfTen(Long.parseLong(e.substring(at + 1).replace("+", "")));
    }

    /**
     * {@code digits} significant figures: plain decimals from 0.001 to under 100 000 (0.0121, 60.0, 2.30),
     * else {@link #scientific}; 0 is "0".
     */
    public static String significant(double v, int digits) {
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return String.valueOf(v);
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            // the places the rounded value needs: 9.996 to three figures is 10.0, not 10.00
            int magnitude = (int) Math.floor(Math.log10(Double.parseDouble(String.format(Locale.US, "%." + (digits - 1) + "e", a))));
            return String.format(Locale.US, "%." + Math.max(0, digits - 1 - magnitude) + "f", v);
        }
        return scientific(v, digits - 1);
    }

    /** A count of things in at most three significant figures and a unit, short enough for a narrow axis: 40, 2k, 1.5k, 12.5k, 3M. */
    public static String count(double v) {
        java.math.BigDecimal r = new java.math.BigDecimal(v).round(new java.math.MathContext(3)); // rounded first: 999 999 is 1M, not 1000k
        double a = Math.abs(r.doubleValue());
        int unit = a < 1e3 ? 0 : a < 1e6 ? 3 : a < 1e9 ? 6 : 9;
        return r.movePointLeft(unit).stripTrailingZeros().toPlainString() + (unit == 0 ? "" : unit == 3 ? "k" : unit == 6 ? "M" : "G");
    }
}
