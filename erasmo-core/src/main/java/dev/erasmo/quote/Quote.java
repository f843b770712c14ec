package dev.erasmo.quote;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Price;
import dev.erasmo.valuation.MarketPrice;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A price of a symbol from a quote source, with the exchange date it is from.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the symbol
 * @param price the price, in the instrument's trading currency
 * @param date the exchange date of the price (for a close, the bar's own date)
 */
public record Quote(Symbol symbol, Price price, LocalDate date) {

    /**
     * Validates.
     *
     * @param symbol the symbol
     * @param price the price, in the instrument's trading currency
     * @param date the exchange date of the price (for a close, the bar's own date)
     */
    public Quote {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(date, "date");
    }

    /**
     * The instrument this quote prices: the symbol in the price's currency.
     *
     * @return the instrument
     */
    public Instrument instrument() {
        return new Instrument(symbol, price.currency());
    }

    /**
     * This quote as a market price for valuation.
     *
     * @return price and date
     */
    public MarketPrice toMarketPrice() {
        return new MarketPrice(price, date);
    }
}
