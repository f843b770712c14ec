package dev.erasmo.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Price;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CachingQuoteSourceTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol MSFT = Symbol.of("MSFT");
    private static final Symbol NVDA = Symbol.of("NVDA");
    private static final Symbol UNKNOWN = Symbol.of("ZZZZ");
    private static final Currency USD = Currency.getInstance("USD");

    /** Friday 2024-03-15, 14:00 UTC: 2024-03-13 and earlier are final, the 14th and 15th are not. */
    private static final Instant NOW = Instant.parse("2024-03-15T14:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2024-03-15");
    private static final LocalDate YESTERDAY = LocalDate.parse("2024-03-14");

    private final MutableClock clock = new MutableClock(NOW);

    /**
     * AAPL, MSFT and NVDA with one bar every calendar day from 2024-03-01 to 2024-03-14, the close
     * being a base plus the day of the year (2024-03-01 is day 61, 2024-03-14 day 74). The latest
     * quote is the last close: AAPL 100 + 74 = 174, MSFT 274, NVDA 374, all dated 2024-03-14.
     */
    private final CountingSource delegate = new CountingSource(InMemoryQuoteSource.builder()
            .history(daily(AAPL, 100, LocalDate.parse("2024-03-01"), YESTERDAY, false))
            .history(daily(MSFT, 200, LocalDate.parse("2024-03-01"), YESTERDAY, false))
            .history(daily(NVDA, 300, LocalDate.parse("2024-03-01"), YESTERDAY, false))
            .build());

    private CachingQuoteSource source(QuoteSource d) {
        return CachingQuoteSource.builder(d).clock(clock).build();
    }

    // ---- history: many portfolios, one request per symbol ----

    @Test
    void history_thousandPortfoliosOfFiftySymbolsOverOverlappingPastWindows_asksOncePerSymbol() {
        // 50 symbols with a bar every day of 2013; symbol i closes at 1000 * (i + 1) + day of year
        InMemoryQuoteSource.Builder data = InMemoryQuoteSource.builder();
        List<Symbol> symbols = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Symbol s = Symbol.of(String.format("S%02d", i));
            symbols.add(s);
            data.history(daily(s, 1000 * (i + 1), LocalDate.parse("2013-01-01"), LocalDate.parse("2013-12-31"), false));
        }
        CountingSource counting = new CountingSource(data.build());
        CachingQuoteSource cache = source(counting);

        // portfolio p looks at [2013-01-02 + (p % 60) days, 2013-12-31 - (p % 45) days]: all windows
        // overlap and portfolio 0's, the first asked, is the widest
        PriceHistory last = null;
        for (int p = 0; p < 1000; p++) {
            LocalDate from = LocalDate.parse("2013-01-02").plusDays(p % 60);
            LocalDate to = LocalDate.parse("2013-12-31").minusDays(p % 45);
            for (Symbol s : symbols) {
                last = cache.history(s, from, to);
            }
        }

        assertThat(counting.historyCalls).hasSize(50);
        assertThat(counting.historyCalls).allSatisfy(r -> {
            assertThat(r.from()).isEqualTo(LocalDate.parse("2013-01-02"));
            assertThat(r.to()).isEqualTo(LocalDate.parse("2013-12-31"));
        });
        assertThat(counting.historyCalls).extracting(Range::symbol).containsExactlyInAnyOrderElementsOf(symbols);
        // portfolio 999, symbol S49: 999 % 60 = 39 days after 2013-01-02 is 2013-02-10 (day 41);
        // 999 % 45 = 9 days before 2013-12-31 is 2013-12-22 (day 356): 356 - 41 + 1 = 316 bars,
        // closing at 50000 + 41 = 50041 and 50000 + 356 = 50356
        assertThat(last.symbol()).isEqualTo(Symbol.of("S49"));
        assertThat(last.bars()).hasSize(316);
        assertThat(last.bars().get(0).date()).isEqualTo(LocalDate.parse("2013-02-10"));
        assertThat(last.bars().get(0).close()).isEqualByComparingTo("50041");
        assertThat(last.bars().get(315).date()).isEqualTo(LocalDate.parse("2013-12-22"));
        assertThat(last.bars().get(315).close()).isEqualByComparingTo("50356");
    }

    @Test
    void asOf_manyPastDatesAfterOneWideHistory_asksNoMore() {
        // AAPL on the weekdays of 2013, closing at 100 + day of year
        CountingSource counting = new CountingSource(InMemoryQuoteSource.builder()
                .history(daily(AAPL, 100, LocalDate.parse("2013-01-01"), LocalDate.parse("2013-12-31"), true))
                .build());
        CachingQuoteSource cache = source(counting);
        cache.history(AAPL, LocalDate.parse("2013-01-01"), LocalDate.parse("2013-12-31"));

        // asOf(d) asks for [d - 14, d]: inside the kept year from 2013-01-15 on
        for (LocalDate d = LocalDate.parse("2013-01-15"); !d.isAfter(LocalDate.parse("2013-12-31")); d = d.plusDays(1)) {
            cache.asOf(AAPL, d);
        }
        clock.advance(Duration.ofDays(400));
        // 2013-12-28 is a Saturday: Friday 2013-12-27 (day 361) closed at 100 + 361 = 461
        Quote saturday = cache.asOf(AAPL, LocalDate.parse("2013-12-28"));

        assertThat(saturday).isEqualTo(new Quote(AAPL, Price.of("USD", "461"), LocalDate.parse("2013-12-27")));
        assertThat(counting.historyCalls).containsExactly(new Range(AAPL, LocalDate.parse("2013-01-01"), LocalDate.parse("2013-12-31")));
    }

    @Test
    void history_outsideTheKeptRange_fetchesTheUnionOnceAndServesWhatItCovers() {
        CachingQuoteSource cache = source(delegate);
        cache.history(AAPL, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-05"));
        PriceHistory later = cache.history(AAPL, LocalDate.parse("2024-03-08"), LocalDate.parse("2024-03-10"));
        PriceHistory between = cache.history(AAPL, LocalDate.parse("2024-03-04"), LocalDate.parse("2024-03-09"));

        assertThat(delegate.historyCalls).containsExactly(
                new Range(AAPL, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-05")),
                new Range(AAPL, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-10")));
        // 2024-03-08 is day 68 of 2024: closes 168, 169, 170
        assertThat(later.bars()).extracting(Bar::close).map(BigDecimal::intValueExact).containsExactly(168, 169, 170);
        assertThat(between.bars()).extracting(Bar::date).containsExactly(LocalDate.parse("2024-03-04"), LocalDate.parse("2024-03-05"),
                LocalDate.parse("2024-03-06"), LocalDate.parse("2024-03-07"), LocalDate.parse("2024-03-08"), LocalDate.parse("2024-03-09"));
    }

    // ---- history: final dates and the TTL ----

    @Test
    void history_endingYesterdayOrToday_isFetchedAgainOnceTheTtlHasPassed() {
        CachingQuoteSource cache = source(delegate);
        Range toYesterday = new Range(AAPL, LocalDate.parse("2024-03-01"), YESTERDAY);

        cache.history(AAPL, toYesterday.from(), YESTERDAY);
        clock.advance(Duration.ofMillis(4_999));
        cache.history(AAPL, toYesterday.from(), YESTERDAY);
        assertThat(delegate.historyCalls).containsExactly(toYesterday);

        clock.advance(Duration.ofMillis(1)); // 5 s after the fetch: stale
        PriceHistory again = cache.history(AAPL, toYesterday.from(), YESTERDAY);
        assertThat(delegate.historyCalls).containsExactly(toYesterday, toYesterday);
        assertThat(again.bars()).hasSize(14);

        // today: same rule
        Range toToday = new Range(AAPL, LocalDate.parse("2024-03-01"), TODAY);
        cache.history(AAPL, toToday.from(), TODAY);
        cache.history(AAPL, toToday.from(), TODAY);
        clock.advance(CachingQuoteSource.DEFAULT_LATEST_TTL);
        cache.history(AAPL, toToday.from(), TODAY);
        assertThat(delegate.historyCalls).containsExactly(toYesterday, toYesterday, toToday, toToday);
    }

    @Test
    void history_endingOnAFinalDate_isNeverFetchedAgain() {
        CachingQuoteSource cache = source(delegate);
        // 2024-03-13 is two days before today's UTC date 2024-03-15: final
        LocalDate dayBeforeYesterday = LocalDate.parse("2024-03-13");
        cache.history(AAPL, LocalDate.parse("2024-03-01"), dayBeforeYesterday);
        clock.advance(Duration.ofHours(1));
        cache.history(AAPL, LocalDate.parse("2024-03-05"), dayBeforeYesterday);
        clock.advance(Duration.ofDays(1000));
        PriceHistory h = cache.history(AAPL, LocalDate.parse("2024-03-01"), dayBeforeYesterday);

        assertThat(delegate.historyCalls).containsExactly(new Range(AAPL, LocalDate.parse("2024-03-01"), dayBeforeYesterday));
        assertThat(h.bars()).hasSize(13);
    }

    @Test
    void history_fetchedBeforeItsLastDayWasFinal_isFetchedAgainAfterTheTtl() {
        CachingQuoteSource cache = source(delegate);
        // fetched on 2024-03-15, when the 14th was not final: its bar may have been missing or provisional
        cache.history(AAPL, LocalDate.parse("2024-03-01"), YESTERDAY);
        clock.advance(Duration.ofDays(3)); // 2024-03-18: the 14th is final now, but the kept bars are from before
        cache.history(AAPL, LocalDate.parse("2024-03-10"), YESTERDAY);
        clock.advance(Duration.ofHours(1));
        cache.history(AAPL, LocalDate.parse("2024-03-10"), YESTERDAY); // fetched on the 18th: final, kept for good

        assertThat(delegate.historyCalls).containsExactly(
                new Range(AAPL, LocalDate.parse("2024-03-01"), YESTERDAY),
                new Range(AAPL, LocalDate.parse("2024-03-01"), YESTERDAY));
    }

    @Test
    void history_fromAfterTo_isPassedThroughAndNotKept() {
        CachingQuoteSource cache = source(delegate);
        PriceHistory h = cache.history(AAPL, LocalDate.parse("2024-03-10"), LocalDate.parse("2024-03-01"));
        cache.history(AAPL, LocalDate.parse("2024-03-10"), LocalDate.parse("2024-03-01"));

        assertThat(h.bars()).isEmpty();
        assertThat(delegate.historyCalls).hasSize(2);
    }

    // ---- latest ----

    @Test
    void latest_withinTheTtl_isServedFromTheCacheAndAskedAgainAfterIt() {
        CachingQuoteSource cache = source(delegate);
        Quote aapl = new Quote(AAPL, Price.of("USD", "174"), YESTERDAY);

        assertThat(cache.latest(List.of(AAPL))).containsExactly(Map.entry(AAPL, aapl));
        clock.advance(Duration.ofMillis(4_999));
        assertThat(cache.latest(AAPL)).isEqualTo(aapl);
        assertThat(delegate.latestCalls).containsExactly(List.of(AAPL));

        clock.advance(Duration.ofMillis(1)); // 5 s after the fetch: stale
        assertThat(cache.latest(List.of(AAPL))).containsExactly(Map.entry(AAPL, aapl));
        assertThat(delegate.latestCalls).containsExactly(List.of(AAPL), List.of(AAPL));
    }

    @Test
    void latest_batchWithSomeKept_asksOnlyForTheMissingOnesInOneCall() {
        CachingQuoteSource cache = source(delegate);
        cache.latest(List.of(AAPL));
        clock.advance(Duration.ofSeconds(1));

        Map<Symbol, Quote> all = cache.latest(List.of(MSFT, AAPL, NVDA, MSFT));

        assertThat(delegate.latestCalls).containsExactly(List.of(AAPL), List.of(MSFT, NVDA));
        // in the order asked, each symbol once: MSFT 200 + 74, AAPL 100 + 74, NVDA 300 + 74
        assertThat(all).containsExactly(
                Map.entry(MSFT, new Quote(MSFT, Price.of("USD", "274"), YESTERDAY)),
                Map.entry(AAPL, new Quote(AAPL, Price.of("USD", "174"), YESTERDAY)),
                Map.entry(NVDA, new Quote(NVDA, Price.of("USD", "374"), YESTERDAY)));
    }

    @Test
    void latest_symbolTheSourceDoesNotReturn_isAbsentAndRememberedForTheTtl() {
        CachingQuoteSource cache = source(delegate);

        assertThat(cache.latest(List.of(AAPL, UNKNOWN))).containsOnlyKeys(AAPL);
        assertThatThrownBy(() -> cache.latest(UNKNOWN)).isInstanceOf(QuoteNotFoundException.class).hasMessageContaining("ZZZZ");
        assertThat(delegate.latestCalls).containsExactly(List.of(AAPL, UNKNOWN));

        clock.advance(CachingQuoteSource.DEFAULT_LATEST_TTL);
        assertThat(cache.latest(List.of(UNKNOWN))).isEmpty();
        assertThat(delegate.latestCalls).containsExactly(List.of(AAPL, UNKNOWN), List.of(UNKNOWN));
    }

    @Test
    void invalidateAll_afterLatestAndHistory_asksForBothAgain() {
        CachingQuoteSource cache = source(delegate);
        cache.latest(List.of(AAPL));
        cache.history(AAPL, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-10"));

        cache.invalidateAll();
        cache.latest(List.of(AAPL));
        cache.history(AAPL, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-10"));

        assertThat(delegate.latestCalls).hasSize(2);
        assertThat(delegate.historyCalls).hasSize(2);
    }

    // ---- one request at a time ----

    @Test
    void latest_eightThreadsAtOnce_askTheSourceOnce() throws Exception {
        CachingQuoteSource cache = source(delegate);
        List<Object> results = race(8, () -> cache.latest(List.of(AAPL)));

        assertThat(delegate.latestCalls).containsExactly(List.of(AAPL));
        assertThat(results).hasSize(8).containsOnly(Map.of(AAPL, new Quote(AAPL, Price.of("USD", "174"), YESTERDAY)));
    }

    @Test
    void history_eightThreadsAtOnce_askTheSourceOnce() throws Exception {
        CachingQuoteSource cache = source(delegate);
        List<Object> results = race(8, () -> cache.history(AAPL, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-10")));

        assertThat(delegate.historyCalls).containsExactly(new Range(AAPL, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-10")));
        assertThat(results).hasSize(8).allSatisfy(r -> assertThat(((PriceHistory) r).bars()).hasSize(10));
    }

    // ---- failures ----

    @Test
    void latest_sourceUnavailable_everyCallerGetsThatExceptionAndNothingIsKept() throws Exception {
        CachingQuoteSource cache = source(delegate);
        QuoteUnavailableException down = new QuoteUnavailableException("HTTP 429 for AAPL", true, Duration.ofSeconds(30), null);
        delegate.failure = down;

        List<Object> results = race(8, () -> cache.latest(List.of(AAPL)));
        assertThat(results).hasSize(8).allSatisfy(r -> assertThat(r).isSameAs(down));
        assertThat(delegate.latestCalls).hasSize(1);

        delegate.failure = null;
        assertThat(cache.latest(List.of(AAPL))).containsOnlyKeys(AAPL);
        assertThat(delegate.latestCalls).hasSize(2);
    }

    @Test
    void history_sourceUnavailable_everyCallerGetsThatExceptionAndNothingIsKept() throws Exception {
        CachingQuoteSource cache = source(delegate);
        QuoteUnavailableException down = new QuoteUnavailableException("HTTP 503 for AAPL", true, null, null);
        delegate.failure = down;

        List<Object> results = race(8, () -> cache.history(AAPL, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-10")));
        assertThat(results).hasSize(8).allSatisfy(r -> assertThat(r).isSameAs(down));
        assertThat(delegate.historyCalls).hasSize(1);

        assertThatThrownBy(() -> cache.asOf(AAPL, LocalDate.parse("2024-03-10"))).isSameAs(down);
        assertThat(delegate.historyCalls).hasSize(2);

        delegate.failure = null;
        assertThat(cache.asOf(AAPL, LocalDate.parse("2024-03-10")).price()).isEqualTo(Price.of("USD", "170"));
        assertThat(delegate.historyCalls).hasSize(3);
    }

    @Test
    void history_unknownSymbol_throwsQuoteNotFoundEveryTime() {
        CachingQuoteSource cache = source(delegate);

        assertThatThrownBy(() -> cache.history(UNKNOWN, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-10")))
                .isInstanceOf(QuoteNotFoundException.class).hasMessageContaining("ZZZZ");
        assertThatThrownBy(() -> cache.asOf(UNKNOWN, LocalDate.parse("2024-03-10"))).isInstanceOf(QuoteNotFoundException.class);
        assertThat(delegate.historyCalls).hasSize(2);
    }

    @Test
    void builder_negativeTtl_isRejected() {
        assertThatThrownBy(() -> CachingQuoteSource.builder(delegate).latestTtl(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
    }

    // ---- helpers ----

    /**
     * Runs {@code call} on {@code n} threads released together. The first call that reaches the
     * delegate is held there until every other thread is parked waiting in the cache (or done),
     * so the test does not depend on timing. Returns each thread's result or what it threw.
     */
    private List<Object> race(int n, Callable<Object> call) throws InterruptedException {
        CountDownLatch startGate = new CountDownLatch(1);
        AtomicInteger calling = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        Object[] results = new Object[n];
        for (int i = 0; i < n; i++) {
            int index = i;
            threads.add(new Thread(() -> {
                try {
                    startGate.await();
                    calling.incrementAndGet();
                    results[index] = call.call();
                } catch (Throwable t) {
                    results[index] = t;
                }
            }, "racer-" + i));
        }
        AtomicBoolean held = new AtomicBoolean();
        delegate.onCall = () -> {
            if (!held.compareAndSet(false, true)) {
                return;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!(calling.get() == n && threads.stream().filter(t -> t != Thread.currentThread())
                    .allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TERMINATED))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the other threads did not wait for the first one's fetch");
                }
                Thread.onSpinWait();
            }
        };
        threads.forEach(Thread::start);
        startGate.countDown();
        for (Thread t : threads) {
            t.join(10_000);
            assertThat(t.isAlive()).as(t.getName() + " finished").isFalse();
        }
        return List.of(results);
    }

    /** Daily bars from {@code first} to {@code last}, closing at {@code base} plus the day of the year. */
    private static PriceHistory daily(Symbol symbol, int base, LocalDate first, LocalDate last, boolean weekdaysOnly) {
        List<Bar> bars = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (weekdaysOnly && d.getDayOfWeek().getValue() >= 6) {
                continue;
            }
            bars.add(new Bar(d, null, null, null, BigDecimal.valueOf(base + d.getDayOfYear()), null, null));
        }
        return new PriceHistory(symbol, USD, bars, List.of(), List.of());
    }

    /** A history request as the delegate received it. */
    private record Range(Symbol symbol, LocalDate from, LocalDate to) {
    }

    /** Records every request, then answers from {@code data} or throws {@link #failure}. */
    private static final class CountingSource implements QuoteSource {
        private final QuoteSource data;
        final List<List<Symbol>> latestCalls = new CopyOnWriteArrayList<>();
        final List<Range> historyCalls = new CopyOnWriteArrayList<>();
        volatile @Nullable RuntimeException failure;
        volatile Runnable onCall = () -> { };

        CountingSource(QuoteSource data) {
            this.data = data;
        }

        @Override
        public Map<Symbol, Quote> latest(Collection<Symbol> symbols) {
            latestCalls.add(List.copyOf(symbols));
            onCall.run();
            RuntimeException f = failure;
            if (f != null) {
                throw f;
            }
            return data.latest(symbols);
        }

        @Override
        public PriceHistory history(Symbol symbol, LocalDate from, LocalDate to) {
            historyCalls.add(new Range(symbol, from, to));
            onCall.run();
            RuntimeException f = failure;
            if (f != null) {
                throw f;
            }
            return data.history(symbol, from, to);
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock is UTC only");
        }
    }
}
