package dev.erasmo.examples;

import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.valuation.Valuation;
import java.time.LocalDate;

/**
 * What {@code erasmo show} prints: a portfolio's valuation with what it is of.
 *
 * @param portfolio the portfolio's settings
 * @param asOf the date valued: with {@code --at}, that date (its events, closes on or before it);
 *     else today (every event, latest closes)
 * @param latestQuotes true without {@code --at}: valued at the latest close of each symbol
 * @param valuation the valuation
 */
record ValuationReport(PortfolioInfo portfolio, LocalDate asOf, boolean latestQuotes, Valuation valuation) {
}
