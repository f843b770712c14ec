package dev.erasmo.portfolio;

import dev.erasmo.instrument.Symbol;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An immutable map by symbol, in symbol order, held in two sorted arrays: a state's positions and
 * realized P&amp;L. A state of the fold shares it with the next as long as nothing changed, and a
 * change makes a new one by copying two arrays, not by building a tree. Lookups are binary
 * searches. Equal to any map with the same entries. Immutable and thread-safe.
 *
 * @param <V> the values
 */
final class SymbolMap<V> extends AbstractMap<Symbol, V> {

    private static final SymbolMap<?> EMPTY = new SymbolMap<>(new Symbol[0], new Object[0]);

    private final Symbol[] keys;
    private final Object[] values;

    private SymbolMap(Symbol[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    @SuppressWarnings("unchecked")
    static <V> SymbolMap<V> empty() {
        return (SymbolMap<V>) EMPTY;
    }

    /** The map itself if it is one, else a sorted copy (null keys or values refused). */
    @SuppressWarnings("unchecked")
    static <V> SymbolMap<V> copyOf(Map<Symbol, ? extends V> map) {
        if (map instanceof SymbolMap<?> m) {
            return (SymbolMap<V>) m;
        }
        TreeMap<Symbol, V> sorted = new TreeMap<>(map);
        Symbol[] k = new Symbol[sorted.size()];
        Object[] v = new Object[sorted.size()];
        int i = 0;
        for (Map.Entry<Symbol, V> e : sorted.entrySet()) {
            k[i] = Objects.requireNonNull(e.getKey(), "key");
            v[i++] = Objects.requireNonNull(e.getValue(), "value of " + e.getKey());
        }
        return new SymbolMap<>(k, v);
    }

    /**
     * This map with some symbols changed: each key of {@code changes} set to its value, or
     * removed where the value is null.
     */
    SymbolMap<V> with(Map<Symbol, ? extends @Nullable V> changes) {
        if (changes.isEmpty()) {
            return this;
        }
        Symbol[] changed = changes.keySet().toArray(new Symbol[0]);
        Arrays.sort(changed);
        Symbol[] k = new Symbol[keys.length + changed.length];
        Object[] v = new Object[keys.length + changed.length];
        int i = 0; // the next key of this map not yet copied
        int n = 0;
        for (Symbol c : changed) {
            // the unchanged keys before c are copied in one go, found by binary search, not compared one by one
            int at = Arrays.binarySearch(keys, i, keys.length, c);
            int before = at >= 0 ? at : -at - 1;
            System.arraycopy(keys, i, k, n, before - i);
            System.arraycopy(values, i, v, n, before - i);
            n += before - i;
            i = at >= 0 ? at + 1 : before;
            V value = changes.get(c);
            if (value != null) {
                k[n] = c;
                v[n++] = value;
            }
        }
        System.arraycopy(keys, i, k, n, keys.length - i);
        System.arraycopy(values, i, v, n, keys.length - i);
        n += keys.length - i;
        return new SymbolMap<>(n == k.length ? k : Arrays.copyOf(k, n), n == v.length ? v : Arrays.copyOf(v, n));
    }

    private int indexOf(@Nullable Object key) {
        return key instanceof Symbol s ? Arrays.binarySearch(keys, s) : -1;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable V get(@Nullable Object key) {
        int i = indexOf(key);
        return i >= 0 ? (V) values[i] : null;
    }

    @Override
    public Collection<V> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<V> iterator() {
                return new Walk<>(values.length) {
                    @Override
                    @SuppressWarnings("unchecked")
                    V at(int i) {
                        return (V) values[i];
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }

            // copies of the array, not a walk: a daily curve lays out every state's positions
            @Override
            public Object[] toArray() {
                return Arrays.copyOf(values, values.length);
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T[] toArray(T[] a) {
                if (a.length < values.length) {
                    return (T[]) Arrays.copyOf(values, values.length, a.getClass());
                }
                System.arraycopy(values, 0, a, 0, values.length);
                if (a.length > values.length) {
                    a[values.length] = null;
                }
                return a;
            }
        };
    }

    @Override
    public Set<Map.Entry<Symbol, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Symbol, V>> iterator() {
                return new Walk<>(keys.length) {
                    @Override
                    @SuppressWarnings("unchecked")
                    Map.Entry<Symbol, V> at(int i) {
                        return new AbstractMap.SimpleImmutableEntry<>(keys[i], (V) values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    /** An iterator over the indexes of the arrays; removal is not supported. */
    private abstract static class Walk<T> implements Iterator<T> {
        private final int size;
        private int next;

        Walk(int size) {
            this.size = size;
        }

        abstract T at(int i);

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public T next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            return at(next++);
        }
    }
}
