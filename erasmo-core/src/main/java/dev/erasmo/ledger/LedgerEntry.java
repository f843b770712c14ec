package dev.erasmo.ledger;

import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event as recorded in a portfolio's ledger, with its per-portfolio sequence number. Sequence
 * numbers start at 1 and have no gaps; the portfolio's version is the sequence number of its last
 * entry.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sequence the position in the order of recording, from 1
 * @param event the event
 * @param key the idempotency key of the command that booked it, or null for none
 */
public record LedgerEntry(long sequence, LedgerEvent event, @Nullable IdempotencyKey key) {

    /**
     * The order of the fold: effective time; at the same instant, corporate actions
     * ({@link Dividend}, {@link Split}) before every other event; then sequence number. So a
     * dividend dated on its ex-date is paid on what was held before that day's trades (a buy on
     * the ex-date gets nothing, a sell on the ex-date still gets it), and a split applies before
     * trades at post-split prices on the same date.
     */
    public static final Comparator<LedgerEntry> EFFECTIVE_ORDER = Comparator.comparing((LedgerEntry e) -> e.event().at())
            .thenComparingInt(e -> isCorporateAction(e.event()) ? 0 : 1).thenComparingLong(LedgerEntry::sequence);

    private static boolean isCorporateAction(LedgerEvent event) {
        return event instanceof Dividend || event instanceof Split;
    }

    /**
     * An entry booked without an idempotency key.
     *
     * @param sequence the position in the order of recording, from 1
     * @param event the event
     */
    public LedgerEntry(long sequence, LedgerEvent event) {
        this(sequence, event, null);
    }

    /**
     * Validates.
     *
     * @param sequence the position in the order of recording, from 1
     * @param event the event
     * @param key the idempotency key of the command that booked it, or null for none
     */
    public LedgerEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence " + sequence + " must be 1 or more");
        }
        Objects.requireNonNull(event, "event");
    }
}
