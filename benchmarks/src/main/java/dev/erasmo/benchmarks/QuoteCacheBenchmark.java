package dev.erasmo.benchmarks;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.quote.Bar;
import dev.erasmo.quote.CachingQuoteSource;
import dev.erasmo.quote.InMemoryQuoteSource;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.Quote;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a cached quote costs once it is cached: the latest quotes of a portfolio's 50 symbols, and
 * a close "as of" a past date out of a 10-year daily history, through {@link CachingQuoteSource},
 * beside the same calls on the in-memory source it wraps (the cheapest source there is, so the
 * baseline is the floor, not a network request).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class QuoteCacheBenchmark {

    private static final Currency USD = Currency.getInstance("USD");
    private static final int SYMBOLS = 50;
    private static final LocalDate FIRST = LocalDate.of(2014, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2023, 12, 31);

    private InMemoryQuoteSource direct;
    private CachingQuoteSource cached;
    private List<Symbol> symbols;
    private LocalDate[] dates;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        InMemoryQuoteSource.Builder b = InMemoryQuoteSource.builder();
        symbols = new ArrayList<>();
        for (int s = 0; s < SYMBOLS; s++) {
            Symbol symbol = Symbol.of("S" + s);
            symbols.add(symbol);
            List<Bar> bars = new ArrayList<>();
            long cents = 10_000 + random.nextInt(100_000);
            for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                cents = Math.max(100, cents + random.nextInt(201) - 100);
                bars.add(new Bar(d, null, null, null, BigDecimal.valueOf(cents, 2), null, null));
            }
            b.history(new PriceHistory(symbol, USD, bars, List.of(), List.of()));
        }
        direct = b.build();
        // a fixed clock and a long TTL: every call below is a cache hit
        cached = CachingQuoteSource.builder(direct).clock(Clock.fixed(Instant.parse("2024-06-03T12:00:00Z"), ZoneOffset.UTC))
                .latestTtl(Duration.ofDays(1)).build();
        cached.history(symbols.get(0), FIRST, LAST);
        cached.latest(symbols);
        dates = new LocalDate[1024];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = FIRST.plusDays(30 + random.nextInt(3_500));
        }
        for (LocalDate d : dates) {
            Quote a = direct.asOf(symbols.get(0), d);
            Quote c = cached.asOf(symbols.get(0), d);
            if (!a.equals(c)) {
                throw new IllegalStateException("cached " + c + " differs from " + a);
            }
        }
    }

    private LocalDate nextDate() {
        return dates[next++ & (dates.length - 1)];
    }

    /** Baseline: the latest quotes of 50 symbols from the in-memory source. */
    @Benchmark
    public Map<Symbol, Quote> latestDirect() {
        return direct.latest(symbols);
    }

    /** The latest quotes of 50 symbols, all cached. */
    @Benchmark
    public Map<Symbol, Quote> latestCached() {
        return cached.latest(symbols);
    }

    /** Baseline: the close as of a date, by binary search in the in-memory source's history. */
    @Benchmark
    public Quote asOfDirect() {
        return direct.asOf(symbols.get(0), nextDate());
    }

    /** The close as of a date out of a cached 10-year history. */
    @Benchmark
    public Quote asOfCached() {
        return cached.asOf(symbols.get(0), nextDate());
    }

    /** Runs nothing: JMH needs a public no-argument constructor. */
    public QuoteCacheBenchmark() {
    }

}
