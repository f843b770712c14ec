package dev.erasmo.quote.yahoo;

import static dev.erasmo.quote.yahoo.YahooStub.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.quote.Bar;
import dev.erasmo.quote.DividendEvent;
import dev.erasmo.quote.MalformedQuoteDataException;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.SplitEvent;
import dev.erasmo.quote.yahoo.YahooStub.Answer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * History from recorded Yahoo chart answers, replayed by a local server. Every expected value is
 * read off the fixture by hand (the float32 array value, then the split arithmetic) and written
 * here with its working.
 */
class YahooHistoryTest {

    private static final String CHART = "/v8/finance/chart/";
    private final YahooStub stub = new YahooStub();

    @AfterEach
    void stop() {
        stub.close();
    }

    private YahooQuoteSource source(String now) {
        return YahooQuoteSource.builder().baseUri(stub.uri()).clock(Clock.fixed(Instant.parse(now), ZoneOffset.UTC)).sleeper(d -> { }).build();
    }

    private static Bar bar(PriceHistory h, String date) {
        return h.bars().stream().filter(b -> b.date().equals(LocalDate.parse(date))).findFirst().orElseThrow();
    }

    @Test
    void nvdaPricesAreAsTradedUndoingSplitsInsideAndAfterTheWindow() {
        // the data request answers the recorded window; the split request (events=splits) the constructed split history
        stub.on(CHART + "NVDA", "events", "div,splits", Answer.ok(resource("chart-NVDA-2021-02-01_2022-01-31-1d-split-4for1.json")));
        stub.on(CHART + "NVDA", "events", "splits", Answer.ok(resource("constructed-chart-NVDA-splits-after-2022-01-31.json")));

        PriceHistory h = source("2025-02-22T12:00:00Z").history(Symbol.of("NVDA"), LocalDate.of(2021, 2, 1), LocalDate.of(2022, 1, 31));

        assertThat(h.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(h.bars()).hasSize(252);
        // 2021-07-19 close 18.77975082397461 is the float 18.77975; before both the 4:1 (2021-07-20) and the 10:1 (2024-06-10): x 40
        assertThat(bar(h, "2021-07-19").close()).isEqualByComparingTo("751.19");
        // volume 749060000 / 40
        assertThat(bar(h, "2021-07-19").volume()).isEqualTo(18_726_500L);
        // 2021-07-20 is the 4:1 split's own date: already post-split, only the 10:1 is undone: 18.612 x 10
        assertThat(bar(h, "2021-07-20").close()).isEqualByComparingTo("186.12");
        // 2022-01-28 close 22.84000015258789 = float 22.84, x 10
        assertThat(bar(h, "2022-01-28").close()).isEqualByComparingTo("228.4");
        // 2021-02-01 open 13.053250312805176 = float 13.05325, x 40
        assertThat(bar(h, "2021-02-01").open()).isEqualByComparingTo("522.13");
        // the adjusted close stays Yahoo's (split- and dividend-adjusted to the request): 13.2034912109375 = float 13.203491
        assertThat(bar(h, "2021-02-01").adjClose()).isEqualByComparingTo("13.203491");
        assertThat(h.splits()).containsExactly(new SplitEvent(LocalDate.of(2021, 7, 20), 4, 1));
        assertThat(h.live()).isNull();
        // period1 is a day before the first date (midnight UTC), period2 two days after the last
        assertThat(stub.requests(CHART + "NVDA").get(0).query())
                .containsEntry("period1", String.valueOf(LocalDate.of(2021, 1, 31).atStartOfDay(ZoneOffset.UTC).toEpochSecond()))
                .containsEntry("period2", String.valueOf(LocalDate.of(2022, 2, 2).atStartOfDay(ZoneOffset.UTC).toEpochSecond()))
                .containsEntry("interval", "1d");
    }

    @Test
    void aappleSplitDayAndDividendAreDatedInNewYorkWhateverTheHostZone() {
        TimeZone host = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
        try {
            stub.on(CHART + "AAPL", "events", "div,splits", Answer.ok(resource("chart-AAPL-2020-08-31_2020-11-07-1d-split-4for1-and-dividend.json")));
            stub.on(CHART + "AAPL", "events", "splits", Answer.ok(resource("constructed-chart-AAPL-splits-after-2020-11-06.json")));

            PriceHistory h = source("2025-02-20T12:00:00Z").history(Symbol.of("AAPL"), LocalDate.of(2020, 8, 31), LocalDate.of(2020, 11, 6));

            assertThat(h.bars()).hasSize(49);
            assertThat(h.bars().get(0).date()).isEqualTo(LocalDate.of(2020, 8, 31));
            // the split's own day is post-split: 129.0399932861328 = float 129.04, no later split
            assertThat(h.bars().get(0).close()).isEqualByComparingTo("129.04");
            assertThat(h.splits()).containsExactly(new SplitEvent(LocalDate.of(2020, 8, 31), 4, 1));
            // 1604673000 = 2020-11-06 09:30 New York (a UTC+13 host would say 2020-11-07)
            assertThat(h.dividends()).containsExactly(new DividendEvent(LocalDate.of(2020, 11, 6), new BigDecimal("0.205")));
        } finally {
            TimeZone.setDefault(host);
        }
    }

    @Test
    void asxBarsStampedAtTheSydneyOpenAreNotMovedToTheUtcDayBefore() {
        stub.on(CHART + "QAN.AX", Answer.ok(resource("constructed-chart-QAN.AX-2022-11-10_2022-11-11-asx-open-is-utc-day-before.json")));

        PriceHistory h = source("2022-11-11T12:00:00Z").history(Symbol.of("QAN.AX"), LocalDate.of(2022, 11, 10), LocalDate.of(2022, 11, 11));

        // 10:00 Sydney (UTC+11) is 23:00 UTC of the day before
        assertThat(h.bars()).extracting(Bar::date).containsExactly(LocalDate.of(2022, 11, 10), LocalDate.of(2022, 11, 11));
        assertThat(h.currency()).isEqualTo(Currency.getInstance("AUD"));
        assertThat(bar(h, "2022-11-10").close()).isEqualByComparingTo("5.85");
    }

    @Test
    void penceAreConvertedToPoundsByTheCurrencyField() {
        stub.on(CHART + "OCDO.L", Answer.ok(resource("chart-OCDO.L-2020-01-01_2020-01-03-1d-GBp.json")));

        PriceHistory h = source("2020-01-10T12:00:00Z").history(Symbol.of("OCDO.L"), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 3));

        assertThat(h.currency()).isEqualTo(Currency.getInstance("GBP"));
        // 1259.5 pence = 12.595 pounds; open 1279.5 pence
        assertThat(bar(h, "2020-01-02").close()).isEqualByComparingTo("12.595");
        assertThat(bar(h, "2020-01-02").open()).isEqualByComparingTo("12.795");
    }

