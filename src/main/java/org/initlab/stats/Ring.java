package org.initlab.stats;

/**
 * A bounded ring of rows of {@code width} doubles in one plain array: once full, each new row
 * overwrites the oldest, so memory stays constant however long a run goes. Not thread-safe: the
 * engine thread writes, and hands out copies.
 */
public final class Ring {
    private final int capacity, width;
    private final double[] data;
    private long added;

    public Ring(int capacity, int width) {
        if (capacity <= 0 || width <= 0) throw new IllegalArgumentException("a ring needs capacity and width > 0 (got " + capacity + ", " + width + ")");
        if ((long) capacity * width > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("ring too large: " + capacity + " × " + width);
        this.capacity = capacity;
        this.width = width;
        this.data = new double[capacity * width];
    }

    public Ring(int capacity) {
        this(capacity, 1);
    }

    public void add(double v) {
        data[slot()] = v;
        added++;
    }

    /** Appends one row (its first {@code width} values). */
    public void add(double[] row) {
        System.arraycopy(row, 0, data, slot(), width);
        added++;
    }

    private int slot() {
        return (int) (added % capacity) * width;
    }

    public int capacity() { return capacity; }
    public int width() { return width; }
    /** Rows held now: at most the capacity. */
    public int size() { return (int) Math.min(added, capacity); }
    /** Rows ever added, including the overwritten ones. */
    public long added() { return added; }

    /** A copy of the held values, oldest first (width 1). */
    public double[] toArray() {
        int n = size();
        double[] out = new double[n * width];
        int start = added > capacity ? (int) (added % capacity) : 0; // oldest row
        int first = Math.min(n, capacity - start);
        System.arraycopy(data, start * width, out, 0, first * width);
        System.arraycopy(data, 0, out, first * width, (n - first) * width);
        return out;
    }

    /** A copy of the held rows, oldest first. */
    public double[][] rows() {
        double[] flat = toArray();
        double[][] out = new double[size()][width];
        for (int i = 0; i < out.length; i++) System.arraycopy(flat, i * width, out[i], 0, width);
        return out;
    }

    /** A copy of the held rows at these positions (0: the oldest held), flattened. */
    public double[] toArray(int[] positions) {
        double[] out = new double[positions.length * width];
        int start = added > capacity ? (int) (added % capacity) : 0;
        for (int i = 0; i < positions.length; i++)
            System.arraycopy(data, (int) ((start + (long) positions[i]) % capacity) * width, out, i * width, width);
        return out;
    }

    /** A copy of the held rows at these positions (0: the oldest held). */
    public double[][] rows(int[] positions) {
        double[] flat = toArray(positions);
        double[][] out = new double[positions.length][width];
        for (int i = 0; i < out.length; i++) System.arraycopy(flat, i * width, out[i], 0, width);
        return out;
    }

    public int memoryDoubles() {
        return data.length;
    }
}
