package org.initlab.engine;

import org.nd4j.linalg.factory.Nd4j;

/** What computes: CPU (with oneDNN where the native build has it) or GPU, and the thread count. */
public final class Backend {
    private Backend() {}

    public static String describe() {
        var env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = String.valueOf(env.getOrDefault("backend", Nd4j.getBackend().getClass().getSimpleName()));
        boolean gpu = backend.toLowerCase().contains("cuda");
        if (gpu) return "GPU (ND4J CUDA)";
        String threads = String.valueOf(env.getOrDefault("omp.threads", "?"));
        boolean onednn = Nd4j.getExecutioner().getClass().getName().contains("Native") && hasOneDnn();
        return "CPU (ND4J" + (onednn ? " + oneDNN" : "") + ", " + threads + " thread" + ("1".equals(threads) ? "" : "s") + ")";
    }

    private static boolean hasOneDnn() {
        try {
            Class<?> c = Class.forName("org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment"); // where nd4j-native 1.0.0-M2.1 has it
            Object e = c.getMethod("getInstance").invoke(null);
            return (boolean) c.getMethod("helpersAllowed").invoke(e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
