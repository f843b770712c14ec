package dev.erasmo.ledger;

import dev.erasmo.money.Money;
import java.time.Instant;

/**
 * Cash paid out of the portfolio: an external flow, subtracted from net deposits; rejected if more than the cash held in its currency.
 *
 * @param id the event id
 * @param at when it takes effect
 * @param amount the cash, above zero
 */
public record Withdrawal(EventId id, Instant at, Money amount) implements LedgerEvent {

    /**
     * Validates: the amount must be above zero.
     *
     * @param id the event id
     * @param at when it takes effect
     * @param amount the cash, above zero
     */
    public Withdrawal {
        Checks.common(id, at);
        Checks.positive("withdrawal", amount);
    }

    @Override
    public EventKind kind() {
        return EventKind.WITHDRAWAL;
    }
}
