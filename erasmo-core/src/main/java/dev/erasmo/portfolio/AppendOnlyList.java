package dev.erasmo.portfolio;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An immutable list that grows by sharing: {@link #plus} returns a longer list over the same
 * array when nobody has grown this one before, so a line of versions (a portfolio and the next
 * after each event) costs amortized O(1) per element instead of a copy of everything. A second
 * list grown from the same version finds its slot taken and copies. The items below a list's size
 * are never written again, so every list is immutable; a slot is claimed by a compare-and-set
 * before it is written, and the longer list is published through a final field after that write.
 *
 * <p>Immutable and thread-safe. Refuses nulls.
 *
 * @param <T> the items
 */
final class AppendOnlyList<T> extends AbstractList<T> implements RandomAccess {

    private static final AppendOnlyList<?> EMPTY = new AppendOnlyList<>(new Buffer(new Object[0], 0), 0);

    /** The array, and how much of it some list has claimed. */
    private static final class Buffer {
        final Object[] items;
        final AtomicInteger claimed;

        Buffer(Object[] items, int claimed) {
            this.items = items;
            this.claimed = new AtomicInteger(claimed);
        }
    }

    private final Buffer buffer;
    private final int size;

    private AppendOnlyList(Buffer buffer, int size) {
        this.buffer = buffer;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <T> AppendOnlyList<T> empty() {
        return (AppendOnlyList<T>) EMPTY;
    }

    /** A list of the items, with room to grow. */
    static <T> AppendOnlyList<T> copyOf(List<? extends T> items) {
        Object[] array = Arrays.copyOf(items.toArray(), room(items.size()));
        for (int i = 0; i < items.size(); i++) {
            Objects.requireNonNull(array[i], "item");
        }
        return new AppendOnlyList<>(new Buffer(array, items.size()), items.size());
    }

    private static int room(int size) {
        return Math.max(16, size + (size >> 1) + 1);
    }

    /** This list with one more item at the end. */
    AppendOnlyList<T> plus(T item) {
        Objects.requireNonNull(item, "item");
        Object[] items = buffer.items;
        if (size < items.length && buffer.claimed.compareAndSet(size, size + 1)) {
            items[size] = item;
            return new AppendOnlyList<>(buffer, size + 1);
        }
        Object[] copy = Arrays.copyOf(items, room(size + 1));
        Arrays.fill(copy, size, copy.length, null);
        copy[size] = item;
        return new AppendOnlyList<>(new Buffer(copy, size + 1), size + 1);
    }

    /** This list with an item put in at an index, the later ones moved up: a copy. */
    AppendOnlyList<T> withInserted(int index, T item) {
        Objects.requireNonNull(item, "item");
        Objects.checkIndex(index, size + 1);
        Object[] copy = new Object[room(size + 1)];
        System.arraycopy(buffer.items, 0, copy, 0, index);
        copy[index] = item;
        System.arraycopy(buffer.items, index, copy, index + 1, size - index);
        return new AppendOnlyList<>(new Buffer(copy, size + 1), size + 1);
    }

    /** The first {@code n} items, sharing this list's array (growing it then copies). */
    AppendOnlyList<T> prefix(int n) {
        Objects.checkIndex(n, size + 1);
        return n == size ? this : new AppendOnlyList<>(buffer, n);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        Objects.checkIndex(index, size);
        return (T) buffer.items[index];
    }

    @Override
    public int size() {
        return size;
    }
}
