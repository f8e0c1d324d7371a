package org.initlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Groups of controls in rows, left to right, wrapping where the width runs out, a group never split.
 * The second part (the settings after the actions) starts a row of its own where that takes no more
 * rows than flowing on: actions above settings where the tab is wide, one dense flow where it is
 * narrow (projector type at 1280 px), so the charts below keep the height.
 */
final class ToolRows extends Pane {
    private final double hgap, vgap;
    private final int secondPart;

    /** {@code first} and {@code second}: the two parts' groups, in order. */
    ToolRows(double hgap, double vgap, List<? extends Node> first, List<? extends Node> second) {
        this.hgap = hgap;
        this.vgap = vgap;
        this.secondPart = first.size();
        getChildren().addAll(first);
        getChildren().addAll(second);
        setMinWidth(0); // on a narrow tab the last group is cut rather than the charts pushed past the window's edge
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        // as wide as the wider part on one row
        double widest = 0, row = 0;
        List<Node> kids = getManagedChildren();
        for (int i = 0; i < kids.size(); i++) {
            if (i == secondPart) row = 0;
            row += (row > 0 ? hgap : 0) + kids.get(i).prefWidth(-1);
            widest = Math.max(widest, row);
        }
        Insets in = getInsets();
        return in.getLeft() + widest + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = width < 0 ? computePrefWidth(-1) - in.getLeft() - in.getRight() : width - in.getLeft() - in.getRight();
        double h = 0;
        for (List<Node> row : rows(inner)) h += (h > 0 ? vgap : 0) + height(row);
        return in.getTop() + h + in.getBottom();
    }

    /** As tall as its rows: the tab's charts give up height, not the controls. */
    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double y = in.getTop();
        for (List<Node> row : rows(getWidth() - in.getLeft() - in.getRight())) {
            double x = in.getLeft(), h = height(row);
            for (Node n : row) {
                double w = n.prefWidth(-1);
                layoutInArea(n, x, y, w, h, 0, Insets.EMPTY, true, false, HPos.LEFT, VPos.CENTER);
                x += w + hgap;
            }
            y += h + vgap;
        }
    }

    /** The groups by row at this inner width: the second part on rows of its own unless flowing on saves a row. */
    private List<List<Node>> rows(double width) {
        List<List<Node>> apart = flow(width, true), together = flow(width, false);
        return apart.size() <= together.size() ? apart : together;
    }

    private List<List<Node>> flow(double width, boolean breakAtSecond) {
        List<List<Node>> rows = new ArrayList<>();
        List<Node> row = new ArrayList<>();
        double used = 0;
        List<Node> kids = getManagedChildren();
        for (int i = 0; i < kids.size(); i++) {
            Node n = kids.get(i);
            double w = n.prefWidth(-1);
            if (!row.isEmpty() && (used + hgap + w > width || breakAtSecond && i == secondPart)) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            used += (row.isEmpty() ? 0 : hgap) + w;
            row.add(n);
        }
        if (!row.isEmpty()) rows.add(row);
        return rows;
    }

    private static double height(List<Node> row) {
        double h = 0;
        for (Node n : row) h = Math.max(h, n.prefHeight(-1));
        return h;
    }
}
