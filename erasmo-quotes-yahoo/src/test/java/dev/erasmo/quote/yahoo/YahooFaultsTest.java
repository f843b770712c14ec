package dev.erasmo.quote.yahoo;

import static dev.erasmo.quote.yahoo.YahooStub.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.quote.MalformedQuoteDataException;
import dev.erasmo.quote.QuoteNotFoundException;
import dev.erasmo.quote.QuoteUnavailableException;
import dev.erasmo.quote.yahoo.YahooStub.Answer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Everything Yahoo does wrong, simulated on a loopback server: each fault gets a specific exception, bounded retries, or both. */
class YahooFaultsTest {

    private static final String AAPL = "/v8/finance/chart/AAPL";
    private static final LocalDate FROM = LocalDate.of(2025, 4, 30);
    private static final LocalDate TO = LocalDate.of(2025, 10, 29);
    private final YahooStub stub = new YahooStub();
    private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        stub.close();
    }

    private YahooQuoteSource.Builder builder() {
        return YahooQuoteSource.builder().baseUri(stub.uri()).clock(Clock.fixed(Instant.parse("2025-10-29T20:30:00Z"), ZoneOffset.UTC))
                .sleeper(slept::add);
    }

    private YahooQuoteSource source() {
        return builder().build();
    }

    private static String recordedAapl() {
        return resource("chart-AAPL-6mo-1d-dividends-last-bar-at-regularMarketTime.json");
    }

    @Test
    void anUnknownSymbolIsNotFoundNamingItAndIsNeverRetried() {
        stub.on("/v8/finance/chart/RFP", Answer.of(404, resource("transcribed/chart-error-404-not-found.json")));

        assertThatThrownBy(() -> source().history(Symbol.of("RFP"), FROM, TO)).isInstanceOf(QuoteNotFoundException.class)
                .hasMessageContaining("RFP").hasMessageContaining("No data found, symbol may be delisted");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void rateLimitsInPlainTextAreRetriedWithGrowingBackoffThenSucceed() {
        AtomicInteger calls = new AtomicInteger();
        stub.on(r -> r.path().equals(AAPL), r -> switch (calls.incrementAndGet()) {
            case 1 -> Answer.of(429, resource("transcribed/error-429-too-many-requests.txt"));
            case 2 -> Answer.of(429, resource("transcribed/error-429-edge-too-many-requests.txt"));
            default -> Answer.ok(recordedAapl());
        });

        assertThat(source().history(Symbol.of("AAPL"), FROM, TO).bars()).hasSize(126);
        assertThat(calls.get()).isEqualTo(3);
        // 1 s then 2 s, each with jitter of +-25%
        assertThat(slept).hasSize(2);
        assertThat(slept.get(0).toMillis()).isBetween(750L, 1250L);
        assertThat(slept.get(1).toMillis()).isBetween(1500L, 2500L);
    }

    @Test
    void retryAfterIsHonoured() {
        AtomicInteger calls = new AtomicInteger();
        stub.on(r -> r.path().equals(AAPL), r -> calls.incrementAndGet() == 1
                ? Answer.of(429, "{\"finance\":{\"error\":null}}").withHeader("Retry-After", "7")
                : Answer.ok(recordedAapl()));

        source().history(Symbol.of("AAPL"), FROM, TO);

        assertThat(slept).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRateLimitThatDoesNotEndIsUnavailableAndRetryableAfterTheLastAttempt() {
        stub.on(AAPL, Answer.of(429, "Too Many Requests\r\n").withHeader("Retry-After", "3"));

        assertThatThrownBy(() -> builder().maxAttempts(4).build().history(Symbol.of("AAPL"), FROM, TO))
                .isInstanceOfSatisfying(QuoteUnavailableException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                }).hasMessageContaining("HTTP 429").hasMessageContaining("4 attempts").hasMessageContaining("Too Many Requests");
        assertThat(stub.requests(AAPL)).hasSize(4);
    }

    @Test
    void aRetryAfterLongerThanTheLongestBackoffFailsAtOnce() {
        stub.on(AAPL, Answer.of(429, "Too Many Requests").withHeader("Retry-After", "3600"));

        assertThatThrownBy(() -> source().history(Symbol.of("AAPL"), FROM, TO))
                .isInstanceOfSatisfying(QuoteUnavailableException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
        assertThat(stub.requests(AAPL)).hasSize(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void serverErrorsAreRetriedThenUnavailable() {
        stub.on(AAPL, Answer.of(503, "<html><body>Service Unavailable</body></html>"));

        assertThatThrownBy(() -> source().history(Symbol.of("AAPL"), FROM, TO))
                .isInstanceOfSatisfying(QuoteUnavailableException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("HTTP 503").hasMessageContaining("Service Unavailable");
        assertThat(stub.requests(AAPL)).hasSize(YahooQuoteSource.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetriedThenUnavailable() {
        stub.on(AAPL, Answer.ok(recordedAapl()).delayed(1_500));

        long start = System.nanoTime();
        assertThatThrownBy(() -> builder().requestTimeout(Duration.ofMillis(150)).maxAttempts(2).build().history(Symbol.of("AAPL"), FROM, TO))
                .isInstanceOfSatisfying(QuoteUnavailableException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("did not answer").hasMessageContaining("2 attempts");
        // two time-outs of 0.15 s, not two full answers of 1.5 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_400));
        // one attempt only: said in the singular
        assertThatThrownBy(() -> builder().requestTimeout(Duration.ofMillis(150)).maxAttempts(1).build().history(Symbol.of("AAPL"), FROM, TO))
                .hasMessageContaining("did not answer").hasMessageEndingWith("after 1 attempt");
    }

    @Test
    void aServerThatCannotBeReachedFailsAtOnceSayingSo() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        YahooQuoteSource source = YahooQuoteSource.builder().baseUri(URI.create("http://127.0.0.1:" + port)).sleeper(slept::add).build();

        assertThatThrownBy(() -> source.history(Symbol.of("AAPL"), FROM, TO))
                .isInstanceOfSatisfying(QuoteUnavailableException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessage("cannot reach Yahoo Finance at http://127.0.0.1:" + port + " for history of AAPL from 2025-04-30 to 2025-10-29:"
                        + " the connection was refused");
        assertThat(slept).isEmpty();
    }

    @Test
    void aServerThatNeverAcceptsFailsAtTheConnectTimeoutSayingSoWithoutRetrying() {
        try (UnacceptingServer server = new UnacceptingServer()) {
            // the request time-out is far longer than the connect time-out: only the connect time-out can end this promptly
            YahooQuoteSource source = YahooQuoteSource.builder().baseUri(server.uri()).connectTimeout(Duration.ofMillis(500))
                    .requestTimeout(Duration.ofSeconds(30)).sleeper(slept::add).build();

            long start = System.nanoTime();
            assertThatThrownBy(() -> source.history(Symbol.of("AAPL"), FROM, TO))
                    .isInstanceOfSatisfying(QuoteUnavailableException.class, e -> {
                        assertThat(e.isRetryable()).isTrue();
                        assertThat(e.retryAfter()).isEmpty();
                        assertThat(e.getCause()).isInstanceOf(HttpConnectTimeoutException.class);
                    })
                    .hasMessage("cannot reach Yahoo Finance at " + server.uri() + " for history of AAPL from 2025-04-30 to 2025-10-29:"
                            + " no connection within the connect timeout (offline, or blocked?)");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // one attempt: no wait for a second one; and about the 0.5 s connect time-out, far below the 30 s request time-out
            assertThat(slept).isEmpty();
            assertThat(took).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aTruncatedBodyIsMalformedWithTheStatusAndItsStart() {
        String body = recordedAapl();
        stub.on(AAPL, Answer.ok(body.substring(0, body.length() / 2)));

        assertThatThrownBy(() -> source().history(Symbol.of("AAPL"), FROM, TO)).isInstanceOf(MalformedQuoteDataException.class)
                .hasMessageContaining("not JSON").hasMessageContaining("HTTP 200").hasMessageContaining("{\"chart\":{\"result\":[{\"meta\"")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(600));
    }

    @Test
    void anHtmlPageIsAnOutageNotAParseError() {
        stub.on(AAPL, Answer.of(200, "<!DOCTYPE html><html><head><title>Yahoo</title></head><body>Will be right back...</body></html>"));

        assertThatThrownBy(() -> source().history(Symbol.of("AAPL"), FROM, TO))
                .isInstanceOfSatisfying(QuoteUnavailableException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("web page").hasMessageContaining("Will be right back");
    }

    @Test
    void aNullChartIsMalformed() {
        stub.on(AAPL, Answer.ok("{\"chart\":null}"));

        assertThatThrownBy(() -> source().history(Symbol.of("AAPL"), FROM, TO)).isInstanceOf(MalformedQuoteDataException.class)
                .hasMessageContaining("AAPL");
    }

    @Test
    void aBadRequestIsRefusedWithYahoosDescriptionAndNotRetried() {
        stub.on(AAPL, Answer.of(400, "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Bad Request\",\"description\":\"Invalid input - interval=5h is not supported\"}}}"));

        assertThatThrownBy(() -> source().history(Symbol.of("AAPL"), FROM, TO))
                .isInstanceOfSatisfying(QuoteUnavailableException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("Invalid input - interval=5h is not supported");
        assertThat(stub.requests(AAPL)).hasSize(1);
    }

    @Test
    void raggedArraysReadMissingElementsAsMissing() {
        String body = """
                {"chart":{"result":[{"meta":{"currency":"USD","symbol":"RAG","exchangeTimezoneName":"America/New_York"},
                "timestamp":[1709217000,1709303400],
                "indicators":{"quote":[{"open":[10.0],"close":[10.25,11.25],"volume":[100]}]}}],"error":null}}""";
        stub.on("/v8/finance/chart/RAG", Answer.ok(body));

        var h = source().history(Symbol.of("RAG"), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1));

        assertThat(h.bars()).hasSize(2);
        assertThat(h.bars().get(1).close()).isEqualByComparingTo("11.25");
        assertThat(h.bars().get(1).open()).isNull();
        assertThat(h.bars().get(1).volume()).isNull();
    }

    @Test
    void manySymbolsAtOnceNeverHaveMoreThanFourRequestsInFlight() throws Exception {
        stub.on(r -> r.path().startsWith("/v8/finance/chart/"), r -> Answer.ok(recordedAapl()).delayed(60));
        YahooQuoteSource source = source();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            done.add(pool.submit(() -> source.history(Symbol.of("AAPL"), FROM, TO)));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(stub.requests()).hasSize(32);
        assertThat(stub.maxInFlight()).isEqualTo(YahooQuoteSource.DEFAULT_MAX_CONCURRENT_REQUESTS);
    }

    @Test
    void trailingBytesAfterTheJsonAreMalformed() {
        stub.on(AAPL, Answer.ok(recordedAapl() + "xyz"));

        assertThatThrownBy(() -> source().history(Symbol.of("AAPL"), FROM, TO)).isInstanceOf(MalformedQuoteDataException.class);
    }

    @Test
    void anUnknownShareClassIsNamedAsTheUserWroteIt() {
        stub.on("/v8/finance/chart/XYZ-C", Answer.of(404, resource("transcribed/chart-error-404-not-found.json")));

        assertThatThrownBy(() -> source().history(Symbol.of("XYZ.C"), FROM, TO)).isInstanceOf(QuoteNotFoundException.class)
                .hasMessageStartingWith("Yahoo Finance has no data for history of XYZ.C (XYZ-C at Yahoo) from 2025-04-30");
    }

    @Test
    void theCookiePageNeverSendsCookiesToAnotherSite() {
        stub.on("/", new Answer(302, java.util.Map.of("Set-Cookie", "A3=secret; Path=/", "Location", "http://evil.example/steal"), "", 0));
        stub.on("/v1/test/getcrumb", Answer.of(200, "abcdefghijk"));
        stub.on("/v7/finance/quote", Answer.ok(resource("quote-AAPL-BABA-multi-symbol.json")));

        assertThat(source().latest(Symbol.of("AAPL")).price().amount()).isEqualByComparingTo("244.6");
        // the redirect off the site was not followed: the only hops were to the stub
        assertThat(stub.requests()).extracting(YahooStub.Request::path).containsExactly("/", "/v1/test/getcrumb", "/v7/finance/quote");
        assertThat(YahooHttp.sameSite("fc.yahoo.com", "guce.yahoo.com")).isTrue();
        assertThat(YahooHttp.sameSite("fc.yahoo.com", "yahoo.com.evil.example")).isFalse();
    }

    @Test
    void backoffIsCappedAtTheLongestWaitAndEveryWaitIsJittered() {
        stub.on(AAPL, Answer.of(503, "Service Unavailable"));

        assertThatThrownBy(() -> builder().maxAttempts(6).backoff(Duration.ofSeconds(1), Duration.ofSeconds(2)).build().history(Symbol.of("AAPL"), FROM, TO))
                .isInstanceOfSatisfying(QuoteUnavailableException.class, e -> assertThat(e.isRetryable()).isTrue()).hasMessageContaining("6 attempts");

        // 6 attempts, 5 waits: 1 s, then 2, 4, 8 and 16 s capped at 2 s; each times 0.75 to 1.25
        assertThat(stub.requests(AAPL)).hasSize(6);
        assertThat(slept).hasSize(5);
        assertThat(slept.get(0).toMillis()).isBetween(750L, 1250L);
        assertThat(slept.subList(1, 5)).allSatisfy(d -> assertThat(d.toMillis()).isBetween(1500L, 2500L));
        // without jitter the four capped waits would all be 2000 ms; with it, four equal draws of about
        // 1,000 possible milliseconds happen once in about a billion runs
        assertThat(new HashSet<>(slept.subList(1, 5))).hasSizeGreaterThan(1);
    }
}
