package dev.erasmo.valuation;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.CurrencyMismatchException;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.PortfolioState;
import dev.erasmo.portfolio.Position;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * What a portfolio's holdings are worth in one currency, as computed for leaderboards by
 * {@link Holdings#valueAt(PriceVector)} and defined by {@link #of(PortfolioState, PriceSnapshot,
 * Currency)}.
 *
 * <p>The figures, for a currency {@code C}:
 * <ul>
 *   <li>a position is <em>valued</em> if its instrument trades in {@code C} and the snapshot has a
 *       price for its symbol in {@code C}; otherwise it is <em>unpriced</em>, counted in
 *       {@link #unpriced()} and left out of every figure (never valued at zero);
 *   <li>{@link #marketValue()} is the exact sum of quantity × price over the valued positions,
 *       rounded {@link RoundingMode#HALF_EVEN} <em>once</em> to {@code C}'s minor unit;
 *   <li>{@link #costBasis()} is the sum of the valued positions' costs (already in minor units);
 *   <li>{@link #cash()} is the cash held in {@code C}; cash in other currencies is not converted
 *       (there are no FX rates here) and is flagged by {@link #otherCurrencyCash()}.
 * </ul>
 *
 * <p>How this differs from {@link Valuation}: {@link Valuation#of(PortfolioState, PriceSnapshot,
 * FxRates)} rounds each position's market value to the minor unit and then sums, so its market
 * value can differ from this one by up to half a minor unit per position (two positions worth
 * USD 0.005 each are USD 0.01 here and USD 0.00 there). The two agree whenever every position's
 * quantity × price is a whole number of minor units. Cost basis agrees always.
 *
 * <p>Immutable and thread-safe.
 *
 * @param marketValue the exact sum of quantity × price of the valued positions, rounded once
 * @param costBasis the cost of the valued positions
 * @param cash the cash held in the currency
 * @param priced how many positions were valued
 * @param unpriced how many positions were left out: no price in the currency, or held in another
 *     currency
 * @param otherCurrencyCash whether the portfolio holds cash in other currencies, left out of
 *     {@link #equity()}
 */
public record HoldingsValue(Money marketValue, Money costBasis, Money cash, int priced, int unpriced,
        boolean otherCurrencyCash) {

    /**
     * Validates.
     *
     * @param marketValue the exact sum of quantity × price of the valued positions, rounded once
     * @param costBasis the cost of the valued positions
     * @param cash the cash held in the currency
     * @param priced how many positions were valued
     * @param unpriced how many positions were left out
     * @param otherCurrencyCash whether cash in other currencies was left out
     * @throws CurrencyMismatchException if the amounts are in different currencies
     * @throws IllegalArgumentException if a count is negative
     */
    public HoldingsValue {
        Objects.requireNonNull(marketValue, "marketValue");
        requireSameCurrency(marketValue, costBasis);
        requireSameCurrency(marketValue, cash);
        if (priced < 0 || unpriced < 0) {
            throw new IllegalArgumentException("position counts " + priced + " priced, " + unpriced + " unpriced must not be negative");
        }
    }

    /**
     * Computes the figures the slow, obvious way, with {@link BigDecimal}: the definition that
     * {@link Holdings#valueAt(PriceVector)} is tested against.
     *
     * @param state the portfolio state
     * @param prices the prices
     * @param currency the currency to value in
     * @return the value of the holdings in that currency
     * @throws IllegalArgumentException if the currency has no minor unit
     */
    public static HoldingsValue of(PortfolioState state, PriceSnapshot prices, Currency currency) {
        BigDecimal value = BigDecimal.ZERO;
        Money cost = Money.zero(currency);
        int priced = 0;
        int unpriced = 0;
        for (Position position : state.positions().values()) {
            Symbol symbol = position.instrument().symbol();
            MarketPrice price = prices.prices().get(symbol);
            if (!position.instrument().currency().equals(currency) || price == null
                    || !price.price().currency().equals(currency)) {
                unpriced++;
                continue;
            }
            value = value.add(price.price().amount().multiply(position.quantity().value()));
            cost = cost.plus(position.cost());
            priced++;
        }
        return new HoldingsValue(Money.of(currency, value, RoundingMode.HALF_EVEN), cost, state.cash(currency), priced,
                unpriced, holdsOtherCash(state, currency));
    }

    /** Tells whether the state holds non-zero cash in a currency other than the given one. */
    static boolean holdsOtherCash(PortfolioState state, Currency currency) {
        return state.cash().values().stream().anyMatch(m -> !m.currency().equals(currency) && !m.isZero());
    }

    /**
     * The currency of every figure.
     *
     * @return the currency
     */
    public Currency currency() {
        return marketValue.currency();
    }

    /**
     * Market value minus cost basis of the valued positions.
     *
     * @return the unrealized profit (negative for a loss)
     */
    public Money unrealizedPnl() {
        return marketValue.minus(costBasis);
    }

    /**
     * Cash in the currency plus market value.
     *
     * @return the equity; incomplete unless {@link #isComplete()}
     */
    public Money equity() {
        return cash.plus(marketValue);
    }

    /**
     * Tells whether every position was valued and no cash in another currency was left out.
     *
     * @return true if the figures cover the whole portfolio
     */
    public boolean isComplete() {
        return unpriced == 0 && !otherCurrencyCash;
    }

    private static void requireSameCurrency(Money a, Money b) {
        if (!a.currency().equals(b.currency())) {
            throw new CurrencyMismatchException(a.currency(), b.currency());
        }
    }

    /**
     * Prints the figures, e.g. {@code HoldingsValue[USD 1.00 (cost USD 0.90), cash USD 5.00, 1 priced, 0 unpriced]}.
     */
    @Override
    public String toString() {
        return "HoldingsValue[" + marketValue + " (cost " + costBasis + "), cash " + cash + ", " + priced + " priced, "
                + unpriced + " unpriced" + (otherCurrencyCash ? ", cash in other currencies left out" : "") + "]";
    }
}
