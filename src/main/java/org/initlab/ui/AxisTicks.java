package org.initlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.initlab.Numbers;

/** Ticks of a value axis: round steps on a linear scale, whole powers of ten on a log scale, and their labels. */
final class AxisTicks {
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
            labels.add(Numbers.powerOfTen((long) values[i]));
        }
        return new Ticks(lower, upper, values, labels);
    }

    /** About {@code target} ticks a round step apart (1, 2 or 5 × 10^k), spanning lo…hi, zero included if asked; a flat line centred. */
    static Ticks linear(double lo, double hi, int target, boolean zeroInRange) {
        if (lo > hi) { lo = 0; hi = 1; }
        if (zeroInRange) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        if (hi - lo < 1e-300) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / target);
        long first = (long) Math.floor(lo / step), last = (long) Math.ceil(hi / step);
        double[] values = new double[(int) (last - first + 1)];
        for (int i = 0; i < values.length; i++) values[i] = (first + i) * step;
        return new Ticks(first * step, last * step, values, tickLabels(values, step));
    }

    /**
     * Steps on x: about {@code target} whole-number ticks a round step apart (at least 1). The axis starts
     * at the round step at or below lo and ends at hi, or at the next tick where that is within 2 % more:
     * a run's last step is where its line ends, not a tick's width short of the plot's edge.
     */
    static Ticks steps(double lo, double hi, int target) {
        if (lo > hi) { lo = 0; hi = 1; }
        double step = Math.max(1, niceStep(Math.max(1e-9, hi - lo) / Math.max(1, target)));
        double lower = Math.floor(lo / step) * step, upper = Math.max(hi, lower + 1), next = Math.ceil(upper / step) * step;
        if (next - upper <= 0.02 * (upper - lower)) upper = next;
        List<Double> values = new ArrayList<>();
        for (double v = lower; v <= upper + 1e-9; v += step) values.add(v);
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        List<String> labels = new ArrayList<>();
        for (double x : v) labels.add(Long.toString((long) x));
        return new Ticks(lower, upper, v, labels);
    }

    /** A count axis from 0 to the round count at or above {@code max}: about {@code target} whole-number steps, labelled by {@link Numbers#count}. */
    static Ticks counts(double max, int target) {
        double top = Math.max(1, max), step = Math.max(1, niceStep(top / Math.max(1, target)));
        int n = (int) Math.ceil(top / step - 1e-9);
        double[] values = new double[n + 1];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            values[i] = i * step;
            labels.add(Numbers.count(values[i]));
        }
        return new Ticks(0, n * step, values, labels);
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw))), m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }

    /**
     * Plain decimals with as many places as the step needs; for tiny or huge values a power of ten
     * (2.5×10⁻⁵, not 0.000025), the same form on the whole axis. A tick at zero reads "0", never "-0".
     */
    static List<String> tickLabels(double[] values, double step) {
        int places = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        double largest = 0;
        for (double v : values) largest = Math.max(largest, Math.abs(v));
        boolean exponent = places > 4 || largest >= 1e6;
        // one mantissa precision for the whole axis, the one its largest tick needs (5.0×10⁻⁶ beside 1.0×10⁻⁵, not 5×10⁻⁶)
        int digits = 0;
        if (exponent)
            for (double v : values)
                if (Math.abs(v) >= step / 2)
                    digits = Math.max(digits, (int) (Math.floor(Math.log10(Math.abs(v)) + 1e-9) - Math.floor(Math.log10(step) + 1e-9)));
        List<String> labels = new ArrayList<>();
        // Locale.US, not ROOT: for any other locale Formatter builds a DecimalFormatSymbols per call, and this runs on every update
        for (double v : values) {
            if (Math.abs(v) < step / 2) labels.add("0");
            else if (!exponent) labels.add(String.format(Locale.US, "%." + places + "f", v));
            else labels.add(Numbers.scientific(v, digits));
        }
        return labels;
    }


}
