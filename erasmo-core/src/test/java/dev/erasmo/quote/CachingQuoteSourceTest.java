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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
        List<Symbol> symbols = fiftySymbols();
        CountingSource counting = new CountingSource(fiftySymbols(LocalDate.parse("2013-01-01"), LocalDate.parse("2013-12-31"), 1));
        CachingQuoteSource cache = source(counting);

        // portfolio p looks at [2013-01-02 + (p % 60) days, 2013-12-31 - (p % 45) days]: all windows
        // overlap and portfolio 0's, the first asked, is the widest; it is asked from 2013-01-01,
        // January 1 of its first date's year
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
            assertThat(r.from()).isEqualTo(LocalDate.parse("2013-01-01"));
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
    void history_thousandPortfoliosWhoseFirstDatesMoveEarlierThroughAYear_asksOncePerSymbol() {
        // 50 symbols with a bar every day from 2023-01-01 to yesterday, 2024-03-14; symbol i closes at 1000 * (i + 1) + day of year
        List<Symbol> symbols = fiftySymbols();
        CountingSource counting = new CountingSource(fiftySymbols(LocalDate.parse("2023-01-01"), YESTERDAY, 1));
        CachingQuoteSource cache = source(counting);

        // portfolio p asks each symbol from its first buy to today, as Erasmo.bookCorporateActions does; the
        // first buys move earlier through 2023, from 2023-12-31 (portfolio 0) to 2023-01-01 (portfolio 999,
        // 364 days before): each window is wider than all before it
        PriceHistory last = null;
        for (int p = 0; p < 1000; p++) {
            LocalDate from = LocalDate.parse("2023-12-31").minusDays(p * 364L / 999);
            for (Symbol s : symbols) {
                last = cache.history(s, from, TODAY);
            }
        }

        // portfolio 0's request is asked from January 1 of 2023: every later window is inside it (and fresh, the clock stands still)
        assertThat(counting.historyCalls).hasSize(50).allSatisfy(r -> {
            assertThat(r.from()).isEqualTo(LocalDate.parse("2023-01-01"));
            assertThat(r.to()).isEqualTo(TODAY);
        });
        assertThat(counting.historyCalls).extracting(Range::symbol).containsExactlyInAnyOrderElementsOf(symbols);
        // portfolio 999, S49: 2023-01-01 .. 2024-03-14 is 365 + 31 + 29 + 14 = 439 bars, closing at 50000 + 1 and 50000 + 74
        assertThat(last.bars()).hasSize(439);
        assertThat(last.bars().get(0).close()).isEqualByComparingTo("50001");
        assertThat(last.bars().get(438).close()).isEqualByComparingTo("50074");
    }

    @Test
    void history_thousandPortfoliosWithFirstDatesInRandomOrderOverFiveYears_asksEachSymbolOncePerYearReachedEarlier() {
        // 50 symbols with a bar every Monday from 2019-01-07 to 2024-03-11; symbol i closes at 1000 * (i + 1) + day of year
        List<Symbol> symbols = fiftySymbols();
        InMemoryQuoteSource data = fiftySymbols(LocalDate.parse("2019-01-07"), YESTERDAY, 7);
        CountingSource counting = new CountingSource(data);
        CachingQuoteSource cache = source(counting);

        // portfolio p bought each symbol first on a random date of 2019 to 2023 (2019-01-01 plus 0 to 1,825
        // days, 2020 being a leap year) and asks it from then to today. A request goes to the source only
        // when it begins before all that is kept for the symbol, and is then asked from January 1 of its
        // year: so one request each time a symbol is asked from a year earlier than every year before
        Random random = new Random(7);
        Map<Symbol, Integer> earliestYear = new HashMap<>();
        int expected = 0;
        for (int p = 0; p < 1000; p++) {
            for (Symbol s : symbols) {
                LocalDate from = LocalDate.parse("2019-01-01").plusDays(random.nextInt(1826));
                Integer earliest = earliestYear.get(s);
                if (earliest == null || from.getYear() < earliest) {
                    expected++;
                    earliestYear.put(s, from.getYear());
                }
                PriceHistory h = cache.history(s, from, TODAY);
                if (p % 97 == 0) {
                    assertThat(h).isEqualTo(data.history(s, from, TODAY));
                }
            }
        }

        assertThat(counting.historyCalls).hasSize(expected);
        // at least the first request of each symbol, at most one per symbol and year
        assertThat(expected).isBetween(50, 250);
        assertThat(counting.historyCalls).allSatisfy(r -> assertThat(r.from().getDayOfYear()).isEqualTo(1));
    }

    @Test
    void history_beforeTheKeptRange_fetchesTheEarlierYearsOnlyUpToTheFirstKeptBar() {
        // AAPL with a bar every day from 2022-01-01 to yesterday, closing at 100 + day of year
        CountingSource counting = new CountingSource(InMemoryQuoteSource.builder()
                .history(daily(AAPL, 100, LocalDate.parse("2022-01-01"), YESTERDAY, false)).build());
        CachingQuoteSource cache = source(counting);

        cache.history(AAPL, LocalDate.parse("2024-02-10"), LocalDate.parse("2024-03-10"));
        cache.history(AAPL, LocalDate.parse("2023-06-15"), LocalDate.parse("2024-03-10"));
        PriceHistory h = cache.history(AAPL, LocalDate.parse("2022-03-01"), LocalDate.parse("2024-01-05"));

        // each earlier stretch from January 1 of its year up to the first bar kept, which both answers have
        assertThat(counting.historyCalls).containsExactly(
                new Range(AAPL, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-10")),
                new Range(AAPL, LocalDate.parse("2023-01-01"), LocalDate.parse("2024-01-01")),
                new Range(AAPL, LocalDate.parse("2022-01-01"), LocalDate.parse("2023-01-01")));
        // 2022-03-01 (day 60) .. 2024-01-05: 306 + 365 + 5 = 676 bars, closing at 100 + 60 and 100 + 5
        assertThat(h.bars()).hasSize(676);
        assertThat(h.bars().get(0).close()).isEqualByComparingTo("160");
        assertThat(h.bars().get(675).close()).isEqualByComparingTo("105");
        assertThat(h.bars()).extracting(Bar::date).doesNotHaveDuplicates();
    }

    @Test
    void history_aNewAnswerDisagreeingOnTheSharedBar_dropsWhatIsKeptAndAsksTheWholeRangeOnce() {
        // a source whose prices change between two requests (one that re-based them, or a CSV file replaced):
        // 100 + day of year in USD, then 200 + day of year in USD, then in EUR
        AtomicInteger base = new AtomicInteger(100);
        AtomicReference<Currency> currency = new AtomicReference<>(USD);
        List<Range> calls = new CopyOnWriteArrayList<>();
        CachingQuoteSource cache = source(historiesOnly((symbol, from, to) -> {
            calls.add(new Range(symbol, from, to));
            PriceHistory h = daily(symbol, base.get(), LocalDate.parse("2024-03-01"), YESTERDAY, false).between(from, to);
            return new PriceHistory(symbol, currency.get(), h.bars(), h.dividends(), h.splits());
        }));

        cache.history(AAPL, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-05"));
        base.set(200);
        PriceHistory rebased = cache.history(AAPL, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-08"));
        currency.set(Currency.getInstance("EUR"));
        PriceHistory inEuros = cache.history(AAPL, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-10"));

        // asked from the last kept bar, 03-05: it closes at 200 + 65 = 265, not the 165 kept, so all is asked again;
        // then from 03-08, the same close but in EUR: all again
        assertThat(calls).containsExactly(new Range(AAPL, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-05")),
                new Range(AAPL, LocalDate.parse("2024-03-05"), LocalDate.parse("2024-03-08")),
                new Range(AAPL, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-08")),
                new Range(AAPL, LocalDate.parse("2024-03-08"), LocalDate.parse("2024-03-10")),
                new Range(AAPL, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-10")));
        // 03-01 is day 61: 261 .. 268, never a mix of 16x and 26x
        assertThat(rebased.bars()).extracting(Bar::close).map(BigDecimal::intValueExact).containsExactly(261, 262, 263, 264, 265, 266, 267, 268);
        assertThat(inEuros.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(inEuros.bars()).hasSize(10);
    }

    @Test
    void history_theSessionInProgress_comesFromTheNewestAnswerWhenTheDaysNotFinalAreAskedAgain() {
        // AAPL closes every day up to yesterday (100 + day of year) and trades today at 999 (live, not a close)
        PriceHistory withLive = new PriceHistory(AAPL, USD, daily(AAPL, 100, LocalDate.parse("2024-03-01"), YESTERDAY, false).bars(),
                List.of(), List.of(), new Bar(TODAY, null, null, null, new BigDecimal("999"), null, null));
        CountingSource counting = new CountingSource(InMemoryQuoteSource.builder().history(withLive).build());
        CachingQuoteSource cache = source(counting);

        PriceHistory first = cache.history(AAPL, LocalDate.parse("2024-03-01"), TODAY);
        clock.advance(CachingQuoteSource.DEFAULT_LATEST_TTL); // the 14th and today are stale; asked again from the 13th
        PriceHistory again = cache.history(AAPL, LocalDate.parse("2024-03-01"), TODAY);

        assertThat(counting.historyCalls).containsExactly(new Range(AAPL, LocalDate.parse("2024-01-01"), TODAY),
                new Range(AAPL, LocalDate.parse("2024-03-13"), TODAY));
        assertThat(first).isEqualTo(withLive);
        assertThat(again).isEqualTo(withLive);
        assertThat(again.live().close()).isEqualByComparingTo("999");
    }

    @Test
    void history_aKeptSessionInProgressThatANewerAnswerHasBarsAfter_isDroppedNotAnError() {
        // first AAPL closes up to yesterday and trades today (live at 999); asked again at once for a day
        // later, the source has closed today at 175 and tomorrow at 176 (a source ahead of this clock)
        AtomicBoolean later = new AtomicBoolean();
        CachingQuoteSource cache = source(historiesOnly((symbol, from, to) -> {
            List<Bar> bars = new ArrayList<>(daily(symbol, 100, LocalDate.parse("2024-03-01"), YESTERDAY, false).bars());
            Bar live = new Bar(TODAY, null, null, null, new BigDecimal("999"), null, null);
            if (later.get()) {
                bars.add(new Bar(TODAY, null, null, null, new BigDecimal("175"), null, null));
                bars.add(new Bar(TODAY.plusDays(1), null, null, null, new BigDecimal("176"), null, null));
                live = null;
            }
            return new PriceHistory(symbol, USD, bars, List.of(), List.of(), live).between(from, to);
        }));
        cache.history(AAPL, LocalDate.parse("2024-03-01"), TODAY);
        later.set(true);

        PriceHistory h = cache.history(AAPL, LocalDate.parse("2024-03-10"), TODAY.plusDays(1));

        // today is kept (fresh) as a session in progress; the new answer adds only tomorrow's bar, after which
        // today's session cannot still be in progress: it is dropped, and today has no close until it is asked again
        assertThat(h.bars()).extracting(Bar::date).containsExactly(LocalDate.parse("2024-03-10"), LocalDate.parse("2024-03-11"),
                LocalDate.parse("2024-03-12"), LocalDate.parse("2024-03-13"), YESTERDAY, TODAY.plusDays(1));
        assertThat(h.live()).isNull();
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
    void history_afterTheKeptRange_fetchesOnlyTheDaysAfterItAndServesWhatItCovers() {
        CachingQuoteSource cache = source(delegate);
        cache.history(AAPL, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-05"));
        PriceHistory later = cache.history(AAPL, LocalDate.parse("2024-03-08"), LocalDate.parse("2024-03-10"));
        PriceHistory between = cache.history(AAPL, LocalDate.parse("2024-03-04"), LocalDate.parse("2024-03-09"));

        // the first from January 1 of 2024; then from the last kept bar (03-05, kept), the days after it
        assertThat(delegate.historyCalls).containsExactly(
                new Range(AAPL, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-05")),
                new Range(AAPL, LocalDate.parse("2024-03-05"), LocalDate.parse("2024-03-10")));
        // 2024-03-08 is day 68 of 2024: closes 168, 169, 170
        assertThat(later.bars()).extracting(Bar::close).map(BigDecimal::intValueExact).containsExactly(168, 169, 170);
        assertThat(between.bars()).extracting(Bar::date).containsExactly(LocalDate.parse("2024-03-04"), LocalDate.parse("2024-03-05"),
                LocalDate.parse("2024-03-06"), LocalDate.parse("2024-03-07"), LocalDate.parse("2024-03-08"), LocalDate.parse("2024-03-09"));
    }

    // ---- history: final dates and the TTL ----

    @Test
    void history_endingYesterdayOrToday_fetchesTheDaysNotFinalAgainOnceTheTtlHasPassed() {
        CachingQuoteSource cache = source(delegate);
        LocalDate from = LocalDate.parse("2024-03-01");
        LocalDate lastFinal = LocalDate.parse("2024-03-13"); // two days before today's UTC date 2024-03-15

        cache.history(AAPL, from, YESTERDAY);
        clock.advance(Duration.ofMillis(4_999));
        cache.history(AAPL, from, YESTERDAY);
        assertThat(delegate.historyCalls).containsExactly(new Range(AAPL, LocalDate.parse("2024-01-01"), YESTERDAY));

        clock.advance(Duration.ofMillis(1)); // 5 s after the fetch: the 14th is stale, the final days up to the 13th are not
        PriceHistory again = cache.history(AAPL, from, YESTERDAY);
        // asked from the last final bar kept (the 13th) to the 14th; 03-01 to 03-14 is 14 bars
        assertThat(delegate.historyCalls).containsExactly(new Range(AAPL, LocalDate.parse("2024-01-01"), YESTERDAY),
                new Range(AAPL, lastFinal, YESTERDAY));
        assertThat(again.bars()).hasSize(14);

        // today: the day after the kept ones, from the last kept bar (the 14th); then, once stale, from the 13th again
        cache.history(AAPL, from, TODAY);
        cache.history(AAPL, from, TODAY);
        clock.advance(CachingQuoteSource.DEFAULT_LATEST_TTL);
        cache.history(AAPL, from, TODAY);
        assertThat(delegate.historyCalls).containsExactly(new Range(AAPL, LocalDate.parse("2024-01-01"), YESTERDAY),
                new Range(AAPL, lastFinal, YESTERDAY), new Range(AAPL, YESTERDAY, TODAY), new Range(AAPL, lastFinal, TODAY));
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

        assertThat(delegate.historyCalls).containsExactly(new Range(AAPL, LocalDate.parse("2024-01-01"), dayBeforeYesterday));
        assertThat(h.bars()).hasSize(13);
    }

    @Test
    void history_fetchedBeforeItsLastDayWasFinal_fetchesThatDayAgainAfterTheTtl() {
        CachingQuoteSource cache = source(delegate);
        // fetched on 2024-03-15, when the 14th was not final: its bar may have been missing or provisional
        cache.history(AAPL, LocalDate.parse("2024-03-01"), YESTERDAY);
        clock.advance(Duration.ofDays(3)); // 2024-03-18: the 14th is final now, but the kept bar is from before
        cache.history(AAPL, LocalDate.parse("2024-03-10"), YESTERDAY);
        clock.advance(Duration.ofHours(1));
        PriceHistory h = cache.history(AAPL, LocalDate.parse("2024-03-10"), YESTERDAY); // the 14th fetched on the 18th: final, kept for good

        // the 14th is asked again from the last bar that was final (the 13th), and nothing before it
        assertThat(delegate.historyCalls).containsExactly(
                new Range(AAPL, LocalDate.parse("2024-01-01"), YESTERDAY),
                new Range(AAPL, LocalDate.parse("2024-03-13"), YESTERDAY));
        // 03-10 .. 03-14, closing at 100 + day of year: 170 .. 174
        assertThat(h.bars()).extracting(Bar::close).map(BigDecimal::intValueExact).containsExactly(170, 171, 172, 173, 174);
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

        assertThat(delegate.historyCalls).containsExactly(new Range(AAPL, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-10")));
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

    /** S00 to S49. */
    private static List<Symbol> fiftySymbols() {
        List<Symbol> symbols = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            symbols.add(Symbol.of(String.format("S%02d", i)));
        }
        return symbols;
    }

    /** S00 to S49 with a bar every {@code step} days from {@code first} to {@code last}, symbol i closing at 1000 * (i + 1) plus the day of the year. */
    private static InMemoryQuoteSource fiftySymbols(LocalDate first, LocalDate last, int step) {
        InMemoryQuoteSource.Builder b = InMemoryQuoteSource.builder();
        List<Symbol> symbols = fiftySymbols();
        for (int i = 0; i < symbols.size(); i++) {
            List<Bar> bars = new ArrayList<>();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(step)) {
                bars.add(new Bar(d, null, null, null, BigDecimal.valueOf(1000L * (i + 1) + d.getDayOfYear()), null, null));
            }
            b.history(new PriceHistory(symbols.get(i), USD, bars, List.of(), List.of()));
        }
        return b.build();
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

    /** How a test source answers a history request. */
    @FunctionalInterface
    private interface HistoryAnswer {
        PriceHistory history(Symbol symbol, LocalDate from, LocalDate to);
    }

    /** A source that answers history requests with {@code answer}, and no latest quotes. */
    private static QuoteSource historiesOnly(HistoryAnswer answer) {
        return new QuoteSource() {
            @Override
            public Map<Symbol, Quote> latest(Collection<Symbol> symbols) {
                return Map.of();
            }

            @Override
            public PriceHistory history(Symbol symbol, LocalDate from, LocalDate to) {
                return answer.history(symbol, from, to);
            }
        };
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
