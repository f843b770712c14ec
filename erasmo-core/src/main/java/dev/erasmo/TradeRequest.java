package dev.erasmo;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A buy or sell to book: symbol and quantity, and optionally when, at what price and with what
 * fee. Without a price, {@link Erasmo} fills at the quote source's close as of the date of
 * {@code at}, or at the latest quote when {@code at} is absent too. Price and fee are in the
 * instrument's trading currency.
 *
 * <pre>{@code
 * erasmo.buy(id, TradeRequest.of(Symbol.of("AAPL"), Quantity.of(10)).at(Instant.parse("2013-01-02T21:00:00Z")).fee(new BigDecimal("1.00")));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol what to trade
 * @param quantity how many units, above zero
 * @param at when the trade takes effect, or null for now
 * @param price the price per unit, or null to ask the quote source
 * @param fee the fee, or null for none
 */
public record TradeRequest(Symbol symbol, Quantity quantity, @Nullable Instant at, @Nullable BigDecimal price,
        @Nullable BigDecimal fee) {

    /**
     * Validates: quantity above zero, price above zero, fee not negative.
     *
     * @param symbol what to trade
     * @param quantity how many units, above zero
     * @param at when the trade takes effect, or null for now
     * @param price the price per unit, or null to ask the quote source
     * @param fee the fee, or null for none
     */
    public TradeRequest {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(quantity, "quantity");
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException("quantity " + quantity + " must be above zero");
        }
        if (price != null && price.signum() <= 0) {
            throw new IllegalArgumentException("price " + price.toPlainString() + " must be above zero");
        }
        if (fee != null && fee.signum() < 0) {
            throw new IllegalArgumentException("fee " + fee.toPlainString() + " must not be negative");
        }
    }

    /**
     * A trade now, at the latest quote, without fee.
     *
     * @param symbol what to trade
     * @param quantity how many units
     * @return the request
     */
    public static TradeRequest of(Symbol symbol, Quantity quantity) {
        return new TradeRequest(symbol, quantity, null, null, null);
    }

    /**
     * The same request, effective at a time.
     *
     * @param time when
     * @return a new request
     */
    public TradeRequest at(Instant time) {
        return new TradeRequest(symbol, quantity, time, price, fee);
    }

    /**
     * The same request at a given price.
     *
     * @param pricePerUnit the price per unit in the instrument's currency
     * @return a new request
     */
    public TradeRequest price(BigDecimal pricePerUnit) {
        return new TradeRequest(symbol, quantity, at, pricePerUnit, fee);
    }

    /**
     * The same request with a fee.
     *
     * @param amount the fee in the instrument's currency
     * @return a new request
     */
    public TradeRequest fee(BigDecimal amount) {
        return new TradeRequest(symbol, quantity, at, price, amount);
    }
}
