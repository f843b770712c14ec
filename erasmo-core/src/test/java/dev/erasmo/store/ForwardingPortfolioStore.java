package dev.erasmo.store;

import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A store that forwards every call to another one, for tests that override a call to watch it or
 * to make it fail (a writer slipping in, a database going away). Ships in erasmo-core's test jar.
 *
 * <p>Thread-safe if the store it forwards to is.
 */
public class ForwardingPortfolioStore implements PortfolioStore {

    private final PortfolioStore delegate;

    /**
     * Forwards to a store.
     *
     * @param delegate the store
     */
    public ForwardingPortfolioStore(PortfolioStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void create(PortfolioInfo info, List<LedgerEntry> entries) {
        delegate.create(info, entries);
    }

    @Override
    public Optional<StoredPortfolio> find(PortfolioId id) {
        return delegate.find(id);
    }

    @Override
    public Optional<LedgerTail> findTail(PortfolioId id, long afterVersion) {
        return delegate.findTail(id, afterVersion);
    }

    @Override
    public Optional<PortfolioInfo> findByName(Owner owner, String name) {
        return delegate.findByName(owner, name);
    }

    @Override
    public List<PortfolioInfo> list(Owner owner) {
        return delegate.list(owner);
    }

    @Override
    public void delete(PortfolioId id) {
        delegate.delete(id);
    }

    @Override
    public long append(PortfolioId id, long expectedVersion, List<LedgerEntry> entries) {
        return delegate.append(id, expectedVersion, entries);
    }
}