    @Test
    void londonDividendsInPenceAndInPoundsBothBecomePounds() {
        stub.on(CHART + "VOD.L", Answer.ok(resource("constructed-chart-VOD.L-dividends-in-pence-and-in-pounds.json")));

        PriceHistory h = source("2024-01-10T12:00:00Z").history(Symbol.of("VOD.L"), LocalDate.of(2023, 6, 1), LocalDate.of(2023, 11, 24));

        // 4.5 against a 71.8p close is 6.3% read as pence: pence, 0.045 GBP;
        // 0.045 against a 70p close is 0.06% read as pence: it was pounds, 0.045 GBP
        assertThat(h.dividends()).containsExactly(new DividendEvent(LocalDate.of(2023, 6, 2), new BigDecimal("0.045")),
                new DividendEvent(LocalDate.of(2023, 11, 24), new BigDecimal("0.045")));
        assertThat(bar(h, "2023-06-01").close()).isEqualByComparingTo("0.718");
    }

    @Test
    void nullRowsAreSkippedAndTheSessionInProgressIsLiveNotAClose() {
        stub.on(CHART + "GS2C.DE", Answer.ok(resource("chart-GS2C.DE-5d-1d-null-rows-and-partial-last-bar.json")));

        // recorded 2025-10-01 14:32:56 Berlin, during the session
        PriceHistory h = source("2025-10-01T12:33:00Z").history(Symbol.of("GS2C.DE"), LocalDate.of(2025, 9, 25), LocalDate.of(2025, 10, 1));

        // Mon 09-29 and Tue 09-30 are null in every array: skipped, never zero
        assertThat(h.bars()).extracting(Bar::date).containsExactly(LocalDate.of(2025, 9, 25), LocalDate.of(2025, 9, 26));
        assertThat(bar(h, "2025-09-26").close()).isEqualByComparingTo("22.695");
        assertThat(h.live()).isNotNull();
        assertThat(h.live().date()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(h.live().close()).isEqualByComparingTo("23.065");
        // as of the live day the last close is Friday's
        assertThat(h.asOf(LocalDate.of(2025, 10, 1)).orElseThrow().date()).isEqualTo(LocalDate.of(2025, 9, 26));
    }

    @Test
    void theLastBarStampedAtTheLatestTradeTimeIsLiveAndDividendsAreRead() {
        stub.on(CHART + "AAPL", Answer.ok(resource("chart-AAPL-6mo-1d-dividends-last-bar-at-regularMarketTime.json")));

        PriceHistory h = source("2025-10-29T20:30:00Z").history(Symbol.of("AAPL"), LocalDate.of(2025, 4, 30), LocalDate.of(2025, 10, 29));

        assertThat(h.bars()).hasSize(126);
        assertThat(h.bars().get(h.bars().size() - 1).date()).isEqualTo(LocalDate.of(2025, 10, 28));
        assertThat(h.live().date()).isEqualTo(LocalDate.of(2025, 10, 29));
        assertThat(h.live().close()).isEqualByComparingTo("269.7");
        assertThat(h.dividends()).containsExactly(new DividendEvent(LocalDate.of(2025, 5, 12), new BigDecimal("0.26")),
                new DividendEvent(LocalDate.of(2025, 8, 11), new BigDecimal("0.26")));
        // now is within two days of the end: no split-history request is needed
        assertThat(stub.requests(CHART + "AAPL")).hasSize(1);
    }

    @Test
    void aWindowWithoutTradingHasNoBarsAndNoError() {
        stub.on(CHART + "AAPL", Answer.ok(resource("chart-AAPL-2025-02-01_2025-02-02-1m-weekend-no-data.json")));

        PriceHistory h = source("2025-02-03T12:00:00Z").history(Symbol.of("AAPL"), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 2));

        assertThat(h.bars()).isEmpty();
        assertThat(h.currency()).isEqualTo(Currency.getInstance("USD"));
    }

