package org.initlab.engine;

import java.util.List;
import org.initlab.Numbers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lesson's caption with its numbers measured: each {@code {REF}} or {@code {REF/REF}} is replaced by the
 * value the lab charted, to three significant figures, written as the charts' axes write numbers ({@link Numbers}). A REF is {@code FIGURE[MODULE]} of the lesson's
 * own run or {@code pinK.FIGURE[MODULE]} of its K-th pin, where FIGURE is act_mean, act_std, grad_mean or
 * grad_std and MODULE an index or {@code last}; {@code loss} is the run's loss. E.g. {@code {act_std[last]/pin1.act_std[last]}}.
 */
public final class Caption {
    private static final Pattern SLOT = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern REF = Pattern.compile("(?:pin([1-9])\\.)?(?:(act_mean|act_std|grad_mean|grad_std)\\[(\\d+|last)]|(loss))");

    private Caption() {}

    /** Throws, naming the placeholder, if one cannot be filled for a model of this many modules and pins. */
    static void check(String caption, int modules, int pins) {
        Matcher m = SLOT.matcher(caption);
        while (m.find())
            for (String ref : m.group(1).split("/", -1)) {
                Matcher r = REF.matcher(ref.trim());
                if (!r.matches()) throw new IllegalArgumentException("caption: '{" + m.group(1) + "}' is not FIGURE[MODULE] or pinK.FIGURE[MODULE] "
                    + "(FIGURE: act_mean, act_std, grad_mean, grad_std; MODULE: an index or last), [pinK.]loss, or two of them divided");
                if (r.group(1) != null && Integer.parseInt(r.group(1)) > pins)
                    throw new IllegalArgumentException("caption: '{" + m.group(1) + "}' names pin " + r.group(1) + " but the lesson pins " + pins);
                if (r.group(3) != null && !r.group(3).equals("last") && Integer.parseInt(r.group(3)) >= modules)
                    throw new IllegalArgumentException("caption: '{" + m.group(1) + "}' names module " + r.group(3) + " but the model has " + modules + " (0 … " + (modules - 1) + ")");
            }
    }

    /** The caption with every placeholder replaced by what {@code run} and {@code pins} measured. */
    public static String fill(String caption, LabSnapshot run, List<LabSnapshot> pins) {
        Matcher m = SLOT.matcher(caption);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String[] refs = m.group(1).split("/", -1);
            double v = value(refs[0].trim(), run, pins);
            for (int i = 1; i < refs.length; i++) v /= value(refs[i].trim(), run, pins);
            m.appendReplacement(out, Matcher.quoteReplacement(Numbers.significant(v, 3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static double value(String ref, LabSnapshot run, List<LabSnapshot> pins) {
        Matcher r = REF.matcher(ref);
        if (!r.matches()) throw new IllegalArgumentException("caption: '" + ref + "' is not a figure");
        LabSnapshot s = r.group(1) == null ? run : pins.get(Integer.parseInt(r.group(1)) - 1);
        if (r.group(4) != null) return s.stats().loss();
        double[] v = switch (r.group(2)) {
            case "act_mean" -> s.actMean();
            case "act_std" -> s.actStd();
            case "grad_mean" -> s.gradMean();
            default -> s.gradStd();
        };
        return v[r.group(3).equals("last") ? v.length - 1 : Integer.parseInt(r.group(3))];
    }
}
