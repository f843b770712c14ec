package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static dev.erasmo.quote.yahoo.YahooStub.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.quote.yahoo.YahooStub;
import dev.erasmo.quote.yahoo.YahooStub.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Tries to break the app's promises: one line on stderr and the right exit code for every error,
 * nothing on stdout and the store as before for a failed command (but for the corporate actions a
 * trade books first), and no dividend or split booked twice whatever the order of commands.
 */
class AdversarialAppTest extends AppTest {

    private static final String NVDA_SPLIT = "booked from the quote data: 4-for-1 split of NVDA at 2021-07-20T00:00:00Z";

    // ---------------------------------------------------------------- splits and trades

    @Test
    void sellExactlyOnTheSplitDate_sellsPostSplitUnitsAtThePostSplitClose() {
        app.ok("create", "t", "--cash", "10000", "--at", "2021-07-01");
        app.ok("buy", "t", "NVDA", "10", "--at", "2021-07-19"); // 10 x 751.19 = 7511.90; cash 2488.10

        // 40 x 186.12 = 7444.80; 2488.10 + 7444.80 = 9932.90
        assertThat(app.ok("sell", "t", "NVDA", "40", "--at", "2021-07-20")).isEqualTo(lines(NVDA_SPLIT,
                "sold 40 NVDA @ USD 186.12 (close of 2021-07-20) on 2021-07-20, fee USD 0.00: received USD 7444.80; cash: USD 9932.90"));
        assertThat(app.ok("show", "t")).doesNotContain("booked from the quote data");
        assertThat(count("Split")).isEqualTo(1);
    }

    @Test
    void sellingMoreThanHeldAfterTheSplitIsBooked_keepsTheSplitOnlyAndSaysSoOnce() {
        app.ok("create", "t", "--cash", "10000", "--at", "2021-07-01");
        app.ok("buy", "t", "NVDA", "10", "--at", "2021-07-19");

        AppRunner.Run r = app.run("sell", "t", "NVDA", "41", "--at", "2021-07-20");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(lines(NVDA_SPLIT));
        assertThat(r.err()).isEqualTo(lines(
                "erasmo sell: rejected: cannot sell 41 NVDA at 2021-07-20T00:00:00Z: only 40 held (short selling is not supported)"));
        // the same command again: the split is not booked again, and nothing else changes
        app.fails(1, "erasmo sell: rejected: cannot sell 41 NVDA at 2021-07-20T00:00:00Z: only 40 held (short selling is not supported)",
                "sell", "t", "NVDA", "41", "--at", "2021-07-20");
        assertThat(count("Split")).isEqualTo(1);
    }

    @Test
    void aBackDatedBuyBeforeAnAlreadyBookedSplit_isSplitToo() {
        app.ok("create", "t", "--cash", "20000", "--at", "2021-07-01");
        app.ok("buy", "t", "NVDA", "10", "--at", "2021-07-19");
        app.ok("show", "t", "--at", "2021-08-02"); // books the split: 40

        // 5 x 758.65 = 3793.25, back-dated before the split: 5 more pre-split units
        assertThat(app.ok("buy", "t", "NVDA", "5", "--at", "2021-07-15")).isEqualTo(lines(
                "bought 5 NVDA @ USD 758.65 (close of 2021-07-15) on 2021-07-15, fee USD 0.00: paid USD 3793.25; cash: USD 16206.75"
                        + " (USD 8694.85 now, after the later events)"));
        assertThat(app.ok("show", "t", "--at", "2021-08-02", "--json").replace(" ", "")).contains("\"quantity\":\"60\"");
        assertThat(count("Split")).isEqualTo(1);
    }

    @Test
    void aBackDatedBuyBeforeASplitNotYetBooked_getsItBookedOnceLater() {
        app.ok("create", "t", "--cash", "20000", "--at", "2021-07-01");
        app.ok("buy", "t", "NVDA", "10", "--at", "2021-08-02"); // after the split: nothing to book
        app.ok("buy", "t", "NVDA", "5", "--at", "2021-07-15");  // before it: due once the split's date is reached

        assertThat(app.ok("show", "t", "--at", "2021-08-02")).contains(NVDA_SPLIT);
        assertThat(app.ok("show", "t", "--at", "2021-08-02", "--json").replace(" ", "")).contains("\"quantity\":\"30\"");
        assertThat(count("Split")).isEqualTo(1);
    }

