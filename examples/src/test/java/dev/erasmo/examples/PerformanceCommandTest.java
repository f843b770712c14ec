package dev.erasmo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics on a four-day CSV series worked out by hand: ACME closes 10, 11, 9.9, 10.89 on
 * 2020-01-06 .. 2020-01-09; 100 deposited and 10 ACME bought at 10 on the first day.
 */
class PerformanceCommandTest extends AppTest {

    private String csv;

    @BeforeEach
    void session() throws IOException {
        Path quotes = Files.createDirectory(dir.resolve("quotes"));
        Files.writeString(quotes.resolve("ACME.csv"), "Date,Close\n2020-01-06,10\n2020-01-07,11\n2020-01-08,9.9\n2020-01-09,10.89\n");
        Files.writeString(quotes.resolve("BENCH.csv"), "Date,Close\n2020-01-03,100\n2020-01-06,100\n2020-01-07,105\n2020-01-08,99.75\n2020-01-09,104.7375\n");
        csv = "csv:" + quotes;
        app.ok("--quotes", csv, "create", "t", "--cash", "100", "--at", "2020-01-06");
        app.ok("--quotes", csv, "buy", "t", "ACME", "10", "--at", "2020-01-06");
    }

    @Test
    void performance_json_matchesTheFiguresWorkedByHand() {
        String json = app.ok("--quotes", csv, "performance", "t", "--to", "2020-01-09", "--json", "--benchmark", "BENCH");
        // daily returns 0 (the deposit is a flow, bought at the close), +10%, -10%, +10%
        assertThat(json).contains("\"observations\": 4,")
                // 1.1 x 0.9 x 1.1 - 1 = 0.089
                .contains("\"timeWeightedReturn\": \"0.08900000\"")
                // Modified Dietz: the deposit counts at the start of 01-06, the end of the start's date 01-05, so it was in for
                // all 4 days: (108.90 - 0 - 100) / (0 + 100 x 4/4) = 0.089, the time-weighted and holding-period return
                .contains("\"modifiedDietz\": \"0.08900000\"")
                // XIRR of -100 on 01-05 and +108.90 on 01-09: 1.089^(365 / 4) - 1 = 2391.1809507 (a rate per year of four days' 8.9%)
                .contains("\"moneyWeightedReturn\": \"2391.18")
                // from 110 on 01-07 to 99 on 01-08, not back by 01-09
                .contains("\"maxDrawdown\": \"-0.10000000\"")
                .contains("\"peak\": \"2020-01-07\"", "\"trough\": \"2020-01-08\"", "\"recovery\": null")
                .contains("\"bestDay\": \"2020-01-07\"", "\"bestDayReturn\": \"0.10000000\"", "\"worstDay\": \"2020-01-08\"",
                        "\"worstDayReturn\": \"-0.10000000\"")
                // BENCH returns 0, +5%, -5%, +5%: the portfolio's are exactly twice them, so beta is 2 (and alpha 0)
                .contains("\"beta\": \"2.00000000\"", "\"alphaAnnualized\": \"0.00000000\"");
    }

    @Test
    void performance_riskFree_isCompoundedToADailyRate() {
        String json = app.ok("--quotes", csv, "performance", "t", "--to", "2020-01-09", "--json", "--benchmark", "BENCH", "--risk-free",
                "0.03");
        // rf a day = 1.03^(1/252) - 1 = 0.000117304 (0.03 / 252 would be 0.000119048). The portfolio's returns are twice
        // BENCH's, so beta is 2 and alpha a day = mean(r - rf) - 2 mean(rb - rf) = rf: compounded back to a year, 3% exactly
        // (with 0.03 / 252 it would be (1 + 0.03 / 252)^252 - 1 = 3.0453%)
        assertThat(json).contains("\"beta\": \"2.00000000\"", "\"alphaAnnualized\": \"0.03000000\"")
                // returns 0, +10%, -10%, +10%: mean 0.025, sample variance (0.025^2 + 0.075^2 + 0.125^2 + 0.075^2) / 3 = 0.0275 / 3;
                // (0.025 - 0.000117304) / sqrt(0.0275 / 3) * sqrt(252) = 4.12564627 (with 0.03 / 252: 4.12535713)
                .contains("\"sharpe\": \"4.12564627\"");
    }

    @Test
    void performance_table_namesTheConventions() {
        String out = app.ok("--quotes", csv, "performance", "t", "--to", "2020-01-09");
        assertThat(out).containsPattern("Time-weighted return +8\\.90%  daily returns linked")
                .containsPattern("Maximum drawdown +-10\\.00%  peak 2020-01-07, trough 2020-01-08, not recovered, 3 trading days")
                .containsPattern("Modified Dietz +8\\.90%");
    }

