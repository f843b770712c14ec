package dev.erasmo.valuation;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.Position;
import dev.erasmo.portfolio.PortfolioState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A portfolio state valued against a price snapshot and FX rates, in the base currency.
 *
 * <p>{@link #of(PortfolioState, PriceSnapshot, FxRates)} is a pure function: same inputs, same
 * result. Rules:
 * <ul>
 *   <li>a position's market value is quantity × price rounded half-even to its currency's minor
 *       unit; its value in the base currency is that converted by {@link FxRates#toBase(Money)};
 *   <li>{@link #marketValue()} is the sum of the priced positions' values in base;
 *       {@link #equity()} is cash plus market value;
 *   <li>realized P&amp;L, net deposits, dividends and fees booked in other currencies are converted at
 *       today's rates (not at the rates of the day they were booked);
 *   <li>{@link #totalReturn()} is (equity − net deposits) ÷ net deposits, the simple total return,
 *       rounded half-even to {@value #RATIO_SCALE} decimals; null when net deposits are not above
 *       zero, or when the valuation is incomplete (a return over part of the portfolio would
 *       mislead);
 *   <li>a position without a price or FX rate, or cash (or another running total) other than
 *       zero without an FX rate, is left out of the totals and named in {@link #missing()}; the valuation is then {@linkplain #isComplete()
 *       incomplete}, its totals cover only what could be valued, and it has no total return.
 *       Nothing is ever valued at zero silently.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param baseCurrency the currency of the totals
 * @param positions the open positions, by symbol
 * @param cash the cash per currency, as held, ordered by currency code
 * @param cashInBase the cash converted into the base currency
 * @param marketValue the priced positions' market value in base
 * @param equity cash plus market value
 * @param costBasis the priced positions' cost basis in base
 * @param unrealizedPnl market value minus cost basis of the priced positions
 * @param realizedPnl realized P&amp;L of all sells, in base
 * @param netDeposits deposits minus withdrawals, in base
 * @param dividends dividends received, in base
 * @param fees all fees paid, in base
 * @param totalReturn the simple total return, or null when net deposits are not above zero or
 *     the valuation is incomplete
 * @param missing what could not be valued: {@code "AAPL: no price"}, {@code "EUR: no FX rate"}
 */
public record Valuation(Currency baseCurrency, List<PositionValuation> positions, Map<Currency, Money> cash, Money cashInBase,
        Money marketValue, Money equity, Money costBasis, Money unrealizedPnl, Money realizedPnl, Money netDeposits,
        Money dividends, Money fees, @Nullable BigDecimal totalReturn, List<String> missing) {

    /** Decimals kept in ratios (weights, total return). */
    public static final int RATIO_SCALE = 8;

    /**
     * Copies the collections.
     *
     * @param baseCurrency the currency of the totals
     * @param positions the open positions, by symbol
     * @param cash the cash per currency, as held, ordered by currency code
     * @param cashInBase the cash converted into the base currency
     * @param marketValue the priced positions' market value in base
     * @param equity cash plus market value
     * @param costBasis the priced positions' cost basis in base
     * @param unrealizedPnl market value minus cost basis of the priced positions
     * @param realizedPnl realized P&amp;L of all sells, in base
     * @param netDeposits deposits minus withdrawals, in base
     * @param dividends dividends received, in base
     * @param fees all fees paid, in base
     * @param totalReturn the simple total return, or null when net deposits are not above zero or
 *     the valuation is incomplete
     * @param missing what could not be valued: {@code "AAPL: no price"}, {@code "EUR: no FX rate"}
     */
    public Valuation {
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        positions = List.copyOf(positions);
        TreeMap<Currency, Money> sorted = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        sorted.putAll(cash);
        cash = Collections.unmodifiableMap(sorted);
        missing = List.copyOf(missing);
    }

    /**
     * Values a portfolio state.
     *
     * @param state the state
     * @param prices prices per symbol
     * @param fx rates into the base currency ({@link FxRates#base()})
     * @return the valuation
     */
    public static Valuation of(PortfolioState state, PriceSnapshot prices, FxRates fx) {
        Currency base = fx.base();
        Set<String> missing = new TreeSet<>();
        Money cashInBase = sum(base, state.cash().values(), fx, missing);
        Money mv = Money.zero(base);
        Money cost = Money.zero(base);
        List<Row> rows = new ArrayList<>();
        for (Position p : state.positions().values()) {
            Symbol symbol = p.instrument().symbol();
            MarketPrice price = prices.prices().get(symbol);
            if (price == null) {
                missing.add(symbol + ": no price");
                rows.add(new Row(p, null, null, null));
                continue;
            }
            if (!price.price().currency().equals(p.instrument().currency())) {
                missing.add(symbol + ": price in " + price.price().currency().getCurrencyCode() + " but held in "
                        + p.instrument().currency().getCurrencyCode());
                rows.add(new Row(p, null, null, null));
                continue;
            }
            Money value = price.price().times(p.quantity());
            Money valueInBase = fx.toBase(value).orElse(null);
            Money costInBase = fx.toBase(p.cost()).orElse(null);
            if (valueInBase == null || costInBase == null) {
                missing.add(p.instrument().currency().getCurrencyCode() + ": no FX rate");
                rows.add(new Row(p, price, value, null));
                continue;
            }
            mv = mv.plus(valueInBase);
            cost = cost.plus(costInBase);
            rows.add(new Row(p, price, value, valueInBase));
        }
        Money equity = cashInBase.plus(mv);
        List<PositionValuation> positions = new ArrayList<>(rows.size());
        for (Row r : rows) {
            positions.add(new PositionValuation(r.position.instrument(), r.position.quantity(), r.position.cost(), r.price, r.value,
                    r.valueInBase, r.value == null ? null : r.value.minus(r.position.cost()),
                    r.valueInBase == null ? null : ratio(r.valueInBase.amount(), equity.amount())));
        }
        Money netDeposits = sum(base, state.netDeposits().values(), fx, missing);
        return new Valuation(base, positions, state.cash(), cashInBase, mv, equity, cost, mv.minus(cost),
                sum(base, state.realizedPnl().values(), fx, missing), netDeposits,
                sum(base, state.dividends().values(), fx, missing), sum(base, state.fees().values(), fx, missing),
                missing.isEmpty() ? ratio(equity.amount().subtract(netDeposits.amount()), netDeposits.amount()) : null,
                List.copyOf(missing));
    }

    private static Money sum(Currency base, Iterable<Money> amounts, FxRates fx, Set<String> missing) {
        Money total = Money.zero(base);
        for (Money m : amounts) {
            if (m.isZero()) {
                // nothing to convert: a currency once used and now at zero needs no rate
                continue;
            }
            Optional<Money> converted = fx.toBase(m);
            if (converted.isPresent()) {
                total = total.plus(converted.get());
            } else {
                missing.add(m.currency().getCurrencyCode() + ": no FX rate");
            }
        }
        return total;
    }

    private static @Nullable BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() <= 0 ? null : numerator.divide(denominator, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * Tells whether every position and every cash balance could be valued.
     *
     * @return true if nothing is {@linkplain #missing() missing}
     */
    public boolean isComplete() {
        return missing.isEmpty();
    }

    /**
     * The simple total return.
     *
     * @return the return, or empty when net deposits are not above zero or the valuation is
     *     incomplete
     */
    public Optional<BigDecimal> findTotalReturn() {
        return Optional.ofNullable(totalReturn);
    }

    private record Row(Position position, @Nullable MarketPrice price, @Nullable Money value, @Nullable Money valueInBase) {
    }
}
