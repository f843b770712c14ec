package dev.erasmo.store;

import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import java.util.List;
import java.util.Optional;

/**
 * Where portfolios and their ledgers are kept. Ledgers are append-only: entries are never
 * updated or deleted, only the whole portfolio is.
 *
 * <p>Concurrency is optimistic: {@link #append} takes the version the writer last read, and
 * throws {@link StaleVersionException} without writing anything when another writer appended in
 * between. Every write is atomic: all of it or nothing. An entry's idempotency key, when it has
 * one, is unique within its portfolio: an append that repeats a stored key (or repeats one within
 * itself) throws {@link StoreException} and writes nothing.
 *
 * <p>Implementations must be thread-safe. {@code PortfolioStoreContract} in erasmo-core's test jar
 * is the test every implementation must pass.
 */
public interface PortfolioStore {

    /**
     * Creates a portfolio with its first ledger entries, atomically: the portfolio and all the
     * entries, or nothing (an opening deposit is never lost from a portfolio that exists).
     *
     * @param info the settings
     * @param entries the first entries, numbered from 1 without gaps; may be empty
     * @throws DuplicatePortfolioException if the id, or the owner and name, exist already
     * @throws IllegalArgumentException if the entries are not numbered from 1
     * @throws StoreException if the entries repeat an event id or idempotency key
     */
    void create(PortfolioInfo info, List<LedgerEntry> entries);

    /**
     * Creates an empty portfolio at version 0.
     *
     * @param info the settings
     * @throws DuplicatePortfolioException if the id, or the owner and name, exist already
     */
    default void create(PortfolioInfo info) {
        create(info, List.of());
    }

    /**
     * Loads a portfolio.
     *
     * @param id the id
     * @return the portfolio with its entries, or empty if there is none
     */
    Optional<StoredPortfolio> find(PortfolioId id);

    /**
     * Reads the end of a ledger: the entries after a version the caller already holds, with the
     * current version, in one consistent read. A caller that keeps a portfolio in memory catches up
     * with it instead of loading every entry again. When the ledger is below {@code afterVersion}
     * (it was deleted and created again) the tail starts from entry 1, so the caller must check
     * {@link LedgerTail#after()}.
     *
     * <p>The default reads the whole portfolio with {@link #find}; stores that can read a range
     * should.
     *
     * @param id the portfolio
     * @param afterVersion the version the caller holds, 0 for everything
     * @return the tail, or empty if there is no such portfolio
     */
    default Optional<LedgerTail> findTail(PortfolioId id, long afterVersion) {
        return find(id).map(p -> {
            long from = p.version() >= afterVersion ? afterVersion : 0;
            return new LedgerTail(p.info(), p.version(), p.entries().subList((int) from, p.entries().size()));
        });
    }

    /**
     * Finds a portfolio's settings by owner and name.
     *
     * @param owner the owner
     * @param name the name, compared after {@link PortfolioInfo#normalizeName(String)}
     * @return the settings, or empty
     */
    Optional<PortfolioInfo> findByName(Owner owner, String name);

    /**
     * Lists an owner's portfolios.
     *
     * @param owner the owner
     * @return their settings, ordered by name
     */
    List<PortfolioInfo> list(Owner owner);

    /**
     * Deletes a portfolio and its ledger.
     *
     * @param id the id
     * @throws PortfolioNotFoundException if there is none
     */
    void delete(PortfolioId id);

    /**
     * Appends entries to a ledger, atomically.
     *
     * @param id the portfolio
     * @param expectedVersion the version the writer read; the entries must be numbered from
     *     {@code expectedVersion + 1} without gaps
     * @param entries the new entries
     * @return the new version
     * @throws PortfolioNotFoundException if there is no such portfolio
     * @throws StaleVersionException if the current version is not {@code expectedVersion}
     * @throws IllegalArgumentException if the entries are not numbered from {@code expectedVersion + 1}
     * @throws StoreException if an event id or idempotency key is in the ledger already, or repeats
     *     within the entries
     */
    long append(PortfolioId id, long expectedVersion, List<LedgerEntry> entries);

    /**
     * Loads a portfolio that must exist.
     *
     * @param id the id
     * @return the portfolio
     * @throws PortfolioNotFoundException if there is none
     */
    default StoredPortfolio load(PortfolioId id) {
        return find(id).orElseThrow(() -> new PortfolioNotFoundException("no portfolio with id " + id));
    }

    /**
     * Checks that entries are numbered from {@code expectedVersion + 1} without gaps; for
     * implementations.
     *
     * @param expectedVersion the version before the append
     * @param entries the entries
     * @throws IllegalArgumentException if they are not
     */
    static void checkNumbering(long expectedVersion, List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        checkNumberingFrom(expectedVersion, entries);
    }

    /**
     * Checks that entries, possibly none, are numbered from {@code expectedVersion + 1} without
     * gaps; for implementations.
     *
     * @param expectedVersion the version before them
     * @param entries the entries
     * @throws IllegalArgumentException if they are not
     */
    static void checkNumberingFrom(long expectedVersion, List<LedgerEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sequence() != expectedVersion + 1 + i) {
                throw new IllegalArgumentException("entry has sequence " + entries.get(i).sequence() + " where "
                        + (expectedVersion + 1 + i) + " was expected");
            }
        }
    }

    /**
     * Checks that entries written together do not repeat an event id or an idempotency key; for
     * implementations.
     *
     * @param id the portfolio, for the message
     * @param entries the entries
     * @throws StoreException if an id or key repeats
     */
    static void checkDistinctEventIds(PortfolioId id, List<LedgerEntry> entries) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (LedgerEntry e : entries) {
            if (!seen.add(e.event().id())) {
                throw new StoreException("portfolio " + id + " cannot take event id " + e.event().id() + " twice in one write");
            }
            if (e.key() != null && !seen.add(e.key())) {
                throw new StoreException("portfolio " + id + " cannot take idempotency key " + e.key() + " twice in one write");
            }
        }
    }
}
