package dev.erasmo.ledger;

import dev.erasmo.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A fee not tied to a trade (an account fee, say): cash out, counted in total fees. Rejected when
 * the cash in its currency is less than the fee.
 *
 * @param id the event id
 * @param at when it takes effect
 * @param amount the fee, above zero
 * @param description what it is for; may be empty, at most {@value #MAX_DESCRIPTION} characters,
 *     without NUL characters or lone surrogates (which databases refuse or cannot store)
 */
public record Fee(EventId id, Instant at, Money amount, String description) implements LedgerEvent {

    /** The longest description accepted. */
    public static final int MAX_DESCRIPTION = 4_000;

    /**
     * Validates: the amount must be above zero, the description text a database can keep.
     *
     * @param id the event id
     * @param at when it takes effect
     * @param amount the fee, above zero
     * @param description what it is for; may be empty
     * @throws IllegalArgumentException for a fee not above zero, or a description too long or
     *     holding NUL or a lone surrogate
     */
    public Fee {
        Checks.common(id, at);
        Checks.positive("fee", amount);
        Objects.requireNonNull(description, "description");
        if (description.length() > MAX_DESCRIPTION || description.indexOf('\u0000') >= 0
                || dev.erasmo.internal.Unicode.hasLoneSurrogate(description)) {
            throw new IllegalArgumentException("fee description must have at most " + MAX_DESCRIPTION
                    + " characters, no NUL and no lone surrogate (half of a character)");
        }
    }

    @Override
    public EventKind kind() {
        return EventKind.FEE;
    }
}
