package dev.erasmo;

import dev.erasmo.portfolio.Portfolio;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.store.LedgerTail;
import dev.erasmo.store.PortfolioNotFoundException;
import dev.erasmo.store.PortfolioStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The portfolios an {@link Erasmo} used last, folded, so a command reads only the entries stored
 * since ({@link PortfolioStore#findTail}, from the last entry kept, which must read back the same)
 * instead of the whole ledger: every load still asks the store, so writers elsewhere are always
 * seen, and a ledger replaced under the same id is read whole. Least recently used portfolios are dropped beyond
 * the capacity; a capacity of 0 keeps nothing.
 *
 * <p>Thread-safe: the map is guarded by this object; loads run outside the lock, and of two loads
 * of one portfolio the newer version is kept. Portfolios are immutable, so sharing them is safe.
 */
final class PortfolioCache {

    private final PortfolioStore store;
    private final int capacity;
    private final LinkedHashMap<PortfolioId, Portfolio> recent;

    PortfolioCache(PortfolioStore store, int capacity) {
        this.store = store;
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<PortfolioId, Portfolio> eldest) {
                return size() > PortfolioCache.this.capacity;
            }
        };
    }

    /**
     * Loads a portfolio as stored now.
     *
     * @throws PortfolioNotFoundException if there is none
     */
    Portfolio load(PortfolioId id) {
        if (capacity == 0) {
            return store.load(id).toPortfolio();
        }
        Portfolio cached = get(id);
        long kept = cached == null ? 0 : cached.version();
        // from the last entry kept on, to see that the ledger is still the one kept and not one deleted and created
        // again under the same id and settings (a backup restored, say)
        LedgerTail tail = store.findTail(id, Math.max(0, kept - 1)).orElse(null);
        if (tail == null) {
            forget(id);
            throw new PortfolioNotFoundException("no portfolio with id " + id);
        }
        Portfolio p;
        if (cached != null && kept > 0 && tail.after() == kept - 1 && cached.info().equals(tail.info())
                && tail.entries().get(0).equals(cached.entries().get((int) kept - 1))) {
            p = cached.plus(tail.entries().subList(1, tail.entries().size()));
        } else if (tail.after() == 0) {
            p = Portfolio.create(tail.info()).plus(tail.entries());
        } else {
            // another ledger under this id since it was kept: read it all
            LedgerTail all = store.findTail(id, 0).orElseThrow(() -> new PortfolioNotFoundException("no portfolio with id " + id));
            p = Portfolio.create(all.info()).plus(all.entries());
        }
        stored(p);
        return p;
    }

    /** Keeps a portfolio just read or written, unless a newer version is kept already. */
    synchronized void stored(Portfolio p) {
        if (capacity == 0) {
            return;
        }
        Portfolio kept = recent.get(p.info().id());
        if (kept == null || kept.version() <= p.version() || !kept.info().equals(p.info())) {
            recent.put(p.info().id(), p);
        }
    }

    synchronized void forget(PortfolioId id) {
        recent.remove(id);
    }

    private synchronized @Nullable Portfolio get(PortfolioId id) {
        return recent.get(id);
    }
}
