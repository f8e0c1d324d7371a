package org.initlab.ui;

import java.util.BitSet;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.initlab.engine.LabSnapshot;

/**
 * Up to {@value #MAX} pinned runs, each labelled with what it was ("kaiming-uniform a=0 fan_in") and
 * holding its style (colour, dashes, marker) while it lives, so the others keep theirs when one goes.
 */
public final class Pins {
    public static final int MAX = 4;

    /** A pinned run: its label, its style (0 … MAX−1, see {@link PlotOverlays#PIN_STYLES}) and its statistics. */
    public record Pin(String label, int style, LabSnapshot snapshot) {}

    private final ObservableList<Pin> pins = FXCollections.observableArrayList();
    private final ObservableList<Pin> view = FXCollections.unmodifiableObservableList(pins);

    /** Pins a run; false (and nothing changes) when there is none, it is pinned already, or {@value #MAX} are. */
    public boolean pin(LabSnapshot s) {
        if (s == null || !s.hasStats() || pins.size() >= MAX || pins.stream().anyMatch(p -> p.snapshot() == s)) return false;
        BitSet used = new BitSet();
        for (Pin p : pins) used.set(p.style());
        pins.add(new Pin(label(s), used.nextClearBit(0), s));
        return true;
    }

    /** Removes the pin at this position (oldest first); out of range: nothing. */
    public void unpin(int i) {
        if (i >= 0 && i < pins.size()) pins.remove(i);
    }

    /** Removes the newest pin. */
    public void unpinLast() {
        unpin(pins.size() - 1);
    }

    public void unpinAll() {
        pins.clear();
    }

    public ObservableList<Pin> list() {
        return view;
    }

    /** Drops the pins of another model: a pin only compares like with like. */
    void keepLike(LabSnapshot s) {
        pins.removeIf(p -> !sameModules(p.snapshot(), s));
    }

    /** The init, and the model, seed or batch where another pin or the first differs in them. */
    private String label(LabSnapshot s) {
        var c = s.config();
        String label = c.init().toString();
        for (Pin p : pins) {
            var o = p.snapshot().config();
            if (!o.spec().name().equals(c.spec().name())) label = c.spec().name() + " · " + label;
            else if (o.init().equals(c.init()) && o.seed() != c.seed()) label += " · seed " + c.seed();
            else if (o.init().equals(c.init())) label += " · images " + c.offset() + "+";
            if (!label.equals(c.init().toString())) break;
        }
        String base = label;
        for (int k = 2; k < 10; k++) {
            String taken = label;
            if (pins.stream().noneMatch(p -> p.label().equals(taken))) break;
            label = base + " (" + k + ")";
        }
        return label;
    }

    static boolean sameModules(LabSnapshot a, LabSnapshot b) {
        List<?> x = a.modules(), y = b.modules();
        if (x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); i++) if (!a.modules().get(i).type().equals(b.modules().get(i).type())) return false;
        return true;
    }
}
