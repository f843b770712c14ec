package dev.erasmo.performance;

import dev.erasmo.money.Money;
import dev.erasmo.valuation.PositionValuation;
import dev.erasmo.valuation.Valuation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a period's change in equity came from, as a checkable identity, in the base currency:
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
 * <p><b>Currencies.</b> The identity holds first in each currency the portfolio holds anything
 * in, in that currency ({@link #currencies()}, each a {@link CurrencyReconciliation}, exact to its
 * minor unit). The terms above are those of every currency converted at the <em>end</em>'s
 * rates (the closing-rate method: an amount booked in another currency during the period counts
 * at the rate of the period's end), each term rounded half-even to the base's minor unit once. The
 * FX effect is then what the change of rates did to what each currency held at the start:
 * {@link #translation()} = the sum over currencies of start equity × (end rate − start rate). The
 * start and end equity are the {@link Valuation}s' (each converted amount rounded half-even on
 * its own), so the FX effect is the translation up to those roundings: {@link #verify()} checks
 * every currency's identity and that the FX effect is within half a minor unit per rounded
 * conversion ({@link #conversions()}) of the translation. In one currency nothing is converted:
 * the FX effect is zero, to the cent. {@link PositionReconciliation} does the same for one
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
 * @param fxEffect what is left: what the change of rates did (zero when nothing is held in
 *     another currency than the base)
 * @param currencies the identity of each currency held at either end or booked in the period, in
 *     it, by currency code (the base's included then); the start rate of one not held at the start
 *     is its end rate, which converts nothing there
 * @param conversions how many amounts were converted from another currency and rounded to make
 *     the figures above (zero in one currency)
 */
public record Reconciliation(LocalDate from, LocalDate to, Money startEquity, Money endEquity, Money externalFlows, Money realizedPnl,
        Money unrealizedPnlChange, Money income, Money feeEvents, Money unpricedCostChange, Money fxEffect,
        List<CurrencyReconciliation> currencies, int conversions) {

    /**
     * Validates: every amount in one currency; copies the currencies.
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
     * @param currencies the identity of each currency held, in it
     * @param conversions how many amounts were converted and rounded, at least zero
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
        currencies = List.copyOf(currencies);
        if (conversions < 0) {
            throw new IllegalArgumentException("conversions must be at least zero, not " + conversions);
        }
    }

    /**
     * Reconciles a period from the valuations at its two ends and the identity of each currency
     * held: the terms are the currencies' converted at their end rates.
     *
     * @param from the first day of the period
     * @param to the last day of the period
     * @param start the valuation at the end of the day before {@code from}
     * @param end the valuation at the end of {@code to}, in the same base currency
     * @param currencies the identity of each currency held at either end or booked in the period,
     *     with its rates (1 for the base)
     * @return the reconciliation
     */
    public static Reconciliation of(LocalDate from, LocalDate to, Valuation start, Valuation end, List<CurrencyReconciliation> currencies) {
        Currency base = end.baseCurrency();
        if (!start.baseCurrency().equals(base)) {
            throw new IllegalArgumentException("the valuations are in " + start.baseCurrency() + " and " + base + ": one base currency");
        }
        List<CurrencyReconciliation> sorted = new ArrayList<>(currencies);
        sorted.sort(Comparator.comparing(r -> r.currency().getCurrencyCode()));
        Money flows = atEndRates(base, sorted, CurrencyReconciliation::externalFlows);
        Money realized = atEndRates(base, sorted, CurrencyReconciliation::realizedPnl);
        Money unrealized = atEndRates(base, sorted, CurrencyReconciliation::unrealizedPnlChange);
        Money income = atEndRates(base, sorted, CurrencyReconciliation::income);
        Money fees = atEndRates(base, sorted, CurrencyReconciliation::feeEvents);
        Money unpriced = atEndRates(base, sorted, CurrencyReconciliation::unpricedCostChange);
        Money explained = flows.plus(realized).plus(unrealized).plus(income).minus(fees).minus(unpriced);
        Money fx = end.equity().minus(start.equity()).minus(explained);
        boolean converted = sorted.stream().anyMatch(r -> !r.currency().equals(base));
        int conversions = converted ? conversions(start) + conversions(end) + TERMS : 0;
        return new Reconciliation(from, to, start.equity(), end.equity(), flows, realized, unrealized, income, fees, unpriced, fx, sorted,
                conversions);
    }

    /** The terms converted from the currencies' sums, one rounding each. */
    private static final int TERMS = 6;

    /** One term of every currency, converted at its end rate, summed exactly and rounded half-even once. */
    private static Money atEndRates(Currency base, List<CurrencyReconciliation> currencies, Function<CurrencyReconciliation, Money> term) {
        BigDecimal sum = BigDecimal.ZERO;
        for (CurrencyReconciliation r : currencies) {
            sum = sum.add(term.apply(r).amount().multiply(r.endRate()));
        }
        return Money.of(base, sum, RoundingMode.HALF_EVEN);
    }

    /** How many amounts a valuation's equity converted from another currency (each rounded on its own). */
    private static int conversions(Valuation v) {
        Currency base = v.baseCurrency();
        int n = (int) v.cash().keySet().stream().filter(c -> !c.equals(base)).count();
        for (PositionValuation p : v.positions()) {
            if (p.isPriced() && !p.instrument().currency().equals(base)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether anything is held or booked in another currency than the base.
     *
     * @return true if the figures convert from another currency
     */
    public boolean converted() {
        Currency base = startEquity.currency();
        return currencies.stream().anyMatch(r -> !r.currency().equals(base));
    }

    /**
     * What the change of rates did to what each currency held at the start, exactly: the sum over
     * {@link #currencies()} of start equity × (end rate − start rate), in the base currency,
     * unrounded. Zero in one currency.
     *
     * @return the translation
     */
    public BigDecimal translation() {
        BigDecimal sum = BigDecimal.ZERO;
        for (CurrencyReconciliation r : currencies) {
            sum = sum.add(r.startEquity().amount().multiply(r.endRate().subtract(r.startRate())));
        }
        return sum;
    }

    /**
     * Checks the identity: every currency's, to its minor unit, and the FX effect against the
     * {@linkplain #translation() translation}: equal to the cent in one currency, within half a
     * minor unit of the base per {@linkplain #conversions() rounded conversion} otherwise.
     *
     * @return this reconciliation
     * @throws IllegalStateException naming every term if it does not balance
     */
    public Reconciliation verify() {
        currencies.forEach(CurrencyReconciliation::verify);
        BigDecimal off = fxEffect.amount().subtract(translation()).abs();
        BigDecimal allowed = BigDecimal.valueOf(conversions).multiply(BigDecimal.ONE.movePointLeft(fxEffect.amount().scale()))
                .divide(BigDecimal.valueOf(2));
        if (off.compareTo(allowed) > 0) {
            throw new IllegalStateException("equity went from " + startEquity + " to " + endEquity + " between " + from + " and " + to
                    + " but flows " + externalFlows + " + realized " + realizedPnl + " + unrealized change " + unrealizedPnlChange
                    + " + income " + income + " - fee events " + feeEvents + " - unpriced cost change " + unpricedCostChange
                    + " leave " + fxEffect + ", not the translation " + translation().stripTrailingZeros().toPlainString()
                    + " (within " + allowed.stripTrailingZeros().toPlainString() + " for " + conversions + " rounded conversions)");
        }
        return this;
    }
}
