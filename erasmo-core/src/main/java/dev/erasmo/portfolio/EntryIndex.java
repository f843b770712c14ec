package dev.erasmo.portfolio;

import dev.erasmo.ledger.LedgerEntry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The entries of a ledger by event id and by idempotency key: an open-addressing hash table
 * that, like {@link AppendOnlyList}, a line of versions shares and grows in place. A version sees
 * only the entries numbered up to its own size, so the entries a later version added are
 * skipped. Slots are only ever filled, never emptied or moved, so a key once found stays on its
 * probe path for every reader. The first version to grow past a size claims the right to write
 * there; another copies.
 *
 * <p>Immutable and thread-safe, as seen through its methods.
 */
final class EntryIndex {

    private static final EntryIndex EMPTY = new EntryIndex(new Table(0, 0), 0);

    /** A table with room for {@code capacity} entries, each under up to two keys, at most half full. */
    private static final class Table {
        final Object[] keys;
        final LedgerEntry[] values;
        final int capacity;
        final AtomicInteger claimed;

        Table(int capacity, int claimed) {
            int slots = Integer.highestOneBit(Math.max(4, capacity * 4 - 1)) << 1;
            this.keys = new Object[slots];
            this.values = new LedgerEntry[slots];
            this.capacity = capacity;
            this.claimed = new AtomicInteger(claimed);
        }

        void put(LedgerEntry e) {
            put(e.event().id(), e);
            if (e.key() != null) {
                put(e.key(), e);
            }
        }

        private void put(Object key, LedgerEntry e) {
            int mask = keys.length - 1;
            int i = spread(key.hashCode()) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            // the value before the key: a reader that finds the key finds its entry
            values[i] = e;
            keys[i] = key;
        }
    }

    private final Table table;
    private final int size;

    private EntryIndex(Table table, int size) {
        this.table = table;
        this.size = size;
    }

    static EntryIndex empty() {
        return EMPTY;
    }

    /**
     * The index of a ledger's entries, numbered 1 to {@code entries.size()} in order.
     *
     * @param entries the entries, by sequence
     */
    static EntryIndex of(List<LedgerEntry> entries) {
        Table t = new Table(Math.max(16, entries.size() + (entries.size() >> 1) + 1), entries.size());
        for (LedgerEntry e : entries) {
            t.put(e);
        }
        return new EntryIndex(t, entries.size());
    }

    /**
     * This index, or a copy of it, with room for {@code more} entries after its own without
     * growing again: for adding many at once.
     *
     * @param more how many entries will be added
     * @param entries the entries this index holds, by sequence
     */
    EntryIndex withRoom(int more, List<LedgerEntry> entries) {
        if (table.capacity - size >= more && table.claimed.get() == size) {
            return this;
        }
        int capacity = size + more;
        Table t = new Table(Math.max(16, capacity + (capacity >> 2)), size);
        for (int i = 0; i < size; i++) {
            t.put(entries.get(i));
        }
        return new EntryIndex(t, size);
    }

    /**
     * This index with one more entry, numbered {@code size + 1}.
     *
     * @param entry the entry
     * @param before the entries this index holds, by sequence, for a copy if it cannot grow in place
     */
    EntryIndex plus(LedgerEntry entry, List<LedgerEntry> before) {
        if (size < table.capacity && table.claimed.compareAndSet(size, size + 1)) {
            table.put(entry);
            return new EntryIndex(table, size + 1);
        }
        Table t = new Table(Math.max(16, 2 * (size + 1)), size + 1);
        for (int i = 0; i < size; i++) {
            t.put(before.get(i));
        }
        t.put(entry);
        return new EntryIndex(t, size + 1);
    }

    /**
     * The entry under an event id or an idempotency key.
     *
     * @param key an {@code EventId} or an {@code IdempotencyKey}
     * @return the entry, or null
     */
    @Nullable LedgerEntry get(Object key) {
        Object[] keys = table.keys;
        LedgerEntry[] values = table.values;
        int mask = keys.length - 1;
        for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
            Object k = keys[i];
            if (k == null) {
                return null;
            }
            LedgerEntry v = values[i];
            if (v != null && v.sequence() <= size && k.equals(key)) {
                return v;
            }
        }
    }

    /** Mixes every bit of a hash code into the low ones (MurmurHash3's finalizer). */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
