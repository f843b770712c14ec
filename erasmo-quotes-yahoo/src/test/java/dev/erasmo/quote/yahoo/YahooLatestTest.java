package dev.erasmo.quote.yahoo;

import static dev.erasmo.quote.yahoo.YahooStub.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Price;
import dev.erasmo.quote.MarketState;
import dev.erasmo.quote.Quote;
import dev.erasmo.quote.QuoteNotFoundException;
import dev.erasmo.quote.QuoteUnavailableException;
import dev.erasmo.quote.yahoo.YahooStub.Answer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Latest quotes: the cookie and crumb handshake, batching, units, and the chart fallback, against recorded answers. */
class YahooLatestTest {

    private static final String QUOTE = "/v7/finance/quote";
    private static final String CRUMB = "/v1/test/getcrumb";
    private static final Currency USD = Currency.getInstance("USD");
    private final YahooStub stub = new YahooStub();

    @AfterEach
    void stop() {
        stub.close();
    }

    private YahooQuoteSource source() {
        return YahooQuoteSource.builder().baseUri(stub.uri()).clock(Clock.fixed(Instant.parse("2025-02-17T12:00:00Z"), ZoneOffset.UTC))
                .sleeper(d -> { }).build();
    }

    @Test
    void manySymbolsInOneRequestMatchedBySymbolWithTheCookieAndCrumb() {
        stub.handshake().on(QUOTE, Answer.ok(resource("quote-AAPL-BABA-multi-symbol.json")));

        Map<Symbol, Quote> q = source().latest(List.of(Symbol.of("BABA"), Symbol.of("AAPL")));

        Quote aapl = q.get(Symbol.of("AAPL"));
        assertThat(aapl.price()).isEqualTo(new Price(USD, new BigDecimal("244.6")));
        // regularMarketTime 1739566800 = 2025-02-14 16:00 New York
        assertThat(aapl.time()).isEqualTo(Instant.ofEpochSecond(1_739_566_800L));
        assertThat(aapl.date()).isEqualTo(LocalDate.of(2025, 2, 14));
        assertThat(aapl.marketState()).isEqualTo(MarketState.CLOSED);
        assertThat(aapl.bid().amount()).isEqualByComparingTo("244.44");
        assertThat(aapl.ask().amount()).isEqualByComparingTo("253.37");
        // the market is closed: the stale, wide spread is not used for fills
        assertThat(aapl.buyPrice()).isEqualTo(aapl.price());
        assertThat(q.get(Symbol.of("BABA")).price().amount()).isEqualByComparingTo("124.73");

        YahooStub.Request r = stub.requests(QUOTE).get(0);
        assertThat(r.query()).containsEntry("symbols", "BABA,AAPL").containsEntry("crumb", "haT3oykhHqZ");
        assertThat(r.header("Cookie")).contains("A3=d=AQABBtest&S=AQAAAtest");
        assertThat(r.header("User-Agent")).startsWith("Mozilla/5.0");
    }

    @Test
    void anOpenLondonQuoteIsInPoundsAndFillsAtTheBidAndAsk() {
        stub.handshake().on(QUOTE, Answer.ok(resource("quote-OCDO.L-GBp.json")));

        Quote q = source().latest(Symbol.of("OCDO.L"));

        // 308.8 pence, bid 308.5, ask 308.8, market REGULAR
        assertThat(q.price()).isEqualTo(new Price(Currency.getInstance("GBP"), new BigDecimal("3.088")));
        assertThat(q.marketState()).isEqualTo(MarketState.REGULAR);
        assertThat(q.sellPrice().amount()).isEqualByComparingTo("3.085");
        assertThat(q.buyPrice().amount()).isEqualByComparingTo("3.088");
    }

    @Test
    void aFundWithoutBidAndAskHasOnlyItsLastPrice() {
        stub.handshake().on(QUOTE, Answer.ok(resource("quote-0P000071W8.TO-mutualfund-no-volume-no-bid-ask.json")));

        Quote q = source().latest(Symbol.of("0P000071W8.TO"));

        assertThat(q.price()).isEqualTo(new Price(Currency.getInstance("CAD"), new BigDecimal("152.63")));
        assertThat(q.bid()).isNull();
        assertThat(q.ask()).isNull();
    }

    @Test
    void anUnknownSymbolIsAbsentAndAloneItIsNotFound() {
        stub.handshake().on(QUOTE, Answer.ok(resource("quote-GS2C-unknown-symbol-empty-result.json")));

        assertThat(source().latest(List.of(Symbol.of("GS2C")))).isEmpty();
        assertThatThrownBy(() -> source().latest(Symbol.of("GS2C"))).isInstanceOf(QuoteNotFoundException.class).hasMessageContaining("GS2C");
    }