    @Test
    void performance_dividendInTheQuoteData_isBookedOnceAndCountedAsAGain() {
        // on the sample data: AAPL closes 457.35 on 2013-02-06, 468.22 on 02-07, 474.98 on 02-08 (AAPL.csv), and pays 2.65 a
        // share with the ex-date 2013-02-07 (AAPL.dividends.csv)
        AppRunner sample = new AppRunner(dir.resolve("sample"));
        sample.ok("create", "d", "--cash", "10000", "--at", "2013-02-06");
        sample.ok("buy", "d", "AAPL", "10", "--at", "2013-02-06");

        // 02-06: cash 10000 - 10 x 457.35 = 5426.50, equity 5426.50 + 4573.50 = 10000.00, return 0 (the deposit is a flow)
        // 02-07: cash 5426.50 + 10 x 2.65 = 5453.00, equity 5453.00 + 4682.20 = 10135.20, return 10135.20 / 10000 - 1 = 0.01352
        // 02-08: equity 5453.00 + 4749.80 = 10202.80, return 10202.80 / 10135.20 - 1 = 0.00667
        // linked: 10202.80 / 10000 - 1 = 0.02028 (without the dividend 10176.30 / 10000 - 1 = 0.01763; booked twice, 0.02293)
        String table = sample.ok("performance", "d", "--to", "2013-02-08");
        assertThat(table).startsWith(AppRunner.lines("booked from the quote data: dividend USD 2.65 per share of AAPL at 2013-02-07T00:00:00Z",
                "Portfolio 'd' (USD), 2013-02-06 to 2013-02-08: 3 daily returns"))
                .containsPattern("Time-weighted return +2\\.03%");

        // run again: nothing more to book, and the dividend is in the figures once
        assertThat(sample.ok("performance", "d", "--to", "2013-02-08", "--json")).contains("\"observations\": 3,")
                .contains("\"timeWeightedReturn\": \"0.02028000\"")
                // the deposit was in for all 3 days: (10202.80 - 0 - 10000) / (0 + 10000 x 3/3) = 0.02028; the dividend is
                // income, not a flow
                .contains("\"modifiedDietz\": \"0.02028000\"")
                // the ex-date is the best day: 0.01352, of which 26.50 / 10000 = 0.00265 is the dividend
                .contains("\"bestDay\": \"2013-02-07\"", "\"bestDayReturn\": \"0.01352000\"");
    }

    @Test
    void performance_withoutTo_endsOnTheLastDayEverythingHeldHasAPrice() {
        // on the sample data: AAPL's closes stop on 2013-12-31, ^GSPC's go on to 2020. AAPL's last close is carried
        // 14 days, to 2014-01-14; from 2014-01-15 it has none, and the default period stops before
        AppRunner sample = new AppRunner(dir.resolve("sample"));
        sample.ok("create", "s", "--cash", "10000", "--at", "2013-12-02");
        sample.ok("buy", "s", "AAPL", "1", "--at", "2013-12-02");
        sample.ok("buy", "s", "^GSPC", "1", "--at", "2013-12-02");
        String out = sample.ok("performance", "s");
        assertThat(out).contains("Portfolio 's' (USD), 2013-12-02 to 2014-01-14:");
        assertThat(out).containsPattern("Money-weighted return +-?[0-9.]+%");
        // with --to past it, the money-weighted return is not given: the end value would leave out AAPL
        assertThat(sample.ok("performance", "s", "--to", "2014-02-03")).contains("none: the first or last day leaves out something held without a price or FX rate");
    }

    @Test
    void performanceAndReport_withoutToPastTheLastClose_nameTheDayTheyEndOn() throws IOException {
        // AAPL alone: its sample closes stop on 2013-12-31, and no other symbol trades later, so the curve's last day is
        // 2013-12-31; the period, and the report's holdings, end there too, not on today (2024-06-03)
        AppRunner sample = new AppRunner(dir.resolve("sample"));
        sample.ok("create", "a", "--cash", "10000", "--at", "2013-01-02");
        sample.ok("buy", "a", "AAPL", "10", "--at", "2013-01-02");

        assertThat(sample.ok("performance", "a")).contains("Portfolio 'a' (USD), 2013-01-02 to 2013-12-31:");
        assertThat(sample.ok("performance", "a", "--json")).contains("\"to\": \"2013-12-31\"");
        Path page = dir.resolve("a.html");
        sample.ok("report", "a", "--out", page.toString());
        // 10 AAPL at the 2013-12-31 close, 561.02
        assertThat(Files.readString(page)).contains("2013-01-02 to 2013-12-31", "Holdings on 2013-12-31", "5610.20")
                .doesNotContain("UNPRICED");
    }
}
