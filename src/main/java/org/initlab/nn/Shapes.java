package org.initlab.nn;

import java.util.Arrays;
import java.util.stream.Collectors;

public final class Shapes {
    private Shapes() {}

    public static String str(long[] s) {
        return Arrays.stream(s).mapToObj(Long::toString).collect(Collectors.joining("×", "[", "]"));
    }
}
