package dev.erasmo.performance;

import dev.erasmo.money.Money;
import dev.erasmo.portfolio.PortfolioState;
import dev.erasmo.valuation.PositionValuation;
import dev.erasmo.valuation.Valuation;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;

/**
 * The part of a portfolio's {@link Reconciliation} held in one currency, in that currency (never
 * converted, so its identity holds to the minor unit whatever the base currency):
 *
 * <pre>
 * end equity - start equity = external flows + realized P&amp;L + change in unrealized P&amp;L
 *                             + income - fee events - change in the cost of unpriced positions
 * </pre>
 *
 * <p>The equity in a currency is its cash plus the market value of the positions in it that
 * have a price (a position whose price is missing is left out of the market value, and its cost is
 * the unpriced term). Realized P&amp;L, income and flows are those booked in the currency. The
 * rates at the two ends are what one unit of the currency was worth in the base currency then (1
 * for the base itself): {@link Reconciliation} converts the terms with them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param currency the currency
 * @param startRate its rate into the base at the start (1 for the base)
 * @param endRate its rate into the base at the end (1 for the base)
 * @param startEquity cash plus priced market value in the currency at the end of the day before the period
 * @param endEquity the same at the end of the period
 * @param externalFlows deposits minus withdrawals in the currency in the period
 * @param realizedPnl P&amp;L realized in the period by sells of positions in the currency (their fees included)
 * @param unrealizedPnlChange the change of the unrealized P&amp;L of the priced positions in the currency
 * @param income dividends received in the currency in the period
 * @param feeEvents fee events paid in the currency in the period (not trade fees)
 * @param unpricedCostChange the change of the cost of the positions in the currency that have no price
 */
public record CurrencyReconciliation(Currency currency, BigDecimal startRate, BigDecimal endRate, Money startEquity, Money endEquity,
        Money externalFlows, Money realizedPnl, Money unrealizedPnlChange, Money income, Money feeEvents, Money unpricedCostChange) {

    /**
     * Validates: every amount in {@code currency}, rates above zero.
     *
     * @param currency the currency
     * @param startRate its rate into the base at the start
     * @param endRate its rate into the base at the end
     * @param startEquity cash plus priced market value at the start
     * @param endEquity cash plus priced market value at the end
     * @param externalFlows deposits minus withdrawals in the period
     * @param realizedPnl P&amp;L realized in the period
     * @param unrealizedPnlChange the change of the unrealized P&amp;L of the priced positions
     * @param income dividends received in the period
     * @param feeEvents fee events paid in the period
     * @param unpricedCostChange the change of the cost of positions without a price
     */
    public CurrencyReconciliation {
        Objects.requireNonNull(currency, "currency");
        for (BigDecimal rate : new BigDecimal[] {startRate, endRate}) {
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("the rate of " + currency.getCurrencyCode() + " must be above zero, not " + rate);
            }
        }
        for (Money m : new Money[] {startEquity, endEquity, externalFlows, realizedPnl, unrealizedPnlChange, income, feeEvents,
                unpricedCostChange}) {
            if (!m.currency().equals(currency)) {
                throw new IllegalArgumentException("the reconciliation of " + currency.getCurrencyCode() + " must be all in it, not " + m);
            }
        }
    }

    /**
     * Reconciles the part of a portfolio held in one currency, from its states and valuations at
     * the two ends of a period.
     *
     * @param currency the currency
     * @param startRate its rate into the base at the start (1 for the base)
     * @param endRate its rate into the base at the end (1 for the base)
     * @param startState the portfolio's state at the end of the day before the period
     * @param start that state valued
     * @param endState the state at the end of the period
     * @param end that state valued
     * @param feeEvents the fee events paid in the currency in the period
     * @return the reconciliation
     */
    public static CurrencyReconciliation of(Currency currency, BigDecimal startRate, BigDecimal endRate, PortfolioState startState,
            Valuation start, PortfolioState endState, Valuation end, Money feeEvents) {
        End s = End.of(currency, startState, start);
        End t = End.of(currency, endState, end);
        return new CurrencyReconciliation(currency, startRate, endRate, s.equity, t.equity, t.netDeposits.minus(s.netDeposits),
                t.realized.minus(s.realized), t.unrealized.minus(s.unrealized), t.dividends.minus(s.dividends), feeEvents,
                t.unpricedCost.minus(s.unpricedCost));
    }

    /**
     * The same amounts with other rates.
     *
     * @param startRate the rate into the base at the start, above zero
     * @param endRate the rate into the base at the end, above zero
     * @return the reconciliation with those rates
     */
    public CurrencyReconciliation withRates(BigDecimal startRate, BigDecimal endRate) {
        return new CurrencyReconciliation(currency, startRate, endRate, startEquity, endEquity, externalFlows, realizedPnl,
                unrealizedPnlChange, income, feeEvents, unpricedCostChange);
    }

    /** What a currency's part of a portfolio holds at one end: every running total in it. */
    private record End(Money equity, Money netDeposits, Money realized, Money unrealized, Money dividends, Money unpricedCost) {

        static End of(Currency c, PortfolioState state, Valuation v) {
            Money zero = Money.zero(c);
            Money equity = state.cash(c);
            Money unrealized = zero;
            Money unpriced = zero;
            for (PositionValuation p : v.positions()) {
                if (!p.instrument().currency().equals(c)) {
                    continue;
                }
                if (p.marketValue() == null) {
                    unpriced = unpriced.plus(p.costBasis());
                } else {
                    equity = equity.plus(p.marketValue());
                    unrealized = unrealized.plus(p.marketValue().minus(p.costBasis()));
                }
            }
            Money realized = zero;
            for (Money m : state.realizedPnl().values()) {
                if (m.currency().equals(c)) {
                    realized = realized.plus(m);
                }
            }
            return new End(equity, orZero(state.netDeposits(), zero), realized, unrealized, orZero(state.dividends(), zero), unpriced);
        }

        private static Money orZero(Map<Currency, Money> totals, Money zero) {
            return totals.getOrDefault(zero.currency(), zero);
        }
    }

    /**
     * Whether nothing was held in the currency at either end nor booked in it in the period.
     *
     * @return true if every amount is zero
     */
    public boolean isZero() {
        return startEquity.isZero() && endEquity.isZero() && externalFlows.isZero() && realizedPnl.isZero() && unrealizedPnlChange.isZero()
                && income.isZero() && feeEvents.isZero() && unpricedCostChange.isZero();
    }

    /**
     * What the terms leave unexplained: end equity - start equity - (external flows + realized
     * P&amp;L + change in unrealized P&amp;L + income - fee events - change in the unpriced cost).
     *
     * @return zero when the identity holds
     */
    public Money unexplained() {
        return endEquity.minus(startEquity).minus(explained());
    }

    /** The change of equity the terms account for. */
    Money explained() {
        return externalFlows.plus(realizedPnl).plus(unrealizedPnlChange).plus(income).minus(feeEvents).minus(unpricedCostChange);
    }

    /**
     * Checks the identity, to the minor unit of the currency.
     *
     * @return this reconciliation
     * @throws IllegalStateException naming every term if it does not balance
     */
    public CurrencyReconciliation verify() {
        Money left = unexplained();
        if (!left.isZero()) {
            throw new IllegalStateException(currency.getCurrencyCode() + " equity went from " + startEquity + " to " + endEquity
                    + " but flows " + externalFlows + " + realized " + realizedPnl + " + unrealized change " + unrealizedPnlChange
                    + " + income " + income + " - fee events " + feeEvents + " - unpriced cost change " + unpricedCostChange + " leave "
                    + left + " unexplained");
        }
        return this;
    }
}
