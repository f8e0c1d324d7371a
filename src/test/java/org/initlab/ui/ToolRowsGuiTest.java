package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Training tab's controls: actions above settings where both fit a row each, and one dense flow,
 * fewer rows, where they do not; as tall as the rows they take.
 */
class ToolRowsGuiTest {
    @BeforeAll
    static void start() {
        Fx.start();
    }

    private static Region group(double w) {
        Region r = new Region();
        r.setPrefSize(w, 30);
        return r;
    }

    /** The row (0, 1, …) of each group, laid out at this width. */
    private static List<Integer> rows(double width) throws Exception {
        return Fx.call(() -> {
            List<Region> first = List.of(group(200), group(100)), second = List.of(group(150), group(150), group(180));
            ToolRows bar = new ToolRows(10, 4, first, second);
            bar.resize(width, bar.prefHeight(width));
            bar.layout();
            List<Node> all = new ArrayList<>(first);
            all.addAll(second);
            TreeSet<Double> tops = new TreeSet<>();
            for (Node n : all) tops.add(n.getLayoutY());
            List<Integer> rows = new ArrayList<>();
            for (Node n : all) rows.add(tops.headSet(n.getLayoutY()).size());
            assertEquals(tops.size() * 30 + (tops.size() - 1) * 4, bar.prefHeight(width), 0.01, "as tall as its rows at " + width);
            return rows;
        });
    }

    @Test
    void actionsAboveSettingsWhereEachFitsARow() throws Exception {
        assertEquals(List.of(0, 0, 1, 1, 1), rows(600)); // flowing on would take two rows as well: 200+100+150 | 150+180
    }

    @Test
    void oneFlowWhereThatSavesARow() throws Exception {
        // apart: 200+100 | 150+150 | 180, three rows; flowing on: 200+100+150 | 150+180, two
        assertEquals(List.of(0, 0, 0, 1, 1), rows(470));
    }
}
