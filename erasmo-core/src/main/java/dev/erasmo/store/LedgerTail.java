package dev.erasmo.store;

import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.portfolio.PortfolioInfo;
import java.util.List;
import java.util.Objects;

/**
 * The end of a stored ledger: a portfolio's settings, its current version and the entries after a
 * version the reader already has ({@link PortfolioStore#findTail}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param info the settings
 * @param version the current version
 * @param entries the entries numbered {@code version - entries.size() + 1} to {@code version}, in
 *     sequence order
 */
public record LedgerTail(PortfolioInfo info, long version, List<LedgerEntry> entries) {

    /**
     * Validates that the entries end at the version without gaps.
     *
     * @param info the settings
     * @param version the current version
     * @param entries the last entries, in sequence order
     */
    public LedgerTail {
        Objects.requireNonNull(info, "info");
        entries = List.copyOf(entries);
        for (int i = 0; i < entries.size(); i++) {
            long expected = version - entries.size() + 1 + i;
            if (entries.get(i).sequence() != expected) {
                throw new IllegalArgumentException("entry has sequence " + entries.get(i).sequence() + " where " + expected
                        + " was expected at version " + version);
            }
        }
    }

    /**
     * The version the entries follow: the reader's version when nothing was missing.
     *
     * @return {@code version - entries.size()}
     */
    public long after() {
        return version - entries.size();
    }
}
