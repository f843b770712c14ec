package dev.erasmo.store;

import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A portfolio store in memory, lost when the process ends: for tests, games that keep nothing,
 * and as the default of {@code Erasmo.builder()}.
 *
 * <p>Thread-safe: every method holds one lock, so each call is atomic.
 */
public final class InMemoryPortfolioStore implements PortfolioStore {

    private final Map<PortfolioId, StoredPortfolio> portfolios = new HashMap<>();
    private final Set<EventKey> eventIds = new HashSet<>();

    /** Creates an empty store. */
    public InMemoryPortfolioStore() {
    }

    @Override
    public synchronized void create(PortfolioInfo info, List<LedgerEntry> entries) {
        PortfolioStore.checkNumberingFrom(0, entries);
        PortfolioStore.checkDistinctEventIds(info.id(), entries);
        if (portfolios.containsKey(info.id())) {
            throw new DuplicatePortfolioException("portfolio id " + info.id() + " exists already");
        }
        if (findByName(info.owner(), info.name()).isPresent()) {
            throw new DuplicatePortfolioException("owner " + info.owner() + " has a portfolio named '" + info.name() + "' already");
        }
        portfolios.put(info.id(), new StoredPortfolio(info, entries.size(), entries));
        for (LedgerEntry e : entries) {
            eventIds.addAll(keysOf(info.id(), e));
        }
    }

    @Override
    public synchronized Optional<StoredPortfolio> find(PortfolioId id) {
        return Optional.ofNullable(portfolios.get(id));
    }

    @Override
    public synchronized Optional<PortfolioInfo> findByName(Owner owner, String name) {
        String normalized = PortfolioInfo.normalizeName(name);
        return portfolios.values().stream().map(StoredPortfolio::info)
                .filter(i -> i.owner().equals(owner) && i.name().equals(normalized)).findFirst();
    }

    @Override
    public synchronized List<PortfolioInfo> list(Owner owner) {
        return portfolios.values().stream().map(StoredPortfolio::info).filter(i -> i.owner().equals(owner))
                .sorted(Comparator.comparing(PortfolioInfo::name)).toList();
    }

    @Override
    public synchronized void delete(PortfolioId id) {
        StoredPortfolio p = portfolios.remove(id);
        if (p == null) {
            throw new PortfolioNotFoundException("no portfolio with id " + id);
        }
        for (LedgerEntry e : p.entries()) {
            eventIds.removeAll(keysOf(id, e));
        }
    }

    @Override
    public synchronized long append(PortfolioId id, long expectedVersion, List<LedgerEntry> entries) {
        StoredPortfolio p = portfolios.get(id);
        if (p == null) {
            throw new PortfolioNotFoundException("no portfolio with id " + id);
        }
        if (p.version() != expectedVersion) {
            throw new StaleVersionException("portfolio " + id + " expected version " + expectedVersion + " but found " + p.version());
        }
        PortfolioStore.checkNumbering(expectedVersion, entries);
        PortfolioStore.checkDistinctEventIds(id, entries);
        Set<EventKey> keys = new HashSet<>();
        for (LedgerEntry e : entries) {
            for (EventKey key : keysOf(id, e)) {
                if (eventIds.contains(key)) {
                    throw new StoreException("portfolio " + id + " already has an event with " + key.what() + " " + key.value());
                }
                keys.add(key);
            }
        }
        List<LedgerEntry> all = new ArrayList<>(p.entries());
        all.addAll(entries);
        portfolios.put(id, new StoredPortfolio(p.info(), all.size(), all));
        eventIds.addAll(keys);
        return all.size();
    }

    @Override
    public synchronized Optional<LedgerTail> findTail(PortfolioId id, long afterVersion) {
        return PortfolioStore.super.findTail(id, afterVersion);
    }

    private static List<EventKey> keysOf(PortfolioId id, LedgerEntry e) {
        EventKey eventId = new EventKey(id, "id", e.event().id().value());
        return e.key() == null ? List.of(eventId) : List.of(eventId, new EventKey(id, "idempotency key", e.key().value()));
    }

    /** What must be unique within a portfolio: an event id, or an idempotency key. */
    private record EventKey(PortfolioId portfolio, String what, String value) {
    }
}
