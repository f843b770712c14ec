package dev.erasmo.ledger;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.money.Price;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * A cash dividend per share. The portfolio is credited the amount per share times the quantity
 * held at the event's effective time, rounded {@link RoundingMode#HALF_EVEN} to the minor unit,
 * in the instrument's currency. Rejected when nothing is held then.
 *
 * @param id the event id
 * @param at the effective time (the ex-date, for dividends from a quote source)
 * @param instrument the instrument paying it
 * @param perShare the cash per unit held, in the instrument's currency
 */
public record Dividend(EventId id, Instant at, Instrument instrument, Price perShare) implements LedgerEvent {

    /**
     * Validates the currency of the amount per share.
     *
     * @param id the event id
     * @param at the effective time (the ex-date, for dividends from a quote source)
     * @param instrument the instrument paying it
     * @param perShare the cash per unit held, in the instrument's currency
     */
    public Dividend {
        Checks.common(id, at);
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(perShare, "perShare");
        Checks.inCurrency(instrument, "dividend", perShare.currency());
    }

    @Override
    public EventKind kind() {
        return EventKind.DIVIDEND;
    }
}
