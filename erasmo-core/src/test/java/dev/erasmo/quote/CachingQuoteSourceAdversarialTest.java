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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tries to make {@link CachingQuoteSource} serve a wrong or stale answer, deadlock, leak one
 * symbol's failure to another, or ask its delegate more than once per symbol.
 */
@Timeout(60)
class CachingQuoteSourceAdversarialTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol MSFT = Symbol.of("MSFT");
    private static final Symbol BAD = Symbol.of("BAD");
    private static final Currency USD = Currency.getInstance("USD");
    /** 2024-03-15 14:00 UTC: 2024-03-13 is the last final date. */
    private static final Instant NOW = Instant.parse("2024-03-15T14:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2024-03-15");
    private static final LocalDate D1 = LocalDate.parse("2024-01-01");

    private final MutableClock clock = new MutableClock(NOW);

    // ---------------------------------------------------------------- ranges

    @Test
    void overlappingAdjacentAndReversedRanges_alwaysAnswerExactlyWhatTheDelegateHasInTheRange() {
        Scripted d = new Scripted();
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).build();
        List<LocalDate[]> asks = List.of(
                range("2024-01-10", "2024-01-20"), // first: from January 1, [1, 20]
                range("2024-01-15", "2024-01-25"), // overlapping: [21, 25] asked from the last kept bar, the 20th
                range("2024-01-26", "2024-01-31"), // adjacent: [26, 31] asked from the 25th
                range("2024-01-10", "2024-01-31"), range("2024-01-12", "2024-01-12"), // inside: no call
                range("2024-01-05", "2024-01-09"), // before, but inside since January 1: no call
                range("2023-12-20", "2024-01-09"), // before: [2023-01-01, 2023-12-31] asked up to the first kept bar, 2024-01-01
                range("2024-02-01", "2024-01-01")); // reversed: passed through
        for (LocalDate[] r : asks) {
            assertThat(cache.history(AAPL, r[0], r[1])).as("%s..%s", r[0], r[1]).isEqualTo(d.truth(AAPL, r[0], r[1]));
        }
        assertThat(d.historyCalls).containsExactly("AAPL 2024-01-01 2024-01-20", "AAPL 2024-01-20 2024-01-25",
                "AAPL 2024-01-25 2024-01-31", "AAPL 2023-01-01 2024-01-01", "AAPL 2024-02-01 2024-01-01");
        // a reversed range is never kept
        cache.history(AAPL, LocalDate.parse("2024-02-01"), LocalDate.parse("2024-01-01"));
        assertThat(d.historyCalls).hasSize(6);
    }

    @Test
    void aDelegateAnsweringWiderThanAsked_isNotTrustedOutsideTheAskedRange() {
        // answers every request with the whole of January, whatever was asked
        Scripted d = new Scripted();
        d.history = (s, r) -> d.truth(s, D1, LocalDate.parse("2024-01-31"));
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).build();

        assertThat(cache.history(AAPL, LocalDate.parse("2024-01-10"), LocalDate.parse("2024-01-12")).bars()).hasSize(3);
        cache.history(AAPL, LocalDate.parse("2024-01-20"), LocalDate.parse("2024-01-21"));

        assertThat(d.historyCalls).hasSize(2);
    }

    @Test
    void aDelegateAnsweringForAnotherSymbol_isMalformedAndNeverKept() {
        Scripted d = new Scripted();
        d.history = (s, r) -> d.truth(MSFT, r[0], r[1]);
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).build();

        assertThatThrownBy(() -> cache.history(AAPL, D1, LocalDate.parse("2024-01-31")))
                .isInstanceOf(MalformedQuoteDataException.class).hasMessageContaining("AAPL").hasMessageContaining("MSFT");
        d.history = (s, r) -> d.truth(s, r[0], r[1]);
        assertThat(cache.history(AAPL, D1, LocalDate.parse("2024-01-31"))).isEqualTo(d.truth(AAPL, D1, LocalDate.parse("2024-01-31")));
        assertThat(d.historyCalls).hasSize(2);
    }

    // ---------------------------------------------------------------- time

    @Test
    void ttlZero_keepsFinalHistoryOnly_andNeverALatestQuote() {
        Scripted d = new Scripted();
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).latestTtl(Duration.ZERO).build();

        cache.latest(List.of(AAPL));
        cache.latest(List.of(AAPL));
        cache.history(AAPL, D1, LocalDate.parse("2024-03-13"));
        cache.history(AAPL, D1, LocalDate.parse("2024-03-13"));
        cache.history(AAPL, D1, TODAY);
        cache.history(AAPL, D1, TODAY);

        assertThat(d.latestCalls).hasSize(2);
        // the final days up to the 13th are kept; the 14th and 15th are asked each time, from the last final bar
        assertThat(d.historyCalls).containsExactly("AAPL 2024-01-01 2024-03-13", "AAPL 2024-03-13 2024-03-15", "AAPL 2024-03-13 2024-03-15");
    }

    @Test
    void aTtlOfForever_keepsWithoutOverflowing() {
        Scripted d = new Scripted();
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).latestTtl(ChronoUnit.FOREVER.getDuration()).build();

        cache.latest(List.of(AAPL));
        clock.set(NOW.plus(Duration.ofDays(365L * 1000)));
        assertThat(cache.latest(List.of(AAPL))).containsKey(AAPL);
        cache.history(AAPL, D1, TODAY);
        cache.history(AAPL, D1, TODAY);

        assertThat(d.latestCalls).hasSize(1);
        assertThat(d.historyCalls).hasSize(1);
    }

    @Test
    void aClockGoingBackwards_doesNotStretchWhatIsKeptBeyondItsTtl() {
        Scripted d = new Scripted();
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).build();
        cache.latest(List.of(AAPL));
        cache.history(AAPL, D1, TODAY);

        // the clock is set back an hour: what was kept is now an hour in the future, and would be
        // served for an hour and 5 seconds if age were measured as fetched + TTL > now
        clock.set(NOW.minus(Duration.ofHours(1)));
        cache.latest(List.of(AAPL));
        cache.history(AAPL, D1, TODAY);

        assertThat(d.latestCalls).hasSize(2);
        assertThat(d.historyCalls).hasSize(2);
    }

    @Test
    void aClockThatWasAWeekAhead_doesNotMakeTodayFinalForGood() {
        Scripted d = new Scripted();
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).build();
        clock.set(NOW.plus(Duration.ofDays(7)));
        cache.history(AAPL, D1, TODAY); // "final" by the wrong clock
        clock.set(NOW.plusSeconds(60)); // corrected: today is not final, and the entry is not 60 s old

        cache.history(AAPL, D1, TODAY);

        assertThat(d.historyCalls).hasSize(2);
    }

    @Test
    void exactlyAtTheTtl_aLatestQuoteIsStale() {
        Scripted d = new Scripted();
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).latestTtl(Duration.ofSeconds(5)).build();
        cache.latest(List.of(AAPL));
        clock.set(NOW.plusMillis(4999));
        cache.latest(List.of(AAPL));
        assertThat(d.latestCalls).hasSize(1);
        clock.set(NOW.plusSeconds(5));
        cache.latest(List.of(AAPL));
        assertThat(d.latestCalls).hasSize(2);
    }

    // ---------------------------------------------------------------- failures

    @Test
    void aBatchThatFailsBecauseOfOneSymbol_doesNotFailAnotherThreadWaitingForAGoodSymbol() throws Exception {
        Scripted d = new Scripted();
        CountDownLatch inBadBatch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        d.latest = symbols -> {
            if (symbols.contains(BAD)) {
                inBadBatch.countDown();
                await(release);
                throw new MalformedQuoteDataException("BAD answered twice");
            }
            return d.quotes(symbols);
        };
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).build();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Map<Symbol, Quote>> a = pool.submit(() -> cache.latest(List.of(BAD, AAPL)));
            assertThat(inBadBatch.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicReference<Thread> bThread = new AtomicReference<>();
            Future<Map<Symbol, Quote>> b = pool.submit(() -> {
                bThread.set(Thread.currentThread());
                return cache.latest(List.of(AAPL));
            });
            waitUntilParked(bThread);
            release.countDown();

            assertThatThrownBy(a::get).hasCauseInstanceOf(MalformedQuoteDataException.class);
            // AAPL alone is fine: the waiting thread asks for it itself rather than failing with BAD's error
            assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo(d.quotes(List.of(AAPL)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aThreadAskingForTheFailingSymbolItself_getsTheFailure() throws Exception {
        Scripted d = new Scripted();
        CountDownLatch inBadBatch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger badCalls = new AtomicInteger();
        d.latest = symbols -> {
            if (symbols.contains(BAD)) {
                badCalls.incrementAndGet();
                inBadBatch.countDown();
                await(release);
                throw new QuoteUnavailableException("down", false, null, null);
            }
            return d.quotes(symbols);
        };
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).build();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Map<Symbol, Quote>> a = pool.submit(() -> cache.latest(List.of(BAD)));
            assertThat(inBadBatch.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicReference<Thread> bThread = new AtomicReference<>();
            Future<Map<Symbol, Quote>> b = pool.submit(() -> {
                bThread.set(Thread.currentThread());
                return cache.latest(List.of(BAD, AAPL));
            });
            waitUntilParked(bThread);
            release.countDown();

            assertThatThrownBy(a::get).hasCauseInstanceOf(QuoteUnavailableException.class);
            assertThatThrownBy(b::get).hasCauseInstanceOf(QuoteUnavailableException.class);
            assertThat(badCalls).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneSymbolsFailingHistory_neverReachesAnotherSymbol() throws Exception {
        Scripted d = new Scripted();
        d.history = (s, r) -> {
            if (s.equals(BAD)) {
                throw new QuoteUnavailableException("BAD down", false, null, null);
            }
            return d.truth(s, r[0], r[1]);
        };
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).build();
        List<Future<?>> done = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < 200; i++) {
                Symbol s = i % 2 == 0 ? BAD : AAPL;
                done.add(pool.submit(() -> cache.history(s, D1, TODAY)));
            }
            for (int i = 0; i < done.size(); i++) {
                if (i % 2 == 0) {
                    assertThatThrownBy(done.get(i)::get).hasCauseInstanceOf(QuoteUnavailableException.class);
                } else {
                    assertThat(done.get(i).get()).isEqualTo(d.truth(AAPL, D1, TODAY));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- invalidation

    @Test
    void invalidateAllDuringAFetch_theNextRequestAsksAgainAndGetsTheNewData() throws Exception {
        Scripted d = new Scripted();
        CountDownLatch inFetch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger version = new AtomicInteger(1);
        d.history = (s, r) -> {
            int v = version.get();
            if (v == 1) {
                inFetch.countDown();
                await(release);
            }
            return d.truth(s, r[0], r[1], v * 1000);
        };
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).build();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<PriceHistory> old = pool.submit(() -> cache.history(AAPL, D1, LocalDate.parse("2024-01-31")));
            assertThat(inFetch.await(10, TimeUnit.SECONDS)).isTrue();
            version.set(2);
            cache.invalidateAll();
            // a request after invalidateAll does not wait for the fetch under way
            PriceHistory fresh = pool.submit(() -> cache.history(AAPL, D1, LocalDate.parse("2024-01-31"))).get(10, TimeUnit.SECONDS);
            release.countDown();
            old.get(10, TimeUnit.SECONDS);

            assertThat(fresh).isEqualTo(d.truth(AAPL, D1, LocalDate.parse("2024-01-31"), 2000));
            // the old fetch ended after the new one: what it returned must not replace the new data
            assertThat(cache.history(AAPL, LocalDate.parse("2024-01-05"), LocalDate.parse("2024-01-06")))
                    .isEqualTo(d.truth(AAPL, LocalDate.parse("2024-01-05"), LocalDate.parse("2024-01-06"), 2000));
            assertThat(d.historyCalls).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- many threads

    @Test
    void aThousandThreadsOnOneSymbol_oneDelegateCallEach_noDeadlock() throws Exception {
        Scripted d = new Scripted();
        CountDownLatch go = new CountDownLatch(1);
        d.onCall = () -> sleep(50);
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).build();
        ExecutorService pool = Executors.newFixedThreadPool(1000);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int k = i;
                results.add(pool.submit(() -> {
                    go.await();
                    return switch (k % 3) {
                        case 0 -> cache.history(AAPL, D1, TODAY);
                        case 1 -> cache.asOf(AAPL, TODAY);
                        default -> cache.latest(List.of(AAPL));
                    };
                }));
            }
            go.countDown();
            for (int i = 0; i < results.size(); i++) {
                Object r = results.get(i).get(30, TimeUnit.SECONDS);
                switch (i % 3) {
                    case 0 -> assertThat(r).isEqualTo(d.truth(AAPL, D1, TODAY));
                    case 1 -> assertThat(r).isEqualTo(new Quote(AAPL, new Price(USD, d.close(AAPL, TODAY, 0)), TODAY));
                    default -> assertThat(r).isEqualTo(d.quotes(List.of(AAPL)));
                }
            }
            assertThat(d.latestCalls).hasSize(1);
            // history [D1, today] and asOf's [today - 14, today]: whichever comes first, the other is inside or is the union
            assertThat(d.historyCalls).hasSizeLessThanOrEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHundredThreadsAskingFromNineYearsAtOnce_askEachYearAtMostOnce_rightAnswers() throws Exception {
        Scripted d = new Scripted();
        d.onCall = () -> sleep(20);
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).build();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<PriceHistory>> results = new ArrayList<>();
            List<LocalDate> froms = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                // January 10 of 2016 .. 2024, to today
                LocalDate from = LocalDate.of(2016 + i % 9, 1, 10);
                froms.add(from);
                results.add(pool.submit(() -> {
                    go.await();
                    return cache.history(AAPL, from, TODAY);
                }));
            }
            go.countDown();
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(d.truth(AAPL, froms.get(i), TODAY));
            }
            // one request at a time: each asks from January 1 of a year earlier than all asked before, so no year twice
            List<Integer> years = d.historyCalls.stream().map(c -> LocalDate.parse(c.split(" ")[1])).peek(from ->
                    assertThat(from.getDayOfYear()).isEqualTo(1)).map(LocalDate::getYear).toList();
            assertThat(years).hasSizeBetween(1, 9).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.reverseOrder());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aThousandThreadsWithOverlappingBatches_atMostOneCallPerSymbol_rightAnswers_noDeadlock() throws Exception {
        List<Symbol> symbols = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            symbols.add(Symbol.of("S" + i));
        }
        Scripted d = new Scripted();
        d.onCall = () -> sleep(5);
        CachingQuoteSource cache = CachingQuoteSource.builder(d).clock(clock).build();
        ExecutorService pool = Executors.newFixedThreadPool(1000);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Map<Symbol, Quote>>> results = new ArrayList<>();
            List<List<Symbol>> asked = new ArrayList<>();
            Random random = new Random(42);
            for (int i = 0; i < 1000; i++) {
                List<Symbol> batch = new ArrayList<>();
                for (int j = 0; j < 10; j++) {
                    batch.add(symbols.get(random.nextInt(symbols.size())));
                }
                asked.add(batch);
                results.add(pool.submit(() -> {
                    go.await();
                    return cache.latest(batch);
                }));
            }
            go.countDown();
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(d.quotes(asked.get(i)));
            }
            Map<Symbol, Integer> perSymbol = new HashMap<>();
            d.latestCalls.forEach(call -> call.forEach(s -> perSymbol.merge(s, 1, Integer::sum)));
            assertThat(perSymbol.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static LocalDate[] range(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a thread is parked (waiting for another thread's fetch). */
    private static void waitUntilParked(AtomicReference<Thread> thread) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            Thread t = thread.get();
            if (t != null && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)) {
                return;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the thread never waited");
    }

    /**
     * A delegate with a bar every day of 2024 up to the clock's date for any symbol (close = 100 +
     * day of year + a version offset), whose answers the test can replace; records every call.
     */
    private final class Scripted implements QuoteSource {
        final List<List<Symbol>> latestCalls = new CopyOnWriteArrayList<>();
        final List<String> historyCalls = new CopyOnWriteArrayList<>();
        volatile Runnable onCall = () -> { };
        volatile Function<Collection<Symbol>, Map<Symbol, Quote>> latest = this::quotes;
        volatile BiFunction<Symbol, LocalDate[], PriceHistory> history = (s, r) -> truth(s, r[0], r[1]);
        private final Map<Symbol, Integer> ids = new ConcurrentHashMap<>();

        @Override
        public Map<Symbol, Quote> latest(Collection<Symbol> symbols) {
            latestCalls.add(List.copyOf(symbols));
            onCall.run();
            return latest.apply(symbols);
        }

        @Override
        public PriceHistory history(Symbol symbol, LocalDate from, LocalDate to) {
            historyCalls.add(symbol + " " + from + " " + to);
            onCall.run();
            return history.apply(symbol, new LocalDate[] {from, to});
        }

        Map<Symbol, Quote> quotes(Collection<Symbol> symbols) {
            Map<Symbol, Quote> m = new LinkedHashMap<>();
            for (Symbol s : symbols) {
                m.put(s, new Quote(s, new Price(USD, BigDecimal.valueOf(500 + id(s))), TODAY));
            }
            return m;
        }

        private int id(Symbol s) {
            return ids.computeIfAbsent(s, k -> Math.abs(k.value().hashCode() % 1000));
        }

        BigDecimal close(Symbol s, LocalDate date, int offset) {
            return BigDecimal.valueOf(100 + date.getDayOfYear() + offset + id(s));
        }

        PriceHistory truth(Symbol s, LocalDate from, LocalDate to) {
            return truth(s, from, to, 0);
        }

        PriceHistory truth(Symbol s, LocalDate from, LocalDate to, int offset) {
            List<Bar> bars = new ArrayList<>();
            for (LocalDate day = from.isBefore(D1) ? D1 : from; !day.isAfter(to) && !day.isAfter(TODAY); day = day.plusDays(1)) {
                bars.add(new Bar(day, null, null, null, close(s, day, offset), null, null));
            }
            return new PriceHistory(s, USD, bars, List.of(), List.of());
        }
    }

    /** A clock the test sets by hand. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
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
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
