package dev.erasmo.performance;

import dev.erasmo.money.Money;
import dev.erasmo.valuation.PositionValuation;
import dev.erasmo.valuation.Valuation;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * Where a period's change in equity came from, as a checkable identity:
 *
 * <pre>
 * end equity - start equity = external flows + realized P&amp;L + change in unrealized P&amp;L
 *                             + income - fee events - change in the cost of unpriced positions
 *                             + FX effect
 * </pre>
 *
 * <p>Where each fee sits: a <b>trade's fee</b> is inside the trade (a buy's fee is part of its
 * lot's cost, so it shows in unrealized and then realized P&amp;L; a sell's fee reduces its
 * proceeds, so it shows in realized P&amp;L); a <b>fee event</b> ({@code Fee}) is paid from cash
 * and is its own term. The cost of unpriced positions left cash without entering market value, so
 * it is its own term too (zero when every position is priced).
 *
 * <p>When every amount is in the base currency the FX effect is zero, to the cent: {@link #verify()}
 * checks it. With other currencies, the amounts are converted at each end's rates and the FX
 * effect holds what the change of rates did. {@link PositionReconciliation} does the same for one
 * position, in its own currency.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the first day of the period
 * @param to the last day of the period
 * @param startEquity equity at the end of the day before {@code from}
 * @param endEquity equity at the end of {@code to}
 * @param externalFlows deposits minus withdrawals in the period
 * @param realizedPnl P&amp;L realized by sells in the period (trade fees included)
 * @param unrealizedPnlChange the change of the priced positions' unrealized P&amp;L
 * @param income dividends received in the period
 * @param feeEvents fees paid as fee events in the period (not trade fees)
 * @param unpricedCostChange the change of the cost of positions without a price
 * @param fxEffect what is left: zero when nothing was converted from another currency
 * @param converted whether any amount was converted from another currency
 */
public record Reconciliation(LocalDate from, LocalDate to, Money startEquity, Money endEquity, Money externalFlows, Money realizedPnl,
        Money unrealizedPnlChange, Money income, Money feeEvents, Money unpricedCostChange, Money fxEffect, boolean converted) {

    /**
     * Validates: one currency throughout.
     *
     * @param from the first day of the period
     * @param to the last day of the period
     * @param startEquity equity at the end of the day before {@code from}
     * @param endEquity equity at the end of {@code to}
     * @param externalFlows deposits minus withdrawals in the period
     * @param realizedPnl P&amp;L realized by sells in the period
     * @param unrealizedPnlChange the change of the priced positions' unrealized P&amp;L
     * @param income dividends received in the period
     * @param feeEvents fees paid as fee events in the period
     * @param unpricedCostChange the change of the cost of positions without a price
     * @param fxEffect what is left
     * @param converted whether any amount was converted from another currency
     */
    public Reconciliation {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Currency c = startEquity.currency();
        for (Money m : new Money[] {endEquity, externalFlows, realizedPnl, unrealizedPnlChange, income, feeEvents, unpricedCostChange, fxEffect}) {
            if (!m.currency().equals(c)) {
                throw new IllegalArgumentException("reconciliation amounts must all be in " + c + ", not " + m);
            }
        }
    }

    /**
     * Reconciles a period from the valuations at its two ends.
     *
     * @param from the first day of the period
     * @param to the last day of the period
     * @param start the valuation at the end of the day before {@code from}
     * @param end the valuation at the end of {@code to}
     * @param feeEvents the fee events of the period, in the base currency
     * @return the reconciliation
     */
    public static Reconciliation of(LocalDate from, LocalDate to, Valuation start, Valuation end, Money feeEvents) {
        Currency base = end.baseCurrency();
        Money unpricedStart = unpricedCost(start);
        Money unpricedEnd = unpricedCost(end);
        Money flows = end.netDeposits().minus(start.netDeposits());
        Money realized = end.realizedPnl().minus(start.realizedPnl());
        Money unrealized = end.unrealizedPnl().minus(start.unrealizedPnl());
        Money income = end.dividends().minus(start.dividends());
        Money unpriced = unpricedEnd.minus(unpricedStart);
        Money explained = flows.plus(realized).plus(unrealized).plus(income).minus(feeEvents).minus(unpriced);
        Money fx = end.equity().minus(start.equity()).minus(explained);
        boolean converted = convertsAny(start, base) || convertsAny(end, base);
        return new Reconciliation(from, to, start.equity(), end.equity(), flows, realized, unrealized, income, feeEvents, unpriced, fx, converted);
    }

    /**
     * Checks the identity: without conversions from other currencies, the FX effect must be zero.
     *
     * @return this reconciliation
     * @throws IllegalStateException naming every term if it does not balance
     */
    public Reconciliation verify() {
        if (!converted && !fxEffect.isZero()) {
            throw new IllegalStateException("equity went from " + startEquity + " to " + endEquity + " between " + from + " and " + to
                    + " but flows " + externalFlows + " + realized " + realizedPnl + " + unrealized change " + unrealizedPnlChange
                    + " + income " + income + " - fee events " + feeEvents + " - unpriced cost change " + unpricedCostChange
                    + " leave " + fxEffect + " unexplained");
        }
        return this;
    }

    private static Money unpricedCost(Valuation v) {
        Money sum = Money.zero(v.baseCurrency());
        for (PositionValuation p : v.positions()) {
            if (p.marketValueInBase() == null && p.costBasis().currency().equals(v.baseCurrency())) {
                sum = sum.plus(p.costBasis());
            }
        }
        return sum;
    }

    private static boolean convertsAny(Valuation v, Currency base) {
        if (v.cash().keySet().stream().anyMatch(c -> !c.equals(base))) {
            return true;
        }
        return v.positions().stream().anyMatch(p -> !p.instrument().currency().equals(base));
    }
}
