package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static dev.erasmo.quote.yahoo.YahooStub.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.quote.yahoo.YahooStub.Answer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The app on Yahoo Finance, on a local server that replays recorded Yahoo answers. No network. */
class YahooQuotesTest extends YahooAppTest {

    @Test
    void aPastTradeFillsAtTheCloseAsTradedThatDay() {
        nvda();
        AppRunner app = app();
        app.ok("create", "t", "--cash", "10000", "--at", "2021-07-01");

        // Yahoo's 2021-07-19 close 18.77975 is divided by the 4:1 of 2021-07-20 and the 10:1 of 2024-06-10: 751.19 as traded
        assertThat(app.ok("buy", "t", "NVDA", "10", "--at", "2021-07-19")).isEqualTo(lines(
                "bought 10 NVDA @ USD 751.19 (close of 2021-07-19) on 2021-07-19, fee USD 0.00: paid USD 7511.90; cash: USD 2488.10"));
    }

    @Test
    void aLatestTradeFillsAtTheQuoteAndAClosedMarketSaysClose() {
        stub.handshake().on("/v7/finance/quote", Answer.ok(resource("quote-AAPL-BABA-multi-symbol.json")));
        AppRunner app = app();
        app.ok("create", "t", "--cash", "1000", "--at", "2025-01-02");

        // regularMarketPrice 244.6 at 2025-02-14 16:00 New York, market CLOSED: the last price, not the stale ask of 253.37
        assertThat(app.ok("buy", "t", "AAPL", "2")).isEqualTo(lines(
                "bought 2 AAPL @ USD 244.60 (close of 2025-02-14) on 2025-02-22T12:00:00Z, fee USD 0.00: paid USD 489.20; cash: USD 510.80"));
    }

    @Test
    void anOpenMarketFillsABuyAtTheAskAndASellAtTheBidInPounds() {
        stub.handshake().on("/v7/finance/quote", Answer.ok(resource("quote-OCDO.L-GBp.json")));
        AppRunner app = app();
        app.ok("create", "t", "--cash", "1000", "--currency", "GBP", "--at", "2025-01-02");

        // marketState REGULAR, bid 308.5 and ask 308.8 pence at 1739788724 (2025-02-17T10:38:44Z):
        // 100 bought at 3.088 = 308.80, 40 sold at 3.085 = 123.40; 1000 - 308.80 + 123.40 = 814.60
        assertThat(app.ok("buy", "t", "OCDO.L", "100")).isEqualTo(lines("bought 100 OCDO.L @ GBP 3.088 (regular market, price of"
                + " 2025-02-17T10:38:44Z) on 2025-02-22T12:00:00Z, fee GBP 0.00: paid GBP 308.80; cash: GBP 691.20"));
        assertThat(app.ok("sell", "t", "OCDO.L", "40")).isEqualTo(lines("sold 40 OCDO.L @ GBP 3.085 (regular market, price of"
                + " 2025-02-17T10:38:44Z) on 2025-02-22T12:00:00Z, fee GBP 0.00: received GBP 123.40; cash: GBP 814.60"));
    }

    @Test
    void anUnknownSymbolNamesIt() {
        stub.on("/v8/finance/chart/RFP", Answer.of(404, resource("transcribed/chart-error-404-not-found.json")));
        AppRunner app = app();
        app.ok("create", "t", "--cash", "1000", "--at", "2021-07-01");

        // the close as of 2021-07-19 looks back 14 days, to 2021-07-05; the cache asks from January 1 of that year
        app.fails(1, "erasmo buy: Yahoo Finance has no data for history of RFP from 2021-01-01 to 2021-07-19: No data found, symbol may be delisted",
                "buy", "t", "RFP", "1", "--at", "2021-07-19");
    }

    @Test
    void yahooOutOfReachIsOneLineSuggestingTheSampleData() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        AppRunner app = new AppRunner(dir, Map.of(ErasmoApp.QUOTES_ENV, "yahoo=http://127.0.0.1:" + port), NOW);
        app.ok("create", "t", "--cash", "1000", "--at", "2021-07-01");

        AppRunner.Run r = app.run("buy", "t", "NVDA", "1", "--at", "2021-07-19");

        assertThat(r.exitCode()).isEqualTo(ErasmoApp.EXIT_REJECTED);
        assertThat(r.err()).startsWith("erasmo buy: cannot reach Yahoo Finance at http://127.0.0.1:" + port)
                .endsWith("(nothing was written; try again later, or use --quotes sample for the bundled data)" + System.lineSeparator())
                .hasLineCount(1);
    }

    @Test
    void anInvalidQuotesVariableIsAUsageError() {
        AppRunner app = new AppRunner(dir, Map.of(ErasmoApp.QUOTES_ENV, "yahoo=ftp://x"), NOW);

        app.fails(2, "erasmo create: invalid ERASMO_QUOTES: 'ftp://x' is not an http or https URL, e.g. yahoo=http://127.0.0.1:8080", "create", "t", "--cash", "1000");
    }

    @Test
    void showBooksTheSplitFromYahooAndValuesAsTraded() {
        nvda();
        AppRunner app = app();
        app.ok("create", "t", "--cash", "10000", "--at", "2021-07-01");
        app.ok("buy", "t", "NVDA", "10", "--at", "2021-07-19");

        // as of 2022-01-28 (within the recorded window): the 4:1 split is booked from Yahoo, 40 shares at 228.4 (22.84 x 10)
        String out = app.ok("show", "t", "--at", "2022-01-30");
        assertThat(out).contains("booked from the quote data: 4-for-1 split of NVDA at 2021-07-20T00:00:00Z").contains("NVDA").contains("40").contains("228.4");
    }

    @Test
    void progressIsShownOnATerminalAndCleared() {
        nvda();
        StringWriter err = new StringWriter();
        ErasmoApp app = new ErasmoApp(Clock.fixed(NOW, ZoneOffset.UTC), Map.of(ErasmoApp.QUOTES_ENV, "yahoo=" + stub.uri()), ErasmoApp::openStore);
        app.progressTo(new PrintWriter(err, true));
        String db = dir.resolve("p.db").toString();
        ErasmoApp.commandLine(app, new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                .execute("--db", db, "create", "t", "--cash", "10000", "--at", "2021-07-01");
        int code = ErasmoApp.commandLine(app, new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                .execute("--db", db, "buy", "t", "NVDA", "1", "--at", "2021-07-19");

        assertThat(code).isZero();
        // the close as of 2021-07-19, looked for from 2021-07-05, which the cache asks from January 1 of 2021
        assertThat(err.toString()).isEqualTo("\r\033[Kfetching NVDA prices from 2021-01-01 to 2021-07-19 from Yahoo Finance...\r\033[K");
    }
}
