package dev.erasmo.ledger;

import java.time.Instant;

/**
 * A fact in a portfolio's ledger. The ledger is append-only; the portfolio's state is the fold of
 * its events in effective-time order ({@link LedgerEntry#EFFECTIVE_ORDER}: time, then corporate
 * actions before other events at the same instant, then sequence number).
 *
 * <p>The cases are {@link Deposit}, {@link Withdrawal}, {@link Buy}, {@link Sell},
 * {@link Dividend}, {@link Split} and {@link Fee}. Every case validates its own fields on
 * construction (positive amounts and quantities, matching currencies); rules that depend on the
 * portfolio (enough cash, enough shares) are checked when the event is appended.
 *
 * <p>All cases are immutable records and thread-safe.
 */
public sealed interface LedgerEvent permits Deposit, Withdrawal, Buy, Sell, Dividend, Split, Fee {

    /**
     * The event's id, unique within its portfolio.
     *
     * @return the id
     */
    EventId id();

    /**
     * When the event takes effect. May lie in the past (a back-dated event).
     *
     * @return the effective time
     */
    Instant at();

    /**
     * The kind of event, for switches and storage.
     *
     * @return the kind
     */
    EventKind kind();
}
