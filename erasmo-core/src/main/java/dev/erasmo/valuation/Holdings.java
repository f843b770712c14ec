package dev.erasmo.valuation;

import dev.erasmo.money.CurrencyMismatchException;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.PortfolioState;
import dev.erasmo.portfolio.Position;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A portfolio's positions compiled for fast, exact valuation against a {@link PriceVector}: the
 * way to re-value many portfolios on every price tick (a game's leaderboard).
 *
 * <p>Compile once per portfolio state with {@link #of(SymbolIndex, PortfolioState, Currency)},
 * then call {@link #valueAt(PriceVector)} on each tick. The result is exactly
 * {@link HoldingsValue#of(PortfolioState, PriceSnapshot, Currency)} for the same state and
 * snapshot: the exact sum of quantity × price rounded once, half-even, to the currency's minor
 * unit (see {@link HoldingsValue} for how that differs from {@link Valuation}).
 *
 * <p>Inside, each position is a symbol number and its quantity as an exact {@code long} at
 * {@value dev.erasmo.money.Quantity#MAX_SCALE} decimals; each product of price and quantity is
 * formed exactly in 128 bits and summed exactly, with one rounding at the end. When every position
 * is priced, valuing allocates nothing per position, only the result (under 200 bytes). A position
 * without a price in the vector is counted as unpriced and its cost taken out of the cost basis;
 * the rare price or quantity too large for a {@code long} (a quantity of 9,223,372,036.854775807 or
 * more) is valued on an exact {@link BigDecimal} path; each such position costs one
 * {@code BigDecimal} operation. Positions in instruments that trade in another currency are
 * unpriced in every valuation.
 *
 * <p>Immutable and thread-safe: one instance may be valued from many threads at once.
 */
public final class Holdings {

    private final SymbolIndex index;
    private final Currency currency;
    /** Symbol number per slot, ascending, so that the price look-ups walk the vector forwards. */
    private final int[] symbols;
    /** Scaled quantity per slot, or {@link Fixed#TOO_LARGE} for one in {@link #largeQuantities}. */
    private final long[] quantities;
    /** The exact quantity of each slot whose scaled quantity is {@link Fixed#TOO_LARGE}. */
    private final Map<Integer, BigDecimal> largeQuantities;
    /** Cost per slot, at the currency's minor unit. */
    private final BigDecimal[] costs;
    private final Money cost;
    private final Money cash;
    private final int otherCurrencyPositions;
    private final boolean otherCurrencyCash;

    private Holdings(SymbolIndex index, Currency currency, List<Slot> slots, Money cost, Money cash, int otherCurrencyPositions,
            boolean otherCurrencyCash) {
        this.index = index;
        this.currency = currency;
        this.symbols = new int[slots.size()];
        this.quantities = new long[slots.size()];
        this.costs = new BigDecimal[slots.size()];
        Map<Integer, BigDecimal> large = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            symbols[i] = slot.number;
            BigDecimal quantity = slot.position.quantity().value();
            quantities[i] = Fixed.scaled(quantity, Fixed.QUANTITY_SCALE);
            if (quantities[i] == Fixed.TOO_LARGE) {
                large.put(i, quantity);
            }
            costs[i] = slot.position.cost().amount();
        }
        this.largeQuantities = Map.copyOf(large);
        this.cost = cost;
        this.cash = cash;
        this.otherCurrencyPositions = otherCurrencyPositions;
        this.otherCurrencyCash = otherCurrencyCash;
    }

    /**
     * Compiles the open positions and cash of a portfolio state for valuation in one currency.
     * Numbers every held symbol in the index.
     *
     * @param index the symbol numbering shared with the price vectors to value against
     * @param state the portfolio state
     * @param currency the currency to value in; positions in instruments of other currencies are
     *     always unpriced, cash in other currencies is flagged
     * @return the compiled holdings
     * @throws IllegalArgumentException if the currency has no minor unit
     */
    public static Holdings of(SymbolIndex index, PortfolioState state, Currency currency) {
        Objects.requireNonNull(index, "index");
        List<Slot> slots = new ArrayList<>();
        Money cost = Money.zero(currency);
        int other = 0;
        for (Position position : state.positions().values()) {
            if (position.instrument().currency().equals(currency)) {
                slots.add(new Slot(index.intern(position.instrument().symbol()), position));
                cost = cost.plus(position.cost());
            } else {
                other++;
            }
        }
        slots.sort(Comparator.comparingInt(Slot::number));
        return new Holdings(index, currency, slots, cost, state.cash(currency), other, HoldingsValue.holdsOtherCash(state, currency));
    }

    /**
     * Values the holdings at the prices of a vector: exactly
     * {@link HoldingsValue#of(PortfolioState, PriceSnapshot, Currency)} for the state and the
     * snapshot these were compiled from.
     *
     * @param prices prices in the same currency, numbered by the same index
     * @return market value, cost basis, cash and the counts of priced and unpriced positions
     * @throws CurrencyMismatchException if the vector is in another currency
     * @throws IllegalArgumentException if the vector was numbered by another index
     */
    public HoldingsValue valueAt(PriceVector prices) {
        requireCompatible(prices);
        long[] scaledPrices = prices.scaled;
        long top = 0;
        long hi = 0;
        long lo = 0;
        Leftovers rest = null;
        for (int i = 0; i < symbols.length; i++) {
            int number = symbols[i];
            long q = quantities[i];
            long p = number < scaledPrices.length ? scaledPrices[number] : PriceVector.NO_PRICE;
            if (p <= 0 || q <= 0) {
                rest = leftover(rest, prices, i, p);
                continue;
            }
            // p, q in [1, 2^63): the product is below 2^126, exact in (high, low) words
            long productLo = p * q;
            lo += productLo;
            hi += Math.multiplyHigh(p, q) + (Long.compareUnsigned(lo, productLo) < 0 ? 1 : 0);
            if (hi < 0) {
                top++;
                hi &= Long.MAX_VALUE;
            }
        }
        if (rest == null) {
            return new HoldingsValue(Fixed.round(currency, top, hi, lo, BigDecimal.ZERO), cost, cash, symbols.length,
                    otherCurrencyPositions, otherCurrencyCash);
        }
        return new HoldingsValue(Fixed.round(currency, top, hi, lo, rest.large), cost.minus(Money.of(currency, rest.unpricedCost)),
                cash, symbols.length - rest.unpriced, otherCurrencyPositions + rest.unpriced, otherCurrencyCash);
    }

    /** Accounts for a slot the fast loop cannot take: no price, or a price or quantity too large. */
    private Leftovers leftover(@Nullable Leftovers rest, PriceVector prices, int slot, long p) {
        Leftovers r = rest != null ? rest : new Leftovers();
        if (p == PriceVector.NO_PRICE) {
            r.unpriced++;
            r.unpricedCost = r.unpricedCost.add(costs[slot]);
            return r;
        }
        long q = quantities[slot];
        BigDecimal price = p == Fixed.TOO_LARGE ? prices.large(symbols[slot]) : BigDecimal.valueOf(p, Fixed.PRICE_SCALE);
        BigDecimal quantity = q == Fixed.TOO_LARGE ? largeQuantities.get(slot) : BigDecimal.valueOf(q, Fixed.QUANTITY_SCALE);
        r.large = r.large.add(price.multiply(quantity));
        return r;
    }

    private void requireCompatible(PriceVector prices) {
        if (!prices.currency().equals(currency)) {
            throw new CurrencyMismatchException(currency, prices.currency());
        }
        if (prices.index() != index) {
            throw new IllegalArgumentException("the price vector was numbered by another symbol index than these holdings");
        }
    }

    /**
     * The currency these holdings are valued in.
     *
     * @return the currency
     */
    public Currency currency() {
        return currency;
    }

    /**
     * Tells how many open positions the state had, in any currency.
     *
     * @return the count of positions
     */
    public int size() {
        return symbols.length + otherCurrencyPositions;
    }

    @Override
    public String toString() {
        return "Holdings[" + size() + " positions valued in " + currency.getCurrencyCode() + "]";
    }

    private record Slot(int number, Position position) {
    }

    /** The rare positions of one valuation that left the fast loop. Confined to one call. */
    private static final class Leftovers {
        int unpriced;
        BigDecimal unpricedCost = BigDecimal.ZERO;
        /** Exact sum of the products that did not fit the longs. */
        BigDecimal large = BigDecimal.ZERO;
    }
}
