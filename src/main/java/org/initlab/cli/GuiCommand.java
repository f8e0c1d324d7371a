package org.initlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.initlab.AppFolders;
import org.initlab.ui.Gui;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "gui", mixinStandardHelpOptions = true,
    description = "Opens the lab window (seed4, pytorch-default, the bundled MNIST). The default when no command is given.")
final class GuiCommand implements Callable<Integer> {
    @Option(names = "--data", description = "folder of IDX files; default: the bundled MNIST")
    Path data;

    @Option(names = "--theme", description = "light, dark or projector; default: the one of the last run, else light")
    String theme;

    @Option(names = "--screenshot", description = "wait for the first charts, save the whole window to this PNG and exit")
    Path screenshot;

    @Option(names = "--width", defaultValue = "1600", description = "window width; default ${DEFAULT-VALUE}")
    int width;

    @Option(names = "--height", defaultValue = "1000", description = "window height; default ${DEFAULT-VALUE}")
    int height;

    @Option(names = "--headless", description = "render off-screen (Monocle) even when a display is present; with --screenshot")
    boolean headless;

    @Option(names = "--tab", defaultValue = "stats", description = "tab to open on: stats or training; default ${DEFAULT-VALUE}")
    String tab;

    @Option(names = "--train-steps", defaultValue = "0", description = "start a training run of this many steps 2 s after the first charts (with --screenshot: shoot when it ends)")
    long trainSteps;

    @Option(names = "--experiment", description = "open this experiment file (model, init, optimizer, seed) in the window")
    Path experiment;

    @Override
    public Integer call() throws Exception {
        if (theme != null) org.initlab.ui.Themes.check(theme);
        if (width < 640 || height < 480) throw new IllegalArgumentException("the window needs at least 640×480 (got " + width + "×" + height + ")");
        if (headless && screenshot == null) throw new IllegalArgumentException("--headless only makes sense with --screenshot");
        if (screenshot != null) org.initlab.ui.ChartFiles.notAFolder(screenshot); // before the window opens, not after its first charts
        if (Gui.noDisplay() && screenshot == null)
            throw new IllegalArgumentException("no display (DISPLAY is not set): run under a desktop, use xvfb-run, or render with `plot` / `gui --screenshot`");
        if (!tab.equals("stats") && !tab.equals("training")) throw new IllegalArgumentException("unknown tab '" + tab + "' (stats, training)");
        if (trainSteps < 0) throw new IllegalArgumentException("--train-steps must be ≥ 0 (got " + trainSteps + ")");
        return Gui.window(data != null ? data : AppFolders.bundled(AppFolders.MNIST), theme, screenshot, width, height, headless, tab, trainSteps, experiment);
    }

}
