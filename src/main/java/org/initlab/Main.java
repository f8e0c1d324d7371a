package org.initlab;

import org.initlab.cli.Cli;

/** Entry point; not an {@code Application}, so the jar runs from a plain classpath. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
