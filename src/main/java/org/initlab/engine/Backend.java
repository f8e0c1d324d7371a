package org.initlab.engine;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** What computes: CPU (with oneDNN where the native build has it) or GPU, and the thread count. */
public final class Backend {
    private static volatile int threads;
    /** More compute threads than this only contend (and thousands crash the native thread pool). */
    public static final int MAX_THREADS = Math.max(64, 4 * Runtime.getRuntime().availableProcessors());
    /** OpenMP's thread count is a per-thread setting: each thread that computes applies it once. */
    private static final ThreadLocal<Integer> APPLIED = new ThreadLocal<>();
    /**
     * OpenBLAS's count is one for the process, set once a value: setting it looks the function up in
     * the loaded libraries (JavaCPP's {@code Loader.addressof}), which can deadlock against a library
     * that another thread loads at that moment (docs/RELIABILITY.md, "Hangs").
     */
    private static int blasThreads;

    private Backend() {}

    /**
     * One compute thread unless OMP_NUM_THREADS or {@link #threads} says otherwise: on a 2-core
     * machine that also runs the UI, OpenMP's spinning second thread made steps up to 15× slower
     * whenever the other core was busy (see README, bench). Cheap to call before every step.
     */
    public static void configure() {
        if (threads == 0) {
            String env = System.getenv("OMP_NUM_THREADS");
            threads = env == null || !env.matches("\\d+") ? 1 : Math.max(1, Integer.parseInt(env));
        }
        Integer applied = APPLIED.get();
        if (applied == null || applied != threads) {
            Nd4j.getBackend(); // loads the natives that NativeOpsHolder reads its settings from
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
            synchronized (Backend.class) {
                if (blasThreads != threads) {
                    Nd4j.factory().blas().setMaxThreads(threads);
                    blasThreads = threads;
                }
            }
            APPLIED.set(threads);
        }
    }

    /** The compute thread count engine threads use. */
    public static int threads() {
        configure();
        return threads;
    }

    /** Sets the compute thread count for every engine thread from now on. */
    public static void threads(int n) {
        if (n < 1 || n > MAX_THREADS) throw new IllegalArgumentException("threads must be within 1 … " + MAX_THREADS + " (got " + n + ")");
        threads = n;
        configure();
    }

    public static String describe() {
        var env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = String.valueOf(env.getOrDefault("backend", Nd4j.getBackend().getClass().getSimpleName()));
        boolean gpu = backend.toLowerCase().contains("cuda");
        if (gpu) return "GPU (ND4J CUDA)";
        configure();
        String threads = String.valueOf(Backend.threads);
        String helpers = Nd4j.getEnvironment().helpersAllowed() && oneDnnBuild() ? " + oneDNN" : "";
        return "CPU (ND4J" + helpers + ", " + threads + " thread" + ("1".equals(threads) ? "" : "s") + ")";
    }

    /** The oneDNN native builds carry "onednn" in their classifier, hence in their natives' resource path. */
    private static boolean oneDnnBuild() {
        for (String ext : new String[] {"-onednn", "-onednn-avx2", "-onednn-avx512"})
            if (Backend.class.getResource("/org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64" + ext + "/") != null
                || Backend.class.getResource("/org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64" + ext + "/libnd4jcpu.so") != null) return true;
        return false;
    }
}
