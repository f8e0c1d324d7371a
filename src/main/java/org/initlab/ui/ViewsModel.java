package org.initlab.ui;

import java.util.Arrays;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.initlab.engine.HistogramProbe;
import org.initlab.engine.LabConfig;
import org.initlab.engine.LabSnapshot;
import org.initlab.engine.Landscape;
import org.initlab.engine.SeedSweep;
import org.initlab.engine.ViewLab;

/**
 * The Layer stats tab's further views: which one is shown, the histograms' quantity, how many seeds to
 * average, and the answers of the {@link ViewLab}. Each charted lab answer becomes a request for what the
 * shown view needs; the lab's own answer is charted first, these fill in when they come, and a
 * newer request stops an older one. Answers are kept with the config they answer, so a view shows
 * one only while it still fits what is charted.
 */
public final class ViewsModel implements AutoCloseable {
    public enum View { CHARTS, HISTOGRAMS, LANDSCAPE }

    public enum HistogramKind { ACTIVATIONS, GRADIENTS }

    public static final int MAX_SEEDS = 100;

    /** Per module, figure → mean and std across {@code seeds} fresh inits (seeds s … s+N−1) of {@code config}. */
    public record Band(LabConfig config, int seeds, SeedSweep.Result result) {}

    public record Histograms(LabConfig config, List<HistogramProbe.ModuleHistograms> modules) {}

    public record LandscapeAnswer(LabConfig config, Landscape.Result result) {}

    private final LabViewModel vm;
    private final ObjectProperty<View> view = new SimpleObjectProperty<>(View.CHARTS);
    private final ObjectProperty<HistogramKind> histogramKind = new SimpleObjectProperty<>(HistogramKind.ACTIVATIONS);
    private final IntegerProperty seeds = new SimpleIntegerProperty(1);
    private final ReadOnlyObjectWrapper<Band> band = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Histograms> histograms = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LandscapeAnswer> landscape = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> problem = new ReadOnlyObjectWrapper<>("");
    private final BooleanBinding bandPending;
    private ViewLab lab;
    private long lastRequest;

    ViewsModel(LabViewModel vm) {
        this.vm = vm;
        vm.chartedProperty().addListener(o -> request());
        view.addListener(o -> request());
        seeds.addListener((o, was, now) -> {
            if (now.intValue() < 1 || now.intValue() > MAX_SEEDS) seeds.set(Math.max(1, Math.min(MAX_SEEDS, now.intValue())));
            else request();
        });
        bandPending = Bindings.createBooleanBinding(() -> seeds.get() > 1 && shownBand() == null, seeds, band, vm.chartedProperty());
    }

    void start() {
        if (lab == null) lab = new ViewLab(new Answers());
        request();
    }

    @Override
    public void close() {
        if (lab != null) lab.close();
    }

    /** What the charted config needs beyond the lab's own answer; nothing when the charts at one seed are shown. */
    private void request() {
        LabSnapshot s = vm.chartedProperty().get();
        if (lab == null || s == null || !s.hasStats()) return;
        boolean h = view.get() == View.HISTOGRAMS, l = view.get() == View.LANDSCAPE;
        int n = seeds.get();
        if (!h && !l && (n <= 1 || shownBand() != null)) return;
        lastRequest = lab.submit(new ViewLab.Request(s.config().withRunning(false), n, h, l));
    }

    /** The band if it answers what is charted now (any answer for another model, init, seed or batch is not shown). */
    public Band shownBand() {
        Band b = band.get();
        LabSnapshot s = vm.chartedProperty().get();
        return b != null && s != null && seeds.get() > 1 && b.seeds() == seeds.get() && sameRun(b.config(), s.config()) ? b : null;
    }

    /** The landscape if it was computed for the charted model, batch, scheme family and seed (any a). */
    public LandscapeAnswer shownLandscape() {
        LandscapeAnswer l = landscape.get();
        LabSnapshot s = vm.chartedProperty().get();
        return l != null && s != null && ViewLab.landscapeKey(l.config()).equals(ViewLab.landscapeKey(s.config())) ? l : null;
    }

    static boolean sameRun(LabConfig a, LabConfig b) {
        return a.spec().layers().equals(b.spec().layers()) && Arrays.equals(a.spec().input(), b.spec().input()) && a.spec().loss().equals(b.spec().loss())
            && a.init().equals(b.init()) && a.seed() == b.seed() && a.split() == b.split() && a.offset() == b.offset()
            && a.batchSize() == b.batchSize() && a.data().equals(b.data());
    }

    /** Engine thread → FX thread; an answer to a request that a newer one replaced is still shown if nothing newer came. */
    private final class Answers implements ViewLab.Listener {
        @Override public void histograms(long id, LabConfig config, List<HistogramProbe.ModuleHistograms> modules) {
            Platform.runLater(() -> {
                problem.set("");
                histograms.set(new Histograms(config, modules));
            });
        }

        @Override public void band(long id, LabConfig config, int n, SeedSweep.Result result) {
            Platform.runLater(() -> {
                problem.set("");
                band.set(new Band(config, n, result));
            });
        }

        @Override public void landscape(long id, LabConfig config, Landscape.Result result) {
            Platform.runLater(() -> landscape.set(new LandscapeAnswer(config, result)));
        }

        @Override public void problem(long id, String message) {
            Platform.runLater(() -> { if (id == lastRequest) problem.set(message); });
        }
    }

    public ObjectProperty<View> viewProperty() { return view; }
    public ObjectProperty<HistogramKind> histogramKindProperty() { return histogramKind; }
    public IntegerProperty seedsProperty() { return seeds; }
    public ReadOnlyObjectProperty<Band> bandProperty() { return band.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Histograms> histogramsProperty() { return histograms.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LandscapeAnswer> landscapeProperty() { return landscape.getReadOnlyProperty(); }
    /** Why the last request could not be answered (a seed that went non-finite), else "". */
    public ReadOnlyObjectProperty<String> problemProperty() { return problem.getReadOnlyProperty(); }
    /** Seeds above one are asked for and the band for what is charted has not come yet. */
    public BooleanBinding bandPendingProperty() { return bandPending; }
}
