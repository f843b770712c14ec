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
 * @param description what it is for; may be empty
 */
public record Fee(EventId id, Instant at, Money amount, String description) implements LedgerEvent {

    /**
     * Validates: the amount must be above zero.
     *
     * @param id the event id
     * @param at when it takes effect
     * @param amount the fee, above zero
     * @param description what it is for; may be empty
     */
    public Fee {
        Checks.common(id, at);
        Checks.positive("fee", amount);
        Objects.requireNonNull(description, "description");
    }

    @Override
    public EventKind kind() {
        return EventKind.FEE;
    }
}
