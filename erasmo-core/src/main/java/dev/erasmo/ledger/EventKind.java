package dev.erasmo.ledger;

/** The kinds of {@link LedgerEvent}, one per case. */
public enum EventKind {
    /** Cash paid in: {@link Deposit}. */
    DEPOSIT,
    /** Cash paid out: {@link Withdrawal}. */
    WITHDRAWAL,
    /** Shares bought: {@link Buy}. */
    BUY,
    /** Shares sold: {@link Sell}. */
    SELL,
    /** A cash dividend per share: {@link Dividend}. */
    DIVIDEND,
    /** A stock split: {@link Split}. */
    SPLIT,
    /** A fee not tied to a trade: {@link Fee}. */
    FEE
}
