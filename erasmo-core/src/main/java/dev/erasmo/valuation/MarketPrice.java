package dev.erasmo.valuation;

import dev.erasmo.money.Price;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A price with the date it is from (the bar's own date for a close, the quote's date otherwise).
 *
 * <p>Immutable and thread-safe.
 *
 * @param price the price
 * @param date the exchange date the price is from
 */
public record MarketPrice(Price price, LocalDate date) {

    /**
     * Validates.
     *
     * @param price the price
     * @param date the exchange date the price is from
     */
    public MarketPrice {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(date, "date");
    }
}
