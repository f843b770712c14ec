package dev.erasmo.quote;

/**
 * The trading session a quote was taken in.
 *
 * <p>Immutable and thread-safe.
 */
public enum MarketState {
    /** Before the regular session (pre-market trading). */
    PRE,
    /** During the regular session: the price is live. */
    REGULAR,
    /** After the regular session (after-hours trading). */
    POST,
    /** The market is closed: the price is the last one of the latest session. */
    CLOSED
}
