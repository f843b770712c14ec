package dev.erasmo.quote.yahoo;

import dev.erasmo.money.Currencies;
import dev.erasmo.quote.MalformedQuoteDataException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The currency of Yahoo's prices. Some exchanges quote in a hundredth of the currency: {@code GBp}
 * (and {@code GBX}) pence, {@code ZAc} South African cents, {@code ILA} agorot. erasmo converts
 * them to the major unit by the currency code Yahoo reports (case-sensitive: {@code GBp} is pence,
 * {@code GBP} pounds), never by the symbol's exchange suffix ({@code VUSA.L} is quoted in GBP).
 *
 * @param currency the major currency
 * @param minor whether Yahoo's numbers are hundredths of it
 */
record Units(Currency currency, boolean minor) {

    private static final Map<String, String> HUNDREDTHS = Map.of("GBp", "GBP", "GBX", "GBP", "ZAc", "ZAR", "ILA", "ILS");

    /**
     * The units of a Yahoo currency code.
     *
     * @throws MalformedQuoteDataException if Yahoo reports no currency, or one that is not an ISO
     *     4217 code in upper case with a minor unit ({@code usd}, {@code XAU} and {@code USDT} are
     *     refused: erasmo could not price in them)
     */
    static Units of(@Nullable String code, String symbol) {
        if (code == null) {
            throw new MalformedQuoteDataException("Yahoo Finance reports no currency for " + symbol + ", so it cannot be priced (erasmo does not guess one)");
        }
        String major = HUNDREDTHS.get(code);
        try {
            return major != null ? new Units(Currencies.of(major), true) : new Units(Currencies.of(code), false);
        } catch (IllegalArgumentException e) {
            throw new MalformedQuoteDataException("Yahoo Finance reports currency '" + YahooHttp.excerpt(code, 20) + "' for " + symbol
                    + ", which is not an ISO 4217 code of a currency with a minor unit", e);
        }
    }

    /** A price in Yahoo's units, in the major unit. */
    BigDecimal major(BigDecimal amount) {
        return minor ? amount.movePointLeft(2) : amount;
    }
}
