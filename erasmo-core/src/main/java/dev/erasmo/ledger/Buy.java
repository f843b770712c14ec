package dev.erasmo.ledger;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Shares bought. The cash paid is {@link #gross()} (price times quantity, rounded
 * {@link RoundingMode#HALF_EVEN} to the currency's minor unit) plus the fee; the fee goes into the
 * cost of the new lot, so the lot's cost is exactly the cash paid. Rejected when the portfolio
 * holds less cash than that in the instrument's currency.
 *
 * @param id the event id
 * @param at when it takes effect
 * @param instrument what was bought
 * @param quantity how many units, above zero
 * @param price the price per unit, in the instrument's currency
 * @param fee the fee, zero or more, in the instrument's currency
 */
public record Buy(EventId id, Instant at, Instrument instrument, Quantity quantity, Price price, Money fee)
        implements LedgerEvent {

    /**
     * Validates quantity, currencies and fee.
     *
     * @param id the event id
     * @param at when it takes effect
     * @param instrument what was bought
     * @param quantity how many units, above zero
     * @param price the price per unit, in the instrument's currency
     * @param fee the fee, zero or more, in the instrument's currency
     */
    public Buy {
        Checks.common(id, at);
        Checks.trade("buy", instrument, quantity, price, fee);
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
     * The cash this buy takes out of the portfolio: gross plus fee. Also the new lot's cost.
     *
     * @return the cash paid
     */
    public Money cashPaid() {
        return gross().plus(fee);
    }

    @Override
    public EventKind kind() {
        return EventKind.BUY;
    }
}
