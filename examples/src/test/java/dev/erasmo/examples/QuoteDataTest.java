package dev.erasmo.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.quote.QuoteNotFoundException;
import dev.erasmo.quote.QuoteUnavailableException;
import dev.erasmo.quote.yahoo.UnacceptingServer;
import dev.erasmo.quote.yahoo.YahooQuoteSource;
import java.io.IOException;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuoteDataTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-22T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void sample_everySymbolItNames_hasPrices() {
        QuoteData sample = QuoteData.sample();
        for (String s : QuoteData.SAMPLE_SYMBOLS) {
            assertThat(sample.quote(Symbol.of(s), null).price().amount()).as(s).isPositive();
        }
    }

    @Test
    void sample_aaplDividendsAndNvdaSplit_comeFromTheirFiles() {
        QuoteData sample = QuoteData.sample();
        assertThat(sample.source().history(Symbol.of("AAPL"), LocalDate.of(2013, 1, 1), LocalDate.of(2013, 12, 31)).dividends())
                .extracting(d -> d.exDate() + " " + d.perShare())
                .containsExactly("2013-02-07 2.65", "2013-05-09 3.05", "2013-08-08 3.05", "2013-11-06 3.05");
        assertThat(sample.source().history(Symbol.of("NVDA"), LocalDate.of(2021, 1, 1), LocalDate.of(2022, 12, 31)).splits())
                .extracting(s -> s.date() + " " + s.numerator() + ":" + s.denominator())
                .containsExactly("2021-07-20 4:1");
    }

    @Test
    void csv_listsOnlyThePriceFilesAsSymbols() throws IOException {
        Files.writeString(dir.resolve("ACME.csv"), "Date,Close\n2020-01-02,10\n");
        Files.writeString(dir.resolve("ACME.dividends.csv"), "Date,Dividends\n2020-01-02,0.1\n");
        Files.writeString(dir.resolve("BETA.splits.csv"), "Date,Stock Splits\n2020-01-02,2:1\n");
        Files.writeString(dir.resolve("notes.txt"), "not prices");
        assertThat(QuoteData.csv(dir).symbols()).containsExactly("ACME");
    }

    @Test
    void csv_symbolPointingOutsideTheFolder_isNotRead() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("quotes"));
        Files.writeString(dir.resolve("SECRET.csv"), "Date,Close\n2020-01-02,10\n");
        QuoteData csv = QuoteData.csv(folder);
        assertThatThrownBy(() -> csv.source().latest(Symbol.of("../SECRET"))).isInstanceOf(QuoteNotFoundException.class);
        assertThatThrownBy(() -> csv.quote(Symbol.of("../SECRET"), null))
                .isInstanceOf(QuoteNotFoundException.class).hasMessage("unknown symbol ../SECRET: " + folder + " has no price files");
    }

    @Test
    void yahoo_serverThatNeverAccepts_givesUpAtTheAppsConnectTimeoutOfFiveSeconds() {
        try (UnacceptingServer server = new UnacceptingServer()) {
            // the builder's own connect time-out is a minute: unless the app's 5 s replaces it, the app's 10 s request time-out
            // (or a minute) ends the wait instead
            QuoteData yahoo = QuoteData.yahoo(YahooQuoteSource.builder().connectTimeout(Duration.ofMinutes(1)), server.uri(), CLOCK, null);

            long start = System.nanoTime();
            assertThatThrownBy(() -> yahoo.quote(Symbol.of("AAPL"), LocalDate.of(2025, 2, 21))).isInstanceOf(QuoteUnavailableException.class)
                    .hasMessageStartingWith("cannot reach Yahoo Finance at " + server.uri())
                    .hasMessageEndingWith(": no connection within the connect timeout (offline, or blocked?)");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // 5 s: a time-out does not end the wait early; and well before 10 s
            assertThat(took).isBetween(Duration.ofMillis(4_500), Duration.ofSeconds(9));
        }
    }

    @Test
    void yahoo_everyRequest_hasTheAppsRequestTimeoutOfTenSeconds() {
        List<HttpRequest> sent = new CopyOnWriteArrayList<>();
        // the builder's own request time-out is a minute: the app's 10 s must replace it
        QuoteData yahoo = QuoteData.yahoo(YahooQuoteSource.builder().httpClient(new RefusingHttpClient(sent)).requestTimeout(Duration.ofMinutes(1)),
                URI.create("http://127.0.0.1:1"), CLOCK, null);

        assertThatThrownBy(() -> yahoo.quote(Symbol.of("AAPL"), LocalDate.of(2025, 2, 21))).isInstanceOf(QuoteUnavailableException.class)
                .hasMessageEndingWith(": the connection was refused");

        // one request (a refused connection is not retried), with the app's time-out
        assertThat(sent).extracting(HttpRequest::timeout).containsExactly(Optional.of(Duration.ofSeconds(10)));
    }

    /** A client that records each request and refuses its connection, as a closed port would. */
    private static final class RefusingHttpClient extends HttpClient {
        private final List<HttpRequest> sent;

        RefusingHttpClient(List<HttpRequest> sent) {
            this.sent = sent;
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            sent.add(request);
            return CompletableFuture.failedFuture(new ConnectException("refused by the test"));
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                HttpResponse.PushPromiseHandler<T> push) {
            return sendAsync(request, handler);
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
            sent.add(request);
            throw new ConnectException("refused by the test");
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            throw new UnsupportedOperationException("no TLS in this test");
        }

        @Override
        public SSLParameters sslParameters() {
            return new SSLParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }
    }
}