    @Test
    void aHandSplitAfterTheAutomaticOne_withAnotherRatioOrTimeOfDay_isRejected() {
        app.ok("create", "t", "--cash", "10000", "--at", "2021-07-01");
        app.ok("buy", "t", "NVDA", "10", "--at", "2021-07-19");
        app.ok("show", "t", "--at", "2021-08-02");

        for (String at : List.of("2021-07-20", "2021-07-20T15:30:00Z")) {
            AppRunner.Run r = app.run("split", "t", "NVDA", "2:1", "--at", at);
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("erasmo split: rejected: a split of NVDA on 2021-07-20 is already booked (#").hasLineCount(1);
        }
        assertThat(count("Split")).isEqualTo(1);
    }

    @Test
    void aHandDividendAtAnotherTimeOfDay_isNotBookedAgainAutomaticallyNorByHand() {
        app.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        app.ok("buy", "t", "AAPL", "10", "--at", "2013-01-02");
        app.ok("dividend", "t", "AAPL", "2.65", "--at", "2013-02-07T18:30:00Z");

        assertThat(app.ok("show", "t", "--at", "2013-03-01")).doesNotContain("booked from the quote data");
        AppRunner.Run r = app.run("dividend", "t", "AAPL", "2.65", "--at", "2013-02-07");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("erasmo dividend: rejected: a dividend of AAPL on 2013-02-07 is already booked").hasLineCount(1);
        assertThat(count("Dividend")).isEqualTo(1);
        app.ok("sell", "t", "AAPL", "1", "--at", "2013-03-01");
        app.ok("buy", "t", "AAPL", "1", "--at", "2013-03-01");
        assertThat(count("Dividend")).isEqualTo(1);
    }

    @Test
    void aBackDatedSellOfEverythingBeforeABookedDividend_isRejectedNamingTheDividend() {
        app.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        app.ok("buy", "t", "AAPL", "10", "--at", "2013-01-02");
        app.ok("show", "t", "--at", "2013-03-01"); // books the dividend of 2013-02-07 on the 10 held

        // debatable: the ledger is append-only, so the dividend booked for the 10 then held cannot go away; the sell is
        // refused whole rather than leaving a dividend paid on nothing
        app.fails(1, "erasmo sell: rejected: back-dated sell 10 AAPL @ USD 485.92 at 2013-01-15T00:00:00Z would make the later event #3"
                + " (dividend USD 2.65 per share of AAPL at 2013-02-07T00:00:00Z) invalid: dividend of USD 2.65 per share on AAPL at"
                + " 2013-02-07T00:00:00Z: no AAPL held then", "sell", "t", "AAPL", "10", "--at", "2013-01-15");
    }

    // ---------------------------------------------------------------- failures after corporate actions are due

    /** 10 AAPL from 2013-01-02, with the dividend of 2013-02-07 due but not booked. */
    private void appleWithADividendDue() {
        app.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        app.ok("buy", "t", "AAPL", "10", "--at", "2013-01-02");
    }

    @Test
    void aTradeRejectedAfterCorporateActions_keepsThemAndSaysSo_andTheRepeatChangesNothing() {
        appleWithADividendDue();
        AppRunner.Run r = app.run("buy", "t", "AAPL", "100", "--at", "2013-03-01");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(lines("booked from the quote data: dividend USD 2.65 per share of AAPL at 2013-02-07T00:00:00Z"));
        assertThat(r.err()).startsWith("erasmo buy: rejected: buy of 100 AAPL").hasLineCount(1);
        assertThat(count("Dividend")).isEqualTo(1);
        assertThat(count("Buy")).isEqualTo(1);
    }

    @Test
    void anUnknownSymbol_failsBeforeBookingAnything() {
        appleWithADividendDue();
        app.fails(1, "erasmo buy: unknown symbol ZZZZ: the sample data has AAPL, MSFT, NVDA, ^GSPC", "buy", "t", "ZZZZ", "1", "--at", "2013-03-01");
    }

    @Test
    void noCloseNearTheDate_failsBeforeBookingAnything() {
        appleWithADividendDue();
        app.fails(1, "erasmo sell: no close for AAPL on or before 2014-06-02 (looked back 14 days); its data runs from 2013-01-02 to 2013-12-31", "sell", "t", "AAPL", "1", "--at", "2014-06-02");
    }

