package org.initlab.nn;

import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a layer makes for one input shape (an array, oneDNN's primitives), kept for the last two
 * shapes: training alternates its batch with the evaluation's at every epoch's end. Made anew there,
 * each epoch's would be dropped after living through many collections, in the old generation, where
 * native memory waits for a full collection (training's resident memory grew by tens of MB a minute),
 * and the primitives' buffers would be freed and allocated again twice an epoch.
 */
final class LastTwo<T> {
    private final Consumer<T> drop;
    private T current, previous;

    /** @param drop frees what an evicted one holds beyond the garbage collector's reach (or nothing) */
    LastTwo(Consumer<T> drop) {
        this.drop = drop;
    }

    /** The kept one that {@code fits}, else a new one, which evicts the older; either becomes the current. */
    T get(Predicate<T> fits, Supplier<T> make) {
        if (current != null && fits.test(current)) return current;
        T next = previous;
        if (next == null || !fits.test(next)) {
            if (next != null) drop.accept(next);
            next = make.get();
        }
        previous = current;
        current = next;
        return next;
    }

    /** The one the last {@link #get} returned; null before it. */
    T current() {
        return current;
    }

    /** Drops both. */
    void clear() {
        if (current != null) drop.accept(current);
        if (previous != null) drop.accept(previous);
        current = previous = null;
    }
}
