package dev.erasmo.ledger;

import java.util.UUID;

/**
 * The unique id of a ledger event within its portfolio. Applications may choose their own ids
 * (for instance an idempotency key from their client) or use {@link #random()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value 1 to {@value #MAX_LENGTH} printable characters without whitespace
 */
public record EventId(String value) {

    /** The longest id accepted. */
    public static final int MAX_LENGTH = 64;

    /**
     * Validates.
     *
     * @param value 1 to {@value #MAX_LENGTH} printable characters without whitespace
     * @throws IllegalArgumentException if blank, too long, or holding whitespace or control
     *     characters
     */
    public EventId {
        Checks.token("event id", value, MAX_LENGTH);
    }

    /**
     * Creates an id.
     *
     * @param value the id
     * @return the id
     */
    public static EventId of(String value) {
        return new EventId(value);
    }

    /**
     * Creates a random (type 4 UUID) id.
     *
     * @return a new id
     */
    public static EventId random() {
        return new EventId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