    @Test
    void aNullCurrencyIsRefusedNotGuessed() {
        stub.on(CHART + "LUCYW", Answer.ok(resource("chart-LUCYW-2024-01-01-1d-null-currency-no-timestamp.json")));

        assertThatThrownBy(() -> source("2025-06-15T12:00:00Z").history(Symbol.of("LUCYW"), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1)))
                .isInstanceOf(MalformedQuoteDataException.class).hasMessageContaining("LUCYW").hasMessageContaining("no currency");
    }

    @Test
    void eventsAreDatedByTheirOwnDateNotTheBarTheyAreFiledUnder() {
        stub.on(CHART + "VFINX", Answer.ok(resource("chart-VFINX-max-3mo-mutualfund-zero-volume-misaligned-events.json")));

        PriceHistory h = source("2025-10-15T12:00:00Z").history(Symbol.of("VFINX"), LocalDate.of(1980, 1, 1), LocalDate.of(1981, 12, 31));

        // key 473403600 (1985-01-01) holds {"amount":0.16,"date":330960600}: 330960600 is 1980-06-27 09:30 New York
        assertThat(h.dividends()).contains(new DividendEvent(LocalDate.of(1980, 6, 27), new BigDecimal("0.16")));
        assertThat(h.dividends()).allSatisfy(d -> assertThat(d.exDate().getYear()).isBetween(1980, 1981));
        // the quarterly bars start in 1985: none in this window
        assertThat(h.bars()).isEmpty();
    }

    @Test
    void zeroVolumeIsKeptAndAnAllNullLastRowIsSkipped() {
        stub.on(CHART + "VFINX", Answer.ok(resource("chart-VFINX-max-3mo-mutualfund-zero-volume-misaligned-events.json")));

        PriceHistory h = source("2025-10-15T12:00:00Z").history(Symbol.of("VFINX"), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 10, 15));

        // bars at local midnight: 2025-01-01, 04-01, 07-01; the 10-01 row is null everywhere
        assertThat(h.bars()).extracting(Bar::date).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1));
        assertThat(bar(h, "2025-07-01").close()).isEqualByComparingTo("617.39");
        assertThat(bar(h, "2025-07-01").volume()).isZero();
        assertThat(h.live()).isNull();
    }

    @Test
    void fxBarsAtTheRequestEndAreClippedAndTheHolidayBarKept() {
        stub.on(CHART + "EURUSD=X", Answer.ok(resource("chart-EURUSD=X-2020-01-01_2020-01-03-1d-fx.json")));

        PriceHistory h = source("2020-02-01T12:00:00Z").history(Symbol.of("EURUSD=X"), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2));

        assertThat(h.currency()).isEqualTo(Currency.getInstance("USD"));
        // the 2020-01-03 bar (at period2) is after the window
        assertThat(h.bars()).extracting(Bar::date).containsExactly(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2));
        // 1.1220825910568237 is the float 1.1220826
        assertThat(bar(h, "2020-01-02").close()).isEqualByComparingTo("1.1220826");
        // the symbol is percent-encoded in the path
        assertThat(stub.requests()).anySatisfy(r -> assertThat(r.path()).isEqualTo(CHART + "EURUSD=X"));
    }

    @Test
    void duplicateDaysKeepTheLaterRowAndBarsAfterTheEndAreDropped() {
        // constructed: 2024-03-01 twice (09:30 and a later snapshot at 16:00), and 2024-03-04 after the window
        String body = """
                {"chart":{"result":[{"meta":{"currency":"USD","symbol":"DUP","exchangeTimezoneName":"America/New_York",
                "regularMarketTime":1709586000,"regularMarketPrice":12.0},
                "timestamp":[1709217000,1709303400,1709326800,1709562600],
                "indicators":{"quote":[{"open":[10.0,11.0,11.0,12.0],"high":[10.5,11.5,11.6,12.5],"low":[9.5,10.5,10.5,11.5],
                "close":[10.25,11.25,11.5,12.0],"volume":[100,200,250,300]}]}}],"error":null}}""";
        stub.on(CHART + "DUP", Answer.ok(body));

        PriceHistory h = source("2024-03-20T12:00:00Z").history(Symbol.of("DUP"), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1));

        assertThat(h.bars()).extracting(Bar::date).containsExactly(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1));
        assertThat(bar(h, "2024-03-01").close()).isEqualByComparingTo("11.5");
        assertThat(bar(h, "2024-03-01").volume()).isEqualTo(250L);
    }

    @Test
    void shareClassesAreAskedWithADashAndReportedAsTheUserWroteThem() {
        String body = """
                {"chart":{"result":[{"meta":{"currency":"USD","symbol":"BRK-B","exchangeTimezoneName":"America/New_York",
                "regularMarketTime":1709586000,"regularMarketPrice":410.0},
                "timestamp":[1709217000],"indicators":{"quote":[{"close":[408.1000061035156]}]}}],"error":null}}""";
        stub.on(CHART + "BRK-B", Answer.ok(body));

        PriceHistory h = source("2024-03-20T12:00:00Z").history(Symbol.of("brk.b"), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29));

        assertThat(h.symbol()).isEqualTo(Symbol.of("BRK.B"));
        assertThat(h.bars().get(0).close()).isEqualByComparingTo("408.1");
        assertThat(h.bars().get(0).open()).isNull();
    }

    @Test
    void nzxBarsAtTheAucklandOpenAreDatedInAucklandNotOnTheUtcDayBefore() {
        // constructed: three bars of an NZX stock stamped at the 10:00 Auckland open, across the end of
        // New Zealand's daylight saving (Sunday 2024-04-07 03:00 NZDT, UTC+13, became 02:00 NZST, UTC+12)
        // 1712178000 = 2024-04-03T21:00:00Z = Thu 2024-04-04 10:00 NZDT: the UTC date is the day before,
        //   and 21:00 is before the 22:00 that Chart.dateOf's on-the-hour rule moves to the next day
        // 1712264400 = 2024-04-04T21:00:00Z = Fri 2024-04-05 10:00 NZDT: likewise
        // 1712527200 = 2024-04-07T22:00:00Z = Mon 2024-04-08 10:00 NZST: on the hour at 22:00 UTC, so the rule alone would date it right
        String body = """
                {"chart":{"result":[{"meta":{"currency":"NZD","symbol":"AIR.NZ","exchangeTimezoneName":"Pacific/Auckland",
                "gmtoffset":43200,"regularMarketTime":1712551500,"regularMarketPrice":0.6},
                "timestamp":[1712178000,1712264400,1712527200],
                "indicators":{"quote":[{"close":[0.595,0.6,0.605]}]}}],"error":null}}""";
        stub.on(CHART + "AIR.NZ", Answer.ok(body));

        // now: 2024-04-08 18:00 NZST, after the close (regularMarketTime 1712551500 is 16:45 NZST), so no bar is live
        PriceHistory h = source("2024-04-08T06:00:00Z").history(Symbol.of("AIR.NZ"), LocalDate.of(2024, 4, 4), LocalDate.of(2024, 4, 8));

        assertThat(h.bars()).extracting(Bar::date).containsExactly(LocalDate.of(2024, 4, 4), LocalDate.of(2024, 4, 5), LocalDate.of(2024, 4, 8));
        assertThat(bar(h, "2024-04-04").close()).isEqualByComparingTo("0.595");
        assertThat(h.live()).isNull();
    }

    @Test
    void barsAreDatedByTheOffsetAtTheBarNotByGmtoffsetAtTheRequest() {
        // constructed: bars stamped at 23:30 New York (invented times, chosen so that a mistake shows): the
        // date in UTC, and the date at meta.gmtoffset (-14400, EDT, the offset when the request was made in
        // July), are the next day, and 00:30 or 04:30 is not on the hour at 22:00 or later, so
        // Chart.dateOf's rule for Yahoo's midnight stamps does not hide the mistake.
        // US daylight saving began Sunday 2024-03-10 02:00 EST (UTC-5), then EDT (UTC-4).
        // 1709872200 = 2024-03-08T04:30:00Z = Thu 2024-03-07 23:30 EST (at -4: 2024-03-08 00:30)
        // 1709958600 = 2024-03-09T04:30:00Z = Fri 2024-03-08 23:30 EST (at -4: 2024-03-09 00:30)
        // 1710214200 = 2024-03-12T03:30:00Z = Mon 2024-03-11 23:30 EDT (at -4: the same)
        String body = """
                {"chart":{"result":[{"meta":{"currency":"USD","symbol":"LATE","exchangeTimezoneName":"America/New_York",
                "gmtoffset":-14400,"regularMarketTime":1719835200,"regularMarketPrice":13.0},
                "timestamp":[1709872200,1709958600,1710214200],
                "indicators":{"quote":[{"close":[10.5,11.5,12.5]}]}}],"error":null}}""";
        stub.on(CHART + "LATE", Answer.ok(body));

        PriceHistory h = source("2024-07-01T12:00:00Z").history(Symbol.of("LATE"), LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 12));

        assertThat(h.bars()).extracting(Bar::date).containsExactly(LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 11));
        assertThat(bar(h, "2024-03-07").close()).isEqualByComparingTo("10.5");
        assertThat(bar(h, "2024-03-11").close()).isEqualByComparingTo("12.5");
    }

    @Test
    void dividendsBeforeLaterSplitsAreAsPaidUndoingEverySplitAfterTheirDate() {
        // constructed: NVDA's dividends of 2021-06-09 (0.16 as paid) and 2021-08-31 (0.04 as paid), in the
        // form Yahoo gives them today, divided by every split since: 0.16 / 4 / 10 = 0.004 and 0.04 / 10 = 0.004.
        // The 4:1 split of 2021-07-20 is in the window; the 10:1 of 2024-06-10 comes from the split-history
        // request (the constructed NVDA split history: only its events are read). Bar prices invented.
        // 1623159000 = 2021-06-08 09:30 New York, 1623245400 = 2021-06-09 09:30, 1626787800 = 2021-07-20 09:30,
        // 1630416600 = 2021-08-31 09:30
        String body = """
                {"chart":{"result":[{"meta":{"currency":"USD","symbol":"NVDA","exchangeTimezoneName":"America/New_York",
                "regularMarketTime":1740171600,"regularMarketPrice":134.43},
                "timestamp":[1623159000,1623245400,1626787800,1630416600],
                "indicators":{"quote":[{"close":[17.5,17.75,18.612,22.3]}]},
                "events":{"dividends":{"1623245400":{"amount":0.004,"date":1623245400},"1630416600":{"amount":0.004,"date":1630416600}},
                "splits":{"1626787800":{"date":1626787800,"numerator":4,"denominator":1,"splitRatio":"4:1"}}}}],"error":null}}""";
        stub.on(CHART + "NVDA", "events", "div,splits", Answer.ok(body));
        stub.on(CHART + "NVDA", "events", "splits", Answer.ok(resource("constructed-chart-NVDA-splits-after-2022-01-31.json")));

        PriceHistory h = source("2025-02-22T12:00:00Z").history(Symbol.of("NVDA"), LocalDate.of(2021, 6, 8), LocalDate.of(2021, 9, 1));

        // 2021-06-09: before the 4:1 and the 10:1, 0.004 x 40 = 0.16; 2021-08-31: before the 10:1 only, 0.004 x 10 = 0.04
        assertThat(h.dividends()).containsExactly(new DividendEvent(LocalDate.of(2021, 6, 9), new BigDecimal("0.16")),
                new DividendEvent(LocalDate.of(2021, 8, 31), new BigDecimal("0.04")));
        // the bars on those days alike: 17.75 x 40 = 710, 22.3 x 10 = 223
        assertThat(bar(h, "2021-06-09").close()).isEqualByComparingTo("710");
        assertThat(bar(h, "2021-08-31").close()).isEqualByComparingTo("223");
        assertThat(stub.requests(CHART + "NVDA")).hasSize(2);
    }

    @Test
    void aLondonSymbolQuotedInPoundsIsNotDividedBy100() {
        // constructed: VUSA.L (Vanguard's S&P 500 ETF on the LSE) is quoted in GBP, not GBp; price invented.
        // 1709280000 = 2024-03-01 08:00 London (GMT), the open
        String body = """
                {"chart":{"result":[{"meta":{"currency":"GBP","symbol":"VUSA.L","exchangeTimezoneName":"Europe/London",
                "regularMarketTime":1709830800,"regularMarketPrice":80.5},
                "timestamp":[1709280000],"indicators":{"quote":[{"close":[79.875]}]},
                "events":{"dividends":{"1709280000":{"amount":0.25,"date":1709280000}}}}],"error":null}}""";
        stub.on(CHART + "VUSA.L", Answer.ok(body));

        PriceHistory h = source("2024-03-20T12:00:00Z").history(Symbol.of("VUSA.L"), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1));

        // 79.875 and 0.25 are pounds already: as they stand, whatever the .L suffix says
        assertThat(h.currency()).isEqualTo(Currency.getInstance("GBP"));
        assertThat(bar(h, "2024-03-01").close()).isEqualByComparingTo("79.875");
        assertThat(h.dividends()).containsExactly(new DividendEvent(LocalDate.of(2024, 3, 1), new BigDecimal("0.25")));
    }
}
