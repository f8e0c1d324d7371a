package org.initlab.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.initlab.engine.Lab;
import org.initlab.engine.LabConfig;
import org.initlab.engine.LabSnapshot;
import org.initlab.engine.Sweep;

/**
 * A sweep written as a looping GIF: the engine computes every value's stats on the caller's thread;
 * then, per value, the FX thread lays out and draws one labelled frame (tens of milliseconds), every
 * frame on the same y axes, and the caller's thread encodes it. Call it off the FX thread; the window runs it in the background with a progress bar.
 */
public final class SweepExport {
    /** How long a frame shows; the last one is held longer, so the loop's end reads as one. */
    static final int FRAME_MILLIS = 250, LAST_FRAME_MILLIS = 1500;

    /** Work done so far, of the total: a unit per run computed, then a unit per frame drawn. */
    public interface Progress {
        void frame(int done, int total);
    }

    private SweepExport() {}

    /**
     * Writes the sweep; returns the frames written. When {@code cancelled} turns true it stops after the
     * frame at hand, leaves {@code out} as it was and returns the frames done so far.
     */
    public static int write(LabConfig base, Sweep sweep, String theme, boolean logStd, int width, int height, int scale, Path out,
                            Progress progress, BooleanSupplier cancelled) throws IOException, InterruptedException {
        sweep.check(base);
        List<Double> values = sweep.values();
        BlockingQueue<LabSnapshot> answers = new ArrayBlockingQueue<>(4);
        List<LabSnapshot> runs = new ArrayList<>();
        int done = 0;
        // every run first, so that all frames share one y axis per chart; computing is the first half of the progress
        try (Lab lab = new Lab(answers::offer)) {
            for (double v : values) {
                if (cancelled.getAsBoolean()) return 0;
                lab.submit(sweep.apply(base, v));
                LabSnapshot s = answers.poll(300, TimeUnit.SECONDS);
                if (s == null) throw new IllegalStateException("the engine gave no answer within 300 s");
                if (!s.hasStats()) throw new IllegalArgumentException(sweep.label(v) + ": " + s.problem().message());
                runs.add(s);
                progress.frame(runs.size(), 2 * values.size());
            }
        }
        StatsFigure figure = Plots.onFx(() -> {
            StatsFigure f = new StatsFigure(theme, width, height);
            f.spanAll(runs, logStd);
            return f;
        });
        try (GifWriter gif = new GifWriter(out, FRAME_MILLIS)) {
            for (int i = 0; i < runs.size() && !cancelled.getAsBoolean(); i++) {
                LabSnapshot s = runs.get(i);
                String label = sweep.label(values.get(i));
                BufferedImage frame = Plots.onFx(() -> ChartFiles.image(figure.show(s, logStd, label), scale));
                done++;
                gif.add(frame, done == values.size() ? LAST_FRAME_MILLIS : FRAME_MILLIS);
                progress.frame(values.size() + done, 2 * values.size());
            }
            if (done == values.size()) gif.commit();
        }
        return done;
    }
}
