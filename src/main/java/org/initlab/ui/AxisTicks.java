package org.initlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Ticks of a value axis: round steps on a linear scale, whole powers of ten on a log scale, and their labels. */
final class AxisTicks {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private AxisTicks() {}

    /** Tick positions (plotted values), their labels, and the axis bounds they span. */
    record Ticks(double lower, double upper, double[] values, List<String> labels) {}

    /** Whole powers of ten around every plotted value, one tick per power (every other one beyond 8 decades). */
    static Ticks logTicks(double lo, double hi) {
        if (lo > hi) { lo = -1; hi = 0; }
        double lower = Math.floor(lo), upper = Math.ceil(hi);
        if (upper <= lower) upper = lower + 1;
        int unit = upper - lower > 8 ? 2 : 1;
        int n = (int) ((upper - lower) / unit) + 1;
        double[] values = new double[n];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values[i] = lower + i * unit;
            labels.add(powerOfTen((long) values[i]));
        }
        return new Ticks(lower, upper, values, labels);
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw))), m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }

    /**
     * Plain decimals with as many places as the step needs; for tiny or huge values a compact exponent
     * (2.5e-5, not 0.000025), the same form on the whole axis. A tick at zero reads "0", never "-0".
     */
    static List<String> tickLabels(double[] values, double step) {
        int places = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        double largest = 0;
        for (double v : values) largest = Math.max(largest, Math.abs(v));
        boolean exponent = places > 4 || largest >= 1e6;
        List<String> labels = new ArrayList<>();
        // Locale.US, not ROOT: for any other locale Formatter builds a DecimalFormatSymbols per call, and this runs on every update
        for (double v : values) {
            if (Math.abs(v) < step / 2) labels.add("0");
            else if (!exponent) labels.add(String.format(Locale.US, "%." + places + "f", v));
            else {
                int digits = Math.max(0, (int) (Math.floor(Math.log10(Math.abs(v)) + 1e-9) - Math.floor(Math.log10(step) + 1e-9)));
                String s = String.format(Locale.US, "%." + digits + "e", v); // 2.5e-05
                labels.add(s.replaceFirst("e([-+])0*(\\d)", "e$1$2").replace("e+", "e"));
            }
        }
        return labels;
    }

    /** 10⁻³, 10⁰, 10²: the label of a log10 tick. */
    static String powerOfTen(long k) {
        StringBuilder b = new StringBuilder("10");
        if (k < 0) b.append('⁻');
        for (char c : Long.toString(Math.abs(k)).toCharArray()) b.append(SUPERSCRIPTS.charAt(c - '0'));
        return b.toString();
    }

}
