package dev.erasmo.ledger;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Shares sold. The cash received is {@link #gross()} (price times quantity, rounded
 * {@link RoundingMode#HALF_EVEN} to the minor unit) minus the fee: the fee reduces the proceeds,
 * and so the realized P&amp;L. Rejected when the portfolio holds fewer units than sold (there is
 * no short selling yet).
 *
 * @param id the event id
 * @param at when it takes effect
 * @param instrument what was sold
 * @param quantity how many units, above zero
 * @param price the price per unit, in the instrument's currency
 * @param fee the fee, zero or more, in the instrument's currency
 */
public record Sell(EventId id, Instant at, Instrument instrument, Quantity quantity, Price price, Money fee)
        implements LedgerEvent {

    /**
     * Validates quantity, currencies and fee.
     *
     * @param id the event id
     * @param at when it takes effect
     * @param instrument what was sold
     * @param quantity how many units, above zero
     * @param price the price per unit, in the instrument's currency
     * @param fee the fee, zero or more, in the instrument's currency
     */
    public Sell {
        Checks.common(id, at);
        Checks.trade("sell", instrument, quantity, price, fee);
    }

    /**
     * Price times quantity, rounded half-even to the minor unit.
     *
     * @return the gross amount
     */
    public Money gross() {
        return price.times(quantity);
    }

    /**
     * The cash this sell puts into the portfolio: gross minus fee.
     *
     * @return the net proceeds (negative if the fee exceeds the gross amount)
     */
    public Money proceeds() {
        return gross().minus(fee);
    }

    @Override
    public EventKind kind() {
        return EventKind.SELL;
    }
}
