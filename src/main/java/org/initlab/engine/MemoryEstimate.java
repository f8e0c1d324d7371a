package org.initlab.engine;

import java.util.List;
import java.util.Locale;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.ModelSpec;

/**
 * Off-heap bytes a step needs, estimated before anything is allocated, so a batch/model that
 * cannot fit is refused with a number instead of crashing the native allocator.
 */
public final class MemoryEstimate {
    private MemoryEstimate() {}

    /**
     * Per module: its output, the output-gradient and the input-gradient (3 tensors), plus
     * the im2col patches of convolutions and oneDNN's copies of their input, output and both
     * gradients in its own layout (the output gradient twice where its two backward kernels want
     * different layouts); parameters three times (value, gradient, optimizer state); the
     * workspace over-allocates by 30 %.
     */
    public static long bytes(ModelSpec spec, int batch) {
        List<long[]> shapes = spec.shapes();
        double elements = 0, params = 0;
        long[] in = spec.input();
        for (int i = 0; i < shapes.size(); i++) {
            double out = batch * product(shapes.get(i));
            elements += 3 * out;
            if (spec.layers().get(i) instanceof LayerSpec.Conv2d c) {
                elements += out / c.out() * in[0] * c.kernel() * c.kernel();
                elements += 2 * batch * product(in) + 3 * out;
                params += (double) c.out() * in[0] * c.kernel() * c.kernel() + c.out();
            } else if (spec.layers().get(i) instanceof LayerSpec.Linear l) {
                params += (double) l.out() * in[0] + l.out();
            }
            in = shapes.get(i);
        }
        elements += batch * product(spec.input());
        return (long) Math.min(Long.MAX_VALUE, (elements * 1.3 + 3 * params) * Float.BYTES);
    }

    /**
     * Throws with the estimate when it exceeds the machine's memory: past that the native allocator
     * crashes the process. ND4J's arrays are not held to JavaCPP's own limit (which follows the heap's
     * -Xmx), so the machine, not that limit, is the bound.
     */
    public static void check(ModelSpec spec, int batch) {
        long need = bytes(spec, batch), machine = machineBytes();
        if (machine > 0 && need > machine)
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "batch %d of %s needs about %s but this machine has %s of memory; use a smaller batch", batch, spec.name(), human(need), human(machine)));
    }

    /** The machine's physical memory, or 0 where the JVM cannot tell. */
    static long machineBytes() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getTotalMemorySize() : 0;
    }

    static String human(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                                 : String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }

    private static double product(long[] s) {
        double p = 1;
        for (long d : s) p *= d;
        return p;
    }
}
