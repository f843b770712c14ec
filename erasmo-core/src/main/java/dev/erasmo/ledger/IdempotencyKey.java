package dev.erasmo.ledger;


/**
 * A client-supplied key that makes a command safe to submit twice: a portfolio books at most one
 * entry per key, and submitting the same command again with the same key returns the entry booked
 * the first time (a user clicking "buy" twice, an HTTP request retried after a timeout). Keys are
 * unique within a portfolio and kept with the entry for good.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value 1 to {@value #MAX_LENGTH} printable characters without whitespace, e.g. a UUID the
 *     client made for the request
 */
public record IdempotencyKey(String value) {

    /** The longest key accepted. */
    public static final int MAX_LENGTH = 64;

    /**
     * Validates.
     *
     * @param value 1 to {@value #MAX_LENGTH} printable characters without whitespace
     * @throws IllegalArgumentException if empty, too long, or holding whitespace or control
     *     characters
     */
    public IdempotencyKey {
        Checks.token("idempotency key", value, MAX_LENGTH);
    }

    /**
     * Creates a key.
     *
     * @param value the key
     * @return the key
     */
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
