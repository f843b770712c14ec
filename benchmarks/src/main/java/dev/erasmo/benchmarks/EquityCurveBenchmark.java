package dev.erasmo.benchmarks;

import dev.erasmo.Erasmo;
import dev.erasmo.TradeRequest;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import dev.erasmo.performance.EquityCurve;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.quote.Bar;
import dev.erasmo.quote.InMemoryQuoteSource;
import dev.erasmo.quote.PriceHistory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The daily equity curve of a portfolio of 2,000 events over 500 symbols and 8 years of daily
 * prices (Ghostfolio's tracker takes about 16 s for a snapshot of 1,900 activities over 8 years,
 * its issue #7931; our target is under 20 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class EquityCurveBenchmark {

    static final Currency USD = Currency.getInstance("USD");
    static final int SYMBOLS = 500;
    static final int EVENTS = 2_000;
    static final LocalDate FIRST = LocalDate.of(2016, 1, 4);
    static final LocalDate LAST = LocalDate.of(2023, 12, 29);

    private Erasmo erasmo;
    private PortfolioId id;
    /** The curve before one back-dated event was booked (a deposit a year before the end). */
    private EquityCurve before;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        InMemoryQuoteSource.Builder quotes = InMemoryQuoteSource.builder();
        List<Symbol> symbols = new ArrayList<>();
        for (int s = 0; s < SYMBOLS; s++) {
            Symbol symbol = Symbol.of("S" + s);
            symbols.add(symbol);
            List<Bar> bars = new ArrayList<>(days.size());
            long cents = 2_000 + random.nextInt(50_000);
            for (LocalDate d : days) {
                cents = Math.max(100, cents + random.nextInt(41) - 20);
                bars.add(new Bar(d, null, null, null, BigDecimal.valueOf(cents, 2), null, null));
            }
            quotes.history(new PriceHistory(symbol, USD, bars, List.of(), List.of()));
        }
        erasmo = Erasmo.builder().quotes(quotes.build()).clock(Clock.fixed(Instant.parse("2024-06-03T12:00:00Z"), ZoneOffset.UTC)).build();
        id = erasmo.createPortfolio(Owner.of("bench"), "big").id();
        erasmo.deposit(id, Money.of(USD, new BigDecimal("1000000000")), FIRST.atStartOfDay(ZoneOffset.UTC).toInstant());
        int booked = 1;
        // 2,000 events in date order: buys of 1..100 units, and sells of part of a holding now and then
        for (int i = 0; booked < EVENTS; i++) {
            LocalDate d = days.get(Math.min(days.size() - 1, i * days.size() / (EVENTS + EVENTS / 4)));
            Instant at = d.atTime(15, 0).toInstant(ZoneOffset.UTC);
            Symbol s = symbols.get(random.nextInt(SYMBOLS));
            boolean sell = i % 5 == 4 && erasmo.portfolio(id).state().findPosition(s).isPresent();
            var result = sell ? erasmo.sell(id, TradeRequest.of(s, Quantity.of(1)).at(at))
                    : erasmo.buy(id, TradeRequest.of(s, Quantity.of(1 + random.nextInt(100))).at(at));
            if (result.isBooked()) {
                booked++;
            }
        }
        if (erasmo.portfolio(id).entries().size() != EVENTS) {
            throw new IllegalStateException("expected " + EVENTS + " events, got " + erasmo.portfolio(id).entries().size());
        }
        before = erasmo.history(id, FIRST, LAST);
        erasmo.deposit(id, Money.of(USD, new BigDecimal("1000")), LAST.minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        if (!erasmo.update(before).equals(erasmo.history(id, FIRST, LAST))) {
            throw new IllegalStateException("the updated curve differs from a new one");
        }
    }

    /** The whole curve, 8 years of trading days. */
    @Benchmark
    public EquityCurve full() {
        return erasmo.history(id, FIRST, LAST);
    }

    /**
     * Baseline: what a user of the public API would write without {@code history}: a
     * {@code valuation(id, date)} for every trading day (each folds the ledger and looks up
     * every close again). One shot per measurement: it takes seconds.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public List<Money> baselineValuationPerDay() {
        List<Money> equity = new ArrayList<>();
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                equity.add(erasmo.valuation(id, d).equity());
            }
        }
        return equity;
    }

    /** The curve brought up to date after one event back-dated a year: only its last year is recomputed. */
    @Benchmark
    public EquityCurve incremental() {
        return erasmo.update(before);
    }
}
