package org.initlab.ui;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.initlab.engine.LabSnapshot;
import org.initlab.engine.ModuleStats;
import org.initlab.stats.TensorStats;

/** An image as PNG, the clipboard, and the statistics as CSV. */
public final class Exporter {
    private Exporter() {}

    /** Writes the image as PNG; a failure leaves the file as it was ({@link ChartFiles#writePng}). */
    public static void write(WritableImage img, Path file) throws IOException {
        ChartFiles.writePng(SwingFXUtils.fromFXImage(img, null), file);
    }

    /** Puts the image on the system clipboard; false where there is no clipboard (headless). */
    public static boolean copy(WritableImage img) {
        try {
            ClipboardContent c = new ClipboardContent();
            c.putImage(img);
            return Clipboard.getSystemClipboard().setContent(c);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** One row per module and figure kind: act, grad, weight, weight_grad. A failure leaves the file as it was ({@link ChartFiles#save}). */
    public static void csv(LabSnapshot s, Path file) throws IOException {
        ChartFiles.save(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            table(s, w);
            w.flush(); // the stream is the temporary file's, which the save closes
        });
    }

    private static void table(LabSnapshot s, Writer w) throws IOException {
        w.write("# model=" + s.config().spec().name() + " init=" + s.config().init() + " seed=" + s.config().seed()
            + " split=" + s.config().split().id() + " offset=" + s.config().offset() + " batch=" + s.config().batchSize()
            + " loss=" + fmt(s.stats().loss()) + "\n");
        w.write("module,type,shape,tensor,mean,std,min,max,near_zero,theory_std\n");
        List<ModuleStats> mods = s.modules();
        for (ModuleStats m : mods) {
            String head = m.index() + "," + m.type() + "," + shape(m.shape()) + ",";
            double theory = s.theoryStd() != null && m.index() < s.theoryStd().length ? s.theoryStd()[m.index()] : Double.NaN;
            row(w, head + "act,", m.act(), theory);
            row(w, head + "grad,", m.grad(), Double.NaN);
            if (m.weight() != null) row(w, head + "weight,", m.weight(), Double.NaN);
            if (m.weightGrad() != null) row(w, head + "weight_grad,", m.weightGrad(), Double.NaN);
        }
    }

    private static void row(Writer w, String head, TensorStats t, double theory) throws IOException {
        w.write(head + fmt(t.mean()) + "," + fmt(t.std()) + "," + fmt(t.min()) + "," + fmt(t.max()) + "," + fmt(t.nearZero()) + ","
            + (Double.isNaN(theory) ? "" : fmt(theory)) + "\n");
    }

    private static String shape(long[] s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length; i++) b.append(i == 0 ? "" : "x").append(s[i]);
        return b.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
