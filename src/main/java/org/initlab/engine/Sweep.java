package org.initlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.initlab.init.InitSpec;

/**
 * One setting stepped over a range, {@code a=0:3:0.1}: a figure per value, from {@code from} to
 * {@code to} inclusive, {@code step} apart. Parameters: {@code a} (Kaiming's leaky gain, for the
 * kaiming-* inits) and {@code gain} (xavier-*, orthogonal).
 */
public record Sweep(String parameter, double from, double to, double step) {
    /** At most this many frames: a GIF of the full chart panel stays well under 20 MB. */
    public static final int MAX_VALUES = 200;
    public static final List<String> PARAMETERS = List.of("a", "gain");

    public Sweep {
        if (!PARAMETERS.contains(parameter))
            throw new IllegalArgumentException("--sweep: unknown parameter '" + parameter + "' (" + String.join(", ", PARAMETERS) + ")");
        if (!(step > 0) || !Double.isFinite(from) || !Double.isFinite(to) || to < from)
            throw new IllegalArgumentException("--sweep " + parameter + ": needs from ≤ to and a step > 0 (got " + fmt(from) + ":" + fmt(to) + ":" + fmt(step) + ")");
        long n = Math.round((to - from) / step) + 1;
        if (n > MAX_VALUES) throw new IllegalArgumentException("--sweep " + parameter + ": " + n + " values, at most " + MAX_VALUES + " (take a larger step)");
    }

    /** Parses "name=from:to:step". */
    public static Sweep parse(String text) {
        String[] kv = text.split("=", 2), r = kv.length == 2 ? kv[1].split(":") : new String[0];
        if (r.length != 3) throw new IllegalArgumentException("--sweep must look like a=0:3:0.1 (name=from:to:step), got '" + text + "'");
        try {
            return new Sweep(kv[0].trim(), Double.parseDouble(r[0]), Double.parseDouble(r[1]), Double.parseDouble(r[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sweep " + kv[0] + ": from, to and step must be numbers, got '" + kv[1] + "'");
        }
    }

    /** The values swept, {@code from + i·step} (rounded to the step's decimals, so 0.30000000000000004 reads 0.3). */
    public List<Double> values() {
        long n = Math.round((to - from) / step) + 1;
        double unit = Math.pow(10, Math.max(0, -Math.floor(Math.log10(step))) + 6);
        List<Double> v = new ArrayList<>();
        for (long i = 0; i < n; i++) v.add(Math.round((from + i * step) * unit) / unit);
        return v;
    }

    /** Fails naming the init unless this parameter is one of its settings. */
    public void check(InitSpec init) {
        boolean ok = parameter.equals("a") ? init.scheme().usesA() : init.scheme().usesGain();
        if (!ok) throw new IllegalArgumentException("--sweep " + parameter + ": the init " + init.scheme().id() + " has no " + parameter
            + (parameter.equals("a") ? " (kaiming-uniform, kaiming-normal)" : " (xavier-uniform, xavier-normal, orthogonal)"));
        if (parameter.equals("gain") && !(from > 0)) throw new IllegalArgumentException("--sweep gain: must start above 0 (got " + fmt(from) + ")");
    }

    /** The config with this parameter set to {@code value}. */
    public LabConfig apply(LabConfig c, double value) {
        InitSpec i = c.init();
        return c.withInit(parameter.equals("a") ? i.withA(value) : new InitSpec(i.scheme(), i.a(), i.mode(), i.bias(), value));
    }

    /** "a = 0.10": a frame's label, in the step's decimals. */
    public String label(double value) {
        int places = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return parameter + " = " + String.format(Locale.US, "%." + places + "f", value);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
