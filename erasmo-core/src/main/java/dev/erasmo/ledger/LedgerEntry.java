package dev.erasmo.ledger;

import java.util.Comparator;
import java.util.Objects;

/**
 * An event as recorded in a portfolio's ledger, with its per-portfolio sequence number. Sequence
 * numbers start at 1 and have no gaps; the portfolio's version is the sequence number of its last
 * entry.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sequence the position in the order of recording, from 1
 * @param event the event
 */
public record LedgerEntry(long sequence, LedgerEvent event) {

    /** The order of the fold: effective time, then sequence number. */
    public static final Comparator<LedgerEntry> EFFECTIVE_ORDER =
            Comparator.comparing((LedgerEntry e) -> e.event().at()).thenComparingLong(LedgerEntry::sequence);

    /**
     * Validates.
     *
     * @param sequence the position in the order of recording, from 1
     * @param event the event
     */
    public LedgerEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence " + sequence + " must be 1 or more");
        }
        Objects.requireNonNull(event, "event");
    }
}
