package dev.erasmo.ledger;

import dev.erasmo.money.Money;
import java.time.Instant;

/**
 * Cash paid into the portfolio from outside: an external flow, counted in net deposits.
 *
 * @param id the event id
 * @param at when it takes effect
 * @param amount the cash, above zero
 */
public record Deposit(EventId id, Instant at, Money amount) implements LedgerEvent {

    /**
     * Validates: the amount must be above zero.
     *
     * @param id the event id
     * @param at when it takes effect
     * @param amount the cash, above zero
     */
    public Deposit {
        Checks.common(id, at);
        Checks.positive("deposit", amount);
    }

    @Override
    public EventKind kind() {
        return EventKind.DEPOSIT;
    }
}
