package dev.erasmo.valuation;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One open position as valued: quantity, price and its date, market value, cost basis,
 * unrealized P&amp;L and weight. A position without a price (or without an FX rate into the base
 * currency) is {@linkplain #isPriced() unpriced}: its price-dependent fields are null, it is never
 * valued at zero.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the instrument
 * @param quantity units held
 * @param costBasis total cost of the open lots, in the instrument's currency
 * @param price the price used, or null if none was found
 * @param marketValue quantity × price, rounded half-even to the minor unit, in the instrument's
 *     currency; null if unpriced
 * @param marketValueInBase the market value in the base currency; null if unpriced or without FX
 *     rate
 * @param unrealizedPnl market value minus cost basis, in the instrument's currency; null if
 *     unpriced
 * @param weight market value in base ÷ equity, rounded half-even to {@value Valuation#RATIO_SCALE}
 *     decimals; null if unpriced or if equity is not above zero
 */
public record PositionValuation(Instrument instrument, Quantity quantity, Money costBasis, @Nullable MarketPrice price,
        @Nullable Money marketValue, @Nullable Money marketValueInBase, @Nullable Money unrealizedPnl,
        @Nullable BigDecimal weight) {

    /**
     * Tells whether the position has a price and an FX rate, so it counts in the totals.
     *
     * @return true if priced
     */
    public boolean isPriced() {
        return marketValueInBase != null;
    }

    /**
     * The price used.
     *
     * @return the price, or empty if unpriced
     */
    public Optional<MarketPrice> findPrice() {
        return Optional.ofNullable(price);
    }
}
