package dev.erasmo.performance;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.Dividend;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.ledger.Sell;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.Portfolio;
import dev.erasmo.portfolio.PortfolioState;
import dev.erasmo.portfolio.Position;
import dev.erasmo.valuation.PositionValuation;
import dev.erasmo.valuation.Valuation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one position's change in market value over a period came from, as a checkable identity:
 *
 * <pre>
 * end market value - start market value = purchases - sale proceeds + realized P&amp;L
 *                                         + change in unrealized P&amp;L - change in the cost while unpriced
 * </pre>
 *
 * <p>Every amount is in the instrument's currency (never converted, so the identity holds to the
 * cent whatever the portfolio's base currency). Purchases are the cash the period's buys paid,
 * fees included (a buy's fee is part of its lot's cost); sale proceeds the cash its sells
 * received, net of their fees (so a sell's fee is in the realized P&amp;L); realized P&amp;L is
 * proceeds minus the cost the sells relieved (and the cost of a lot a reverse split rounds away).
 * A split changes the quantity ({@code startQuantity}, {@code endQuantity}) and no term: the lots
 * keep their cost. A position opened inside the period starts from zero, one closed inside it ends
 * at zero.
 *
 * <p>A position without a price at an end (none within the look-back, or one from before a split)
 * is left out of that end's market value and unrealized P&amp;L, as a {@link Valuation} leaves it
 * out, and its cost at that end goes into {@code unpricedCostChange}, as in the portfolio's
 * {@link Reconciliation}. The dividends the position paid in the period are beside the identity
 * as {@code income}: cash it brought in, not a change of its value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the position's symbol
 * @param from the first day of the period
 * @param to the last day of the period
 * @param startQuantity units held at the end of the day before {@code from} (zero if none)
 * @param endQuantity units held at the end of {@code to} (zero if none)
 * @param startMarketValue the market value at the end of the day before {@code from}; zero if
 *     not held or unpriced then
 * @param endMarketValue the market value at the end of {@code to}; zero if not held or unpriced
 * @param purchases the cash paid by the period's buys, fees included
 * @param saleProceeds the cash received by the period's sells, net of their fees
 * @param realizedPnl the P&amp;L realized in the period (fees of sells included)
 * @param unrealizedPnlChange the change of the unrealized P&amp;L while priced (zero at an
 *     unpriced end)
 * @param unpricedCostChange the cost at the end if unpriced then, minus the cost at the start if
 *     unpriced then
 * @param income the dividends the position paid in the period
 */
public record PositionReconciliation(Symbol symbol, LocalDate from, LocalDate to, Quantity startQuantity, Quantity endQuantity,
        Money startMarketValue, Money endMarketValue, Money purchases, Money saleProceeds, Money realizedPnl,
        Money unrealizedPnlChange, Money unpricedCostChange, Money income) {

    /**
     * Validates: one currency throughout.
     *
     * @param symbol the position's symbol
     * @param from the first day of the period
     * @param to the last day of the period
     * @param startQuantity units held at the start
     * @param endQuantity units held at the end
     * @param startMarketValue the market value at the start; zero if not held or unpriced
     * @param endMarketValue the market value at the end; zero if not held or unpriced
     * @param purchases the cash paid by the period's buys, fees included
     * @param saleProceeds the cash received by the period's sells, net of their fees
     * @param realizedPnl the P&amp;L realized in the period
     * @param unrealizedPnlChange the change of the unrealized P&amp;L while priced
     * @param unpricedCostChange the change of the cost while unpriced
     * @param income the dividends the position paid in the period
     */
    public PositionReconciliation {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(startQuantity, "startQuantity");
        Objects.requireNonNull(endQuantity, "endQuantity");
        Currency c = startMarketValue.currency();
        for (Money m : new Money[] {endMarketValue, purchases, saleProceeds, realizedPnl, unrealizedPnlChange, unpricedCostChange, income}) {
            if (!m.currency().equals(c)) {
                throw new IllegalArgumentException("the reconciliation of " + symbol + " must be all in " + c + ", not " + m);
            }
        }
    }

    /**
     * Reconciles one position of a portfolio over a period.
     *
     * @param symbol the position's symbol, bought at some time up to {@code until}
     * @param from the first day of the period
     * @param to the last day of the period
     * @param portfolio the portfolio, one version of its ledger
     * @param after the end of the day before {@code from}: events after it are in the period
     * @param until the end of {@code to}: events up to it are in the period
     * @param start the portfolio valued at {@code after}
     * @param end the portfolio valued at {@code until}
     * @return the reconciliation
     * @throws IllegalArgumentException if the portfolio never bought the symbol up to {@code until},
     *     or bought it in two currencies
     */
    public static PositionReconciliation of(Symbol symbol, LocalDate from, LocalDate to, Portfolio portfolio, Instant after, Instant until,
            Valuation start, Valuation end) {
        Objects.requireNonNull(symbol, "symbol");
        Currency currency = null;
        Money purchases = null;
        Money proceeds = null;
        Money income = null;
        for (LedgerEntry e : portfolio.entriesInEffectiveOrder()) {
            Instant at = e.event().at();
            if (at.isAfter(until)) {
                break;
            }
            if (e.event() instanceof Buy b && b.instrument().symbol().equals(symbol)) {
                if (currency == null) {
                    currency = b.instrument().currency();
                    purchases = Money.zero(currency);
                    proceeds = Money.zero(currency);
                    income = Money.zero(currency);
                } else if (!currency.equals(b.instrument().currency())) {
                    throw new IllegalArgumentException(portfolio.info().name() + " bought " + symbol + " in " + currency.getCurrencyCode()
                            + " and in " + b.instrument().currency().getCurrencyCode() + ": its amounts do not add up in one currency");
                }
            }
            if (currency == null || !at.isAfter(after)) {
                continue;
            }
            if (e.event() instanceof Buy b && b.instrument().symbol().equals(symbol)) {
                purchases = purchases.plus(b.cashPaid());
            } else if (e.event() instanceof Sell s && s.instrument().symbol().equals(symbol)) {
                proceeds = proceeds.plus(s.proceeds());
            } else if (e.event() instanceof Dividend d && d.instrument().symbol().equals(symbol)) {
                // paid on what was held just before it, as the fold pays it
                Quantity held = portfolio.stateBefore(e).findPosition(symbol).map(Position::quantity).orElse(Quantity.ZERO);
                income = income.plus(d.perShare().times(held));
            }
        }
        if (currency == null) {
            throw new IllegalArgumentException(portfolio.info().name() + " never bought " + symbol + " by " + to + ": nothing to reconcile");
        }
        Money zero = Money.zero(currency);
        End s = End.of(symbol, start, portfolio.stateAt(after), zero);
        End t = End.of(symbol, end, portfolio.stateAt(until), zero);
        return new PositionReconciliation(symbol, from, to, s.quantity, t.quantity, s.marketValue, t.marketValue, purchases, proceeds,
                t.realized.minus(s.realized), t.unrealized.minus(s.unrealized), t.unpricedCost.minus(s.unpricedCost), income);
    }

    /** The position at one end of the period, in its currency: zeros when it is not held. */
    private record End(Quantity quantity, Money marketValue, Money unrealized, Money unpricedCost, Money realized) {

        static End of(Symbol symbol, Valuation v, PortfolioState state, Money zero) {
            Money realized = state.realizedPnl().getOrDefault(symbol, zero);
            Optional<PositionValuation> held = v.positions().stream().filter(p -> p.instrument().symbol().equals(symbol)).findFirst();
            if (held.isEmpty()) {
                return new End(Quantity.ZERO, zero, zero, zero, realized);
            }
            PositionValuation p = held.get();
            if (p.marketValue() == null || p.unrealizedPnl() == null) {
                return new End(p.quantity(), zero, zero, p.costBasis(), realized);
            }
            return new End(p.quantity(), p.marketValue(), p.unrealizedPnl(), zero, realized);
        }
    }

    /**
     * What the terms leave unexplained: end market value - start market value - (purchases -
     * sale proceeds + realized P&amp;L + change in unrealized P&amp;L - change in the unpriced
     * cost).
     *
     * @return zero when the identity holds
     */
    public Money unexplained() {
        Money explained = purchases.minus(saleProceeds).plus(realizedPnl).plus(unrealizedPnlChange).minus(unpricedCostChange);
        return endMarketValue.minus(startMarketValue).minus(explained);
    }

    /**
     * Checks the identity, to the cent (the minor unit of the instrument's currency).
     *
     * @return this reconciliation
     * @throws IllegalStateException naming every term if it does not balance
     */
    public PositionReconciliation verify() {
        Money left = unexplained();
        if (!left.isZero()) {
            throw new IllegalStateException(symbol + "'s market value went from " + startMarketValue + " to " + endMarketValue + " between "
                    + from + " and " + to + " but purchases " + purchases + " - sale proceeds " + saleProceeds + " + realized " + realizedPnl
                    + " + unrealized change " + unrealizedPnlChange + " - unpriced cost change " + unpricedCostChange + " leave " + left
                    + " unexplained");
        }
        return this;
    }
}