    @Test
    void moreThan99SymbolsAreSplitIntoRequestsOfAtMost99() {
        stub.handshake().on(QUOTE, Answer.ok(resource("quote-GS2C-unknown-symbol-empty-result.json")));
        List<Symbol> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(Symbol.of("S" + i));
        }

        source().latest(many);

        assertThat(stub.requests(QUOTE)).extracting(r -> r.query().get("symbols").split(",").length).containsExactly(99, 51);
        // one handshake for both batches
        assertThat(stub.requests(CRUMB)).hasSize(1);
    }

    @Test
    void anInvalidCrumbIsRenewedOnceAndTheRequestRepeated() {
        stub.handshake();
        int[] calls = {0};
        stub.on(r -> r.path().equals(QUOTE), r -> ++calls[0] == 1
                ? Answer.of(401, resource("transcribed/quote-error-401-invalid-crumb.json"))
                : Answer.ok(resource("quote-AAPL-BABA-multi-symbol.json")));

        Quote q = source().latest(Symbol.of("AAPL"));

        assertThat(q.price().amount()).isEqualByComparingTo("244.6");
        assertThat(stub.requests(CRUMB)).hasSize(2);
        assertThat(stub.requests(QUOTE)).hasSize(2);
    }

    @Test
    void aQuoteEndpointThatKeepsRefusingFallsBackToTheChartsLatestPrice() {
        stub.handshake().on(QUOTE, Answer.of(401, resource("transcribed/quote-error-401-invalid-cookie.json")));
        stub.on("/v8/finance/chart/OCDO.L", Answer.ok(resource("chart-OCDO.L-2020-01-01_2020-01-03-1d-GBp.json")));

        Quote q = source().latest(Symbol.of("OCDO.L"));

        // meta.regularMarketPrice 305.3 pence at 1740051143
        assertThat(q.price()).isEqualTo(new Price(Currency.getInstance("GBP"), new BigDecimal("3.053")));
        assertThat(q.time()).isEqualTo(Instant.ofEpochSecond(1_740_051_143L));
        // exactly one re-handshake, then the chart
        assertThat(stub.requests(CRUMB)).hasSize(2);
        assertThat(stub.requests(QUOTE)).hasSize(2);
    }

    @Test
    void aCrumbThatIsAnHtmlPageIsNotUsedAndTheChartIsAskedInstead() {
        stub.on("/", Answer.of(404, "")).on(CRUMB, Answer.of(200, "<html><body>Will be right back</body></html>"));
        stub.on("/v8/finance/chart/AAPL", Answer.ok(resource("chart-AAPL-2020-08-31_2020-11-07-1d-split-4for1-and-dividend.json")));

        Quote q = source().latest(Symbol.of("AAPL"));

        assertThat(q.price().amount()).isEqualByComparingTo("244.87");
        assertThat(stub.requests(QUOTE)).isEmpty();
    }

    @Test
    void aCrumbThatSaysTooManyRequestsIsARateLimitNotACrumb() {
        stub.on("/", Answer.of(404, "")).on(CRUMB, Answer.of(200, resource("transcribed/error-429-too-many-requests.txt")));

        assertThatThrownBy(() -> source().latest(Symbol.of("AAPL"))).isInstanceOfSatisfying(QuoteUnavailableException.class,
                e -> assertThat(e.isRetryable()).isTrue()).hasMessageContaining("rate limiting");
        assertThat(stub.requests(QUOTE)).isEmpty();
    }

    @Test
    void concurrentCallersShareOneHandshake() throws Exception {
        stub.on("/", Answer.of(404, "").withHeader("Set-Cookie", "A3=x; Path=/").delayed(200));
        stub.on(CRUMB, Answer.of(200, "abcdefghijk"));
        stub.on(QUOTE, Answer.ok(resource("quote-AAPL-BABA-multi-symbol.json")));
        YahooQuoteSource source = source();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Quote>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return source.latest(Symbol.of("AAPL"));
            }));
        }
        start.countDown();
        for (Future<Quote> f : results) {
            assertThat(f.get(10, TimeUnit.SECONDS).price().amount()).isEqualByComparingTo("244.6");
        }
        pool.shutdown();

        assertThat(stub.requests(CRUMB)).hasSize(1);
        assertThat(stub.requests(QUOTE)).hasSize(8).allSatisfy(r -> assertThat(r.query()).containsEntry("crumb", "abcdefghijk"));
    }

    @Test
    void aForbiddenQuoteIsRenewedOnceAndTheRequestRepeated() {
        stub.handshake();
        int[] calls = {0};
        // constructed: a 403 in Yahoo's error envelope (no public capture of one exists)
        stub.on(r -> r.path().equals(QUOTE), r -> ++calls[0] == 1
                ? Answer.of(403, "{\"finance\":{\"result\":null,\"error\":{\"code\":\"Forbidden\",\"description\":\"Forbidden\"}}}")
                : Answer.ok(resource("quote-AAPL-BABA-multi-symbol.json")));

        Quote q = source().latest(Symbol.of("AAPL"));

        assertThat(q.price().amount()).isEqualByComparingTo("244.6");
        assertThat(stub.requests(CRUMB)).hasSize(2);
        assertThat(stub.requests(QUOTE)).hasSize(2);
        assertThat(stub.requests("/v8/finance/chart/AAPL")).isEmpty();
    }

    @Test
    void anIndexIsAskedPercentEncodedAndItsSpreadIsNotUsedWhileClosed() {
        stub.handshake().on(QUOTE, Answer.ok(resource("quote-GSPC-index.json")));

        Quote q = source().latest(Symbol.of("^GSPC"));

        assertThat(q.symbol()).isEqualTo(Symbol.of("^GSPC"));
        assertThat(q.price()).isEqualTo(new Price(USD, new BigDecimal("7743.41")));
        // regularMarketTime 1790368797 = 2026-09-25T20:39:57Z = 16:39:57 New York (EDT)
        assertThat(q.time()).isEqualTo(Instant.ofEpochSecond(1_790_368_797L));
        assertThat(q.date()).isEqualTo(LocalDate.of(2026, 9, 25));
        assertThat(q.marketState()).isEqualTo(MarketState.CLOSED);
        // bid 7709.94 and ask 7775.57 are kept, but a closed market fills at the last price
        assertThat(q.bid().amount()).isEqualByComparingTo("7709.94");
        assertThat(q.ask().amount()).isEqualByComparingTo("7775.57");
        assertThat(q.buyPrice()).isEqualTo(q.price());
        // '^' is %5E in the query as sent (the stub's decoded query would hide how it was written)
        assertThat(stub.requests(QUOTE).get(0).rawQuery()).startsWith("symbols=%5EGSPC&crumb=");
    }

    @Test
    void aQuoteIsDatedInTheExchangesZoneNotInUtc() {
        // constructed: an NZX quote during the morning session; 1712179800 = 2024-04-03T21:30:00Z = Thu 2024-04-04 10:30 NZDT
        stub.handshake().on(QUOTE, Answer.ok("{\"quoteResponse\":{\"result\":[{\"symbol\":\"AIR.NZ\",\"quoteType\":\"EQUITY\",\"currency\":\"NZD\","
                + "\"exchangeTimezoneName\":\"Pacific/Auckland\",\"gmtOffSetMilliseconds\":46800000,\"marketState\":\"REGULAR\","
                + "\"regularMarketTime\":1712179800,\"regularMarketPrice\":0.595}],\"error\":null}}"));

        Quote q = source().latest(Symbol.of("AIR.NZ"));

        assertThat(q.date()).isEqualTo(LocalDate.of(2024, 4, 4));
        assertThat(q.time()).isEqualTo(Instant.parse("2024-04-03T21:30:00Z"));
        assertThat(q.price()).isEqualTo(new Price(Currency.getInstance("NZD"), new BigDecimal("0.595")));
    }

    @Test
    void aBaseUriWithAPathKeepsItForTheHandshakeTheQuotesAndTheCharts() {
        stub.on("/yahoo/", new Answer(404, Map.of("Set-Cookie", "A3=d=AQABBtest; Path=/"), "", 0));
        stub.on("/yahoo/v1/test/getcrumb", Answer.of(200, resource("getcrumb-response.txt")));
        stub.on("/yahoo/v7/finance/quote", Answer.ok(resource("quote-AAPL-BABA-multi-symbol.json")));
        stub.on("/yahoo/v8/finance/chart/AAPL", Answer.ok(resource("chart-AAPL-6mo-1d-dividends-last-bar-at-regularMarketTime.json")));

        for (String base : List.of("/yahoo", "/yahoo/")) {
            // the AAPL chart was recorded on 2025-10-29 after the close: one request, no split history needed
            YahooQuoteSource source = YahooQuoteSource.builder().baseUri(URI.create(stub.uri() + base))
                    .clock(Clock.fixed(Instant.parse("2025-10-29T20:30:00Z"), ZoneOffset.UTC)).sleeper(d -> { }).build();

            assertThat(source.latest(Symbol.of("AAPL")).price().amount()).as(base).isEqualByComparingTo("244.6");
            assertThat(source.history(Symbol.of("AAPL"), LocalDate.of(2025, 4, 30), LocalDate.of(2025, 10, 29)).bars()).as(base).hasSize(126);
        }
        assertThat(stub.requests()).extracting(YahooStub.Request::path).containsExactly(
                "/yahoo/", "/yahoo/v1/test/getcrumb", "/yahoo/v7/finance/quote", "/yahoo/v8/finance/chart/AAPL",
                "/yahoo/", "/yahoo/v1/test/getcrumb", "/yahoo/v7/finance/quote", "/yahoo/v8/finance/chart/AAPL");
    }
}
