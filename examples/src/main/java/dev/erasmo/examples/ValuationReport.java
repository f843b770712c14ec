package dev.erasmo.examples;

import dev.erasmo.money.Money;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.valuation.Valuation;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code erasmo show} prints: a portfolio's valuation with what it is of.
 *
 * @param portfolio the portfolio's settings
 * @param asOf the date valued: with {@code --at}, that date (its events, closes on or before it);
 *     else today (every event, latest prices)
 * @param latestQuotes true without {@code --at}: valued at the latest close of each symbol
 * @param valuation the valuation
 */
record ValuationReport(PortfolioInfo portfolio, LocalDate asOf, boolean latestQuotes, Valuation valuation) {

    /** The cash held, one amount per currency, by currency code. */
    List<Money> cash() {
        return valuation.cash().values().stream().sorted(Comparator.comparing(m -> m.currency().getCurrencyCode())).toList();
    }
}
