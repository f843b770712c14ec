package dev.erasmo.instrument;

import java.util.Currency;
import java.util.Objects;

/**
 * Something that can be held in a portfolio: a symbol and the currency it trades in.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the symbol
 * @param currency the trading currency; prices, trade cash and dividends are in it
 */
public record Instrument(Symbol symbol, Currency currency) {

    /**
     * Validates that both parts are present.
     *
     * @param symbol the symbol
     * @param currency the trading currency; prices, trade cash and dividends are in it
     */
    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * Creates an instrument.
     *
     * @param symbol the symbol
     * @param currency the trading currency
     * @return the instrument
     */
    public static Instrument of(Symbol symbol, Currency currency) {
        return new Instrument(symbol, currency);
    }

    @Override
    public String toString() {
        return symbol + " (" + currency.getCurrencyCode() + ")";
    }
}
