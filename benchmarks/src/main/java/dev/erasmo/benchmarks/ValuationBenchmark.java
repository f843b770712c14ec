package dev.erasmo.benchmarks;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Currencies;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.Lot;
import dev.erasmo.portfolio.PortfolioState;
import dev.erasmo.portfolio.Position;
import dev.erasmo.valuation.FxRates;
import dev.erasmo.valuation.Holdings;
import dev.erasmo.valuation.HoldingsValue;
import dev.erasmo.valuation.MarketPrice;
import dev.erasmo.valuation.PriceSnapshot;
import dev.erasmo.valuation.PriceVector;
import dev.erasmo.valuation.SymbolIndex;
import dev.erasmo.valuation.Valuation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Values one USD portfolio of {@link #positions} positions against a snapshot that prices every
 * one of them, three ways in the same run:
 * <ul>
 *   <li>{@link #baseline()}: what a typical user writes, a {@code Map<String, BigDecimal>} of
 *       prices and a loop of {@code BigDecimal} multiply and add over (symbol, quantity) holdings,
 *       rounded half-even to cents at the end;
 *   <li>{@link #fastPath()}: erasmo's {@link Holdings#valueAt(PriceVector)};
 *   <li>{@link #exactValuation()}: erasmo's full {@link Valuation#of(PortfolioState, PriceSnapshot,
 *       FxRates)}, which also builds a row per position (weights, P&amp;L);
 * </ul>
 * and {@link #priceVector()}, the cost of laying out the snapshot once per tick, shared by every
 * portfolio valued at that tick.
 *
 * <p>Quantities are whole (1 to 10,000) in 7 of 10 positions and below 1,000 with up to 9 decimals
 * otherwise; prices have 2
 * to 8 decimals, from 1 to 2,000 USD. The data are seeded, so every run values the same
 * portfolio. {@link #setUp()} checks, before anything is measured, that the fast path equals the
 * BigDecimal definition {@link HoldingsValue#of(PortfolioState, PriceSnapshot, Currency)} and the
 * baseline to the cent, and agrees with {@link Valuation} on cost basis and to within the
 * documented half a cent per position on market value.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ValuationBenchmark {

    private static final Currency USD = Currencies.of("USD");

    /** How many positions the portfolio holds. */
    @Param({"10", "1000", "100000"})
    public int positions;

    private PortfolioState state;
    private PriceSnapshot snapshot;
    private FxRates fx;
    private SymbolIndex index;
    private PriceVector vector;
    private Holdings holdings;
    private Map<String, BigDecimal> baselinePrices;
    private List<BaselineHolding> baselineHoldings;

    /** A holding as a typical user keeps it. */
    record BaselineHolding(String symbol, BigDecimal quantity) {
    }

    /** Builds the portfolio and its prices, compiles them, and checks that every way agrees. */
    @Setup
    public void setUp() {
        Random random = new Random(20261203L);
        Map<Symbol, Position> held = new HashMap<>();
        Map<Symbol, MarketPrice> prices = new HashMap<>();
        baselinePrices = new HashMap<>();
        baselineHoldings = new ArrayList<>();
        for (int i = 0; i < positions; i++) {
            Symbol symbol = Symbol.of(String.format("SYM%06d", i));
            BigDecimal quantity = random.nextInt(10) < 7 ? BigDecimal.valueOf(1 + random.nextInt(10_000))
                    : BigDecimal.valueOf(random.nextInt(1_000), 0).add(BigDecimal.valueOf(1 + random.nextInt(999_999_999), 9));
            int priceScale = 2 + random.nextInt(7);
            BigDecimal price = BigDecimal.valueOf(BigDecimal.TEN.pow(priceScale).longValueExact() * (1 + random.nextInt(2000))
                    + random.nextInt(1_000), priceScale);
            Money cost = Money.of(USD, price.multiply(quantity).multiply(new BigDecimal("0.9")), RoundingMode.HALF_EVEN);
            held.put(symbol, Position.of(Instrument.of(symbol, USD), List.of(new Lot(Instant.EPOCH, Quantity.of(quantity), cost))));
            prices.put(symbol, new MarketPrice(Price.of(USD, price), LocalDate.of(2013, 12, 31)));
            baselinePrices.put(symbol.value(), price);
        }
        state = new PortfolioState(Map.of(USD, Money.of("USD", "10000")), held, Map.of(), Map.of(), Map.of(), Map.of());
        state.positions().values().forEach(p -> baselineHoldings.add(new BaselineHolding(p.instrument().symbol().value(), p.quantity().value())));
        snapshot = PriceSnapshot.of(prices);
        fx = FxRates.none(USD);
        index = SymbolIndex.create();
        vector = PriceVector.of(index, snapshot, USD);
        holdings = Holdings.of(index, state, USD);
        check();
    }

    private void check() {
        HoldingsValue fast = fastPath();
        HoldingsValue definition = HoldingsValue.of(state, snapshot, USD);
        if (!fast.equals(definition)) {
            throw new IllegalStateException("fast path " + fast + " differs from the BigDecimal definition " + definition);
        }
        if (fast.unpriced() != 0 || fast.priced() != positions) {
            throw new IllegalStateException("expected " + positions + " priced positions: " + fast);
        }
        BigDecimal baseline = baseline();
        if (!fast.marketValue().amount().equals(baseline)) {
            throw new IllegalStateException("fast path " + fast.marketValue() + " differs from the baseline " + baseline);
        }
        // Valuation rounds each position before summing: at most half a cent apart per position
        Valuation valuation = exactValuation();
        BigDecimal apart = fast.marketValue().minus(valuation.marketValue()).amount().abs();
        if (!fast.costBasis().equals(valuation.costBasis()) || !valuation.isComplete()
                || apart.compareTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(positions))) > 0) {
            throw new IllegalStateException("fast path " + fast + " disagrees with " + valuation.marketValue() + " (cost "
                    + valuation.costBasis() + ") of Valuation.of");
        }
    }

    /**
     * What a typical user writes: look up each price in a map, multiply, add, round at the end.
     *
     * @return the market value in USD, rounded half-even to cents
     */
    @Benchmark
    public BigDecimal baseline() {
        BigDecimal total = BigDecimal.ZERO;
        for (BaselineHolding h : baselineHoldings) {
            total = total.add(baselinePrices.get(h.symbol()).multiply(h.quantity()));
        }
        return total.setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * erasmo's fast path: compiled holdings valued against a price vector.
     *
     * @return market value, cost basis and cash
     */
    @Benchmark
    public HoldingsValue fastPath() {
        return holdings.valueAt(vector);
    }

    /**
     * erasmo's exact valuation, with a row per position.
     *
     * @return the full valuation
     */
    @Benchmark
    public Valuation exactValuation() {
        return Valuation.of(state, snapshot, fx);
    }

    /**
     * Laying out the snapshot's prices once per tick, shared by all portfolios valued at it.
     *
     * @return the price vector
     */
    @Benchmark
    public PriceVector priceVector() {
        return PriceVector.of(index, snapshot, USD);
    }
}