    @Test
    void aFeeWithMoreDecimalsThanTheCurrency_isAUsageErrorBeforeBookingAnything() {
        appleWithADividendDue();
        app.fails(2, "erasmo sell: invalid --fee: USD amount 0.001 has more than 2 decimal places",
                "sell", "t", "AAPL", "1", "--at", "2013-03-01", "--fee", "0.001");
        // a user-priced symbol without data is in the base currency
        app.fails(2, "erasmo buy: invalid --fee: USD amount 0.001 has more than 2 decimal places",
                "buy", "t", "XYZ", "1", "--at", "2013-03-01", "--price", "10", "--fee", "0.001");
    }

    @Test
    void aPriceWithMoreThanEightDecimals_isAUsageErrorBeforeBookingAnything() {
        appleWithADividendDue();
        AppRunner.Run r = app.run("buy", "t", "AAPL", "1", "--at", "2013-03-01", "--price", "400.123456789");
        assertThat(r.err()).startsWith("erasmo buy: invalid --price: ").contains("400.123456789").hasLineCount(1);
        app.fails(2, r.err().strip(), "buy", "t", "AAPL", "1", "--at", "2013-03-01", "--price", "400.123456789");
    }

    // ---------------------------------------------------------------- ERASMO_QUOTES and --quotes

    @Test
    void quotesVariable_blankOrPaddedValuesAreRead_andBadOnesAreOneUsageLine() {
        AppRunner padded = new AppRunner(dir, Map.of(ErasmoApp.QUOTES_ENV, "  sample\t"));
        padded.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        assertThat(padded.ok("buy", "t", "AAPL", "1", "--at", "2013-01-02")).startsWith("bought 1 AAPL @ USD 549.03");

        Path file = dir.resolve("not-a-folder");
        writeQuietly(file);
        Map<String, String> bad = Map.of(
                "csv:", "invalid ERASMO_QUOTES: 'csv:' names no folder: use csv:DIR, e.g. csv:./prices",
                "csv:" + dir.resolve("nowhere"), "invalid ERASMO_QUOTES: '" + dir.resolve("nowhere") + "' is not a folder",
                "csv:" + file, "invalid ERASMO_QUOTES: '" + file + "' is not a folder",
                "SAMPLE", "invalid ERASMO_QUOTES: 'SAMPLE' is none of 'yahoo', 'yahoo=URL', 'sample' or 'csv:DIR'",
                "yahoo=", "invalid ERASMO_QUOTES: '' is not an http or https URL, e.g. yahoo=http://127.0.0.1:8080",
                "yahoo=http://127.0.0.1:99999", "invalid ERASMO_QUOTES: 'http://127.0.0.1:99999' is not an http or https URL, e.g. yahoo=http://127.0.0.1:8080",
                "yahoo=127.0.0.1:8080", "invalid ERASMO_QUOTES: '127.0.0.1:8080' is not an http or https URL, e.g. yahoo=http://127.0.0.1:8080");
        bad.forEach((value, line) -> new AppRunner(dir, Map.of(ErasmoApp.QUOTES_ENV, value)).fails(2, "erasmo show: " + line, "show", "t"));
    }

    @Test
    void quotesOption_atAnUnreachableIpv6OrImpossiblePort_isOneLine() {
        app.ok("create", "t", "--cash", "10000", "--at", "2021-07-01");
        for (String url : List.of("http://[::1]:1", "http://127.0.0.1:1", "http://[::1", "https://127.0.0.1:1/")) {
            AppRunner.Run r = app.run("--quotes", "yahoo=" + url, "buy", "t", "NVDA", "1", "--at", "2021-07-19");
            assertThat(r.out()).as(url).isEmpty();
            assertThat(r.err()).as(url).hasLineCount(1).startsWith("erasmo");
            assertThat(r.exitCode()).as(url + ": " + r.err()).isIn(1, 2);
        }
        assertThat(count("Buy")).isZero();
    }

    // ---------------------------------------------------------------- Yahoo failing midway

