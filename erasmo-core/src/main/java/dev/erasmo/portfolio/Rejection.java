package dev.erasmo.portfolio;

import java.util.Objects;

/**
 * Why an event was not booked: a reason to switch on and a message that states the values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reason the rule that was broken
 * @param message one line with the facts, e.g. which later event would fail
 */
public record Rejection(Reason reason, String message) {

    /** The rules an event can break. */
    public enum Reason {
        /** Not enough cash in the currency (a buy, withdrawal or fee, or a later event after a back-dated one). */
        INSUFFICIENT_CASH,
        /** Selling more units than held (short selling is not supported yet). */
        INSUFFICIENT_QUANTITY,
        /** A dividend or split for an instrument not held at its effective time. */
        NOT_HELD,
        /** An instrument traded in a different currency than its open position. */
        CURRENCY_MISMATCH,
        /** The event id is already in the ledger. */
        DUPLICATE_EVENT_ID,
        /** A dividend or split of the same symbol on the same date is already in the ledger. */
        ALREADY_BOOKED,
        /**
         * The idempotency key was already used, for a different command: a retried command with
         * the same key and the same request returns the first result instead.
         */
        IDEMPOTENCY_KEY_REUSED
    }

    /**
     * Validates.
     *
     * @param reason the rule that was broken
     * @param message one line with the facts, e.g. which later event would fail
     */
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
