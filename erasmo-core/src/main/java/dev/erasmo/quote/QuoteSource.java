package dev.erasmo.quote;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Price;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Where prices come from: latest quotes, and daily history with dividends and splits. Prices are
 * as traded (not adjusted for later splits), in the instrument's trading currency, dated in the
 * exchange's calendar.
 *
 * <p>Implementations must be thread-safe. Failures are {@link QuoteException}s:
 * {@link QuoteNotFoundException} for an unknown symbol or no data, {@link QuoteUnavailableException}
 * for a source that cannot answer now (rate limited, down, out of reach), and
 * {@link MalformedQuoteDataException} for data that cannot be read.
 */
public interface QuoteSource {

    /**
     * Latest quotes for many symbols at once.
     *
     * @param symbols the symbols
     * @return a quote for each symbol the source knows; unknown symbols are absent
     */
    Map<Symbol, Quote> latest(Collection<Symbol> symbols);

    /**
     * The daily history of a symbol between two dates, both included.
     *
     * @param symbol the symbol
     * @param from the first date
     * @param to the last date
     * @return the history; its bars may be empty if the range had no trading
     * @throws QuoteNotFoundException if the source does not know the symbol
     */
    PriceHistory history(Symbol symbol, LocalDate from, LocalDate to);

    /**
     * The latest quote of one symbol.
     *
     * @param symbol the symbol
     * @return the quote
     * @throws QuoteNotFoundException if the source does not know the symbol
     */
    default Quote latest(Symbol symbol) {
        Quote q = latest(java.util.List.of(symbol)).get(symbol);
        if (q == null) {
            throw new QuoteNotFoundException("no quote for " + symbol);
        }
        return q;
    }

    /**
     * The close as of a date: the last close on or before it, reported with the bar's own date,
     * if that close is at most {@value #AS_OF_LOOKBACK_DAYS} days older than the date (so a
     * holiday or a weekend is bridged, but a years-old price is never taken for today's) and no
     * split came between them (see {@link PriceHistory#closeAsOf}).
     *
     * @param symbol the symbol
     * @param date the date
     * @return the close and its date
     * @throws QuoteNotFoundException if the symbol is unknown or has no close in the look-back
     */
    default Quote asOf(Symbol symbol, LocalDate date) {
        return history(symbol, date.minusDays(AS_OF_LOOKBACK_DAYS), date).closeAsOf(date, AS_OF_LOOKBACK_DAYS);
    }

    /** How far {@link #asOf} looks back for a close by default. */
    int AS_OF_LOOKBACK_DAYS = 14;
}