    @Test
    void yahooFailingForOneHeldSymbol_booksNothingAndIsOneLine() {
        try (YahooStub stub = new YahooStub()) {
            stub.on("/v8/finance/chart/NVDA", "events", "div,splits", Answer.ok(resource("chart-NVDA-2021-02-01_2022-01-31-1d-split-4for1.json")));
            stub.on("/v8/finance/chart/NVDA", "events", "splits", Answer.ok(resource("constructed-chart-NVDA-splits-after-2022-01-31.json")));
            stub.on("/v8/finance/chart/ACME", Answer.of(404, resource("transcribed/chart-error-404-not-found.json")));
            AppRunner yahoo = new AppRunner(dir, Map.of(ErasmoApp.QUOTES_ENV, "yahoo=" + stub.uri()), Instant.parse("2025-02-22T12:00:00Z"));
            yahoo.ok("create", "t", "--cash", "20000", "--at", "2021-07-01");
            yahoo.ok("buy", "t", "NVDA", "10", "--at", "2021-07-19");
            yahoo.ok("buy", "t", "ACME", "10", "--at", "2021-07-19", "--price", "10");

            // ACME's history is now malformed, then rate limited: the NVDA split is due but nothing is booked
            stub.on("/v8/finance/chart/ACME", Answer.ok("{\"chart\": {\"result\": [ {} ], \"error\": null} } trailing"));
            yahoo.fails(1, malformedLine(yahoo), "show", "t", "--at", "2022-01-28");
            yahoo.fails(1, malformedLine(yahoo).replace("erasmo show", "erasmo sell"), "sell", "t", "NVDA", "1", "--at", "2022-01-28");
            stub.on("/v8/finance/chart/ACME", Answer.of(503, "down").withHeader("Retry-After", "0"));
            AppRunner.Run r = yahoo.run("show", "t", "--at", "2022-01-28");
            assertThat(r.out()).isEmpty();
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).hasLineCount(1).endsWith("(nothing was written; try again later, or use --quotes sample for the bundled data)"
                    + System.lineSeparator());
            assertThat(count(yahoo, "Split")).isZero();
        }
    }

    @Test
    void aLiveTradeWhileTheMarketIsOpen_fillsAtTheAskOrTheBid_andSaysSo() {
        try (YahooStub stub = new YahooStub()) {
            // the recorded AAPL quote (last 244.6, bid 244.44, ask 253.37) with the market open
            stub.handshake().on("/v7/finance/quote", Answer.ok(resource("quote-AAPL-BABA-multi-symbol.json")
                    .replaceFirst("\"marketState\"\\s*:\\s*\"CLOSED\"", "\"marketState\":\"REGULAR\"")));
            // the history a sell reads for the corporate actions due (none on the day bought)
            stub.on("/v8/finance/chart/AAPL", Answer.ok(resource("chart-AAPL-6mo-1d-dividends-last-bar-at-regularMarketTime.json")));
            AppRunner yahoo = new AppRunner(dir, Map.of(ErasmoApp.QUOTES_ENV, "yahoo=" + stub.uri()), Instant.parse("2025-02-22T12:00:00Z"));
            yahoo.ok("create", "t", "--cash", "1000", "--at", "2025-01-02");

            // 2 x 253.37 = 506.74; 1000 - 506.74 = 493.26; then 1 x 244.44 = 244.44; 493.26 + 244.44 = 737.70
            assertThat(yahoo.ok("buy", "t", "AAPL", "2")).isEqualTo(lines("bought 2 AAPL @ USD 253.37 (regular market, price of"
                    + " 2025-02-14T21:00:00Z) on 2025-02-22T12:00:00Z, fee USD 0.00: paid USD 506.74; cash: USD 493.26"));
            assertThat(yahoo.ok("sell", "t", "AAPL", "1")).isEqualTo(lines("sold 1 AAPL @ USD 244.44 (regular market, price of"
                    + " 2025-02-14T21:00:00Z) on 2025-02-22T12:00:00Z, fee USD 0.00: received USD 244.44; cash: USD 737.70"));
        }
    }

    /** Whatever the app says about the malformed ACME answer, on one line (checked by {@code fails}). */
    private static String malformedLine(AppRunner yahoo) {
        AppRunner.Run r = yahoo.run("show", "t", "--at", "2022-01-28");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("ACME");
        return r.err().strip();
    }

    // ---------------------------------------------------------------- helpers

    private long count(String kind) {
        return count(app, kind);
    }

    private static long count(AppRunner runner, String kind) {
        Matcher m = Pattern.compile("event=" + kind + "\\[").matcher(runner.stored());
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void writeQuietly(Path file) {
        try {
            Files.writeString(file, "x");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
