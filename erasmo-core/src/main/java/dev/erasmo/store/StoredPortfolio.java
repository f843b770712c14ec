package dev.erasmo.store;

import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.portfolio.Portfolio;
import dev.erasmo.portfolio.PortfolioInfo;
import java.util.List;
import java.util.Objects;

/**
 * A portfolio as a store holds it: settings, version and ledger entries in sequence order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param info the settings
 * @param version the number of entries
 * @param entries the entries, sequence numbers 1..version
 */
public record StoredPortfolio(PortfolioInfo info, long version, List<LedgerEntry> entries) {

    /**
     * Validates that the version matches the entries.
     *
     * @param info the settings
     * @param version the number of entries
     * @param entries the entries, sequence numbers 1..version
     */
    public StoredPortfolio {
        Objects.requireNonNull(info, "info");
        entries = List.copyOf(entries);
        if (version != entries.size()) {
            throw new IllegalArgumentException("version " + version + " but " + entries.size() + " entries");
        }
    }

    /**
     * Folds the ledger into a portfolio.
     *
     * @return the portfolio
     */
    public Portfolio toPortfolio() {
        return Portfolio.of(info, entries);
    }
}
