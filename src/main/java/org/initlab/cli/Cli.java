package org.initlab.cli;

import java.io.PrintWriter;
import org.initlab.AppLog;
import org.initlab.data.DataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless commands; with no command, the lab window opens. */
@Command(name = "initlab", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    description = "A laboratory for seeing how weight initialization shapes a neural network.",
    subcommands = {StatsCommand.class, BenchCommand.class, TrainCommand.class, GuiCommand.class, PlotCommand.class, LessonsCommand.class})
public final class Cli implements Runnable {
    /** The pom's version, as the build wrote it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"InitLab " + org.initlab.AppFolders.version()};
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static int run(String... given) {
        String[] args = given.length == 0 ? new String[] {"gui"} : given;
        // the model of every command would cost the window about 0.1 s of its start
        boolean gui = args[0].equals("gui");
        CommandLine cl = gui ? new CommandLine(new GuiCommand()).setCommandName("initlab gui") : new CommandLine(new Cli());
        String[] rest = gui ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        cl.setCaseInsensitiveEnumValuesAllowed(true); // --format JSON, --view histograms: as --init and --mode already take any case
        cl.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("initlab: " + e.getMessage() + " (see --help)");
            return 2;
        });
        cl.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("initlab: " + oneLine(e));
            AppLog.error("initlab " + String.join(" ", args), e);
            return 1;
        });
        try {
            return cl.execute(rest);
        } catch (Throwable e) { // an Error (a native library that failed to load, memory) still gets one line
            System.err.println("initlab: " + oneLine(e));
            AppLog.error("initlab " + String.join(" ", args), e);
            return 1;
        }
    }

    /** Refuses the first of {@code options} the command line gave, in the sentence {@code why} makes of it: a value the command would ignore. */
    static void refuseGiven(picocli.CommandLine.Model.CommandSpec spec, java.util.List<String> options, java.util.function.UnaryOperator<String> why) {
        for (String o : options)
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) throw new IllegalArgumentException(why.apply(o));
    }

    /**
     * The user's sentence for an error: the message of bad input or of a failed write that says what
     * happened ("F could not be written (No space left on device)"), else the exception's kind too
     * (a NoSuchFileException's message is only the path).
     */
    public static String oneLine(Throwable e) {
        if (e instanceof DataException || e instanceof IllegalArgumentException) return e.getMessage();
        boolean onlyAPath = e instanceof java.nio.file.FileSystemException f && f.getReason() == null;
        if (e instanceof java.io.IOException && e.getMessage() != null && !onlyAPath) return e.getMessage().lines().findFirst().orElse("");
        return AppLog.oneLine(e);
    }
}
