package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scripted session below, worked out by hand from the sample data (FIFO, USD):
 *
 * <pre>
 * event                                        cash       lots (units, cost)              realized  fees   dividends
 * create --cash 20000 --at 2013-01-02          20000.00   -                               -         -      -
 * buy AAPL 10 @ 549.03 (close 2013-01-02)      14509.70   AAPL (10, 5490.30)              -         -      -
 * buy AAPL 5 @ 542.10 (close 2013-01-03) fee 1 11798.20   + AAPL (5, 2710.50 + 1 = 2711.50) -       1.00   -
 * dividend AAPL 2.65 on 15 units (2013-02-07)  11837.95   unchanged                       -         1.00   39.75
 * sell AAPL 12 @ 430.47 (close 2013-03-01)     16993.60   AAPL (3, 1626.90)               -1419.25  10.99  39.75
 *   fee 9.99: proceeds 12 x 430.47 = 5165.64 - 9.99 = 5155.65
 *   FIFO relieves lot 1 (5490.30) and 2 of lot 2: 2711.50 x 2/5 = 1084.60, 6574.90 in all
 *   realized 5155.65 - 6574.90 = -1419.25; lot 2 keeps 3 units at 2711.50 - 1084.60 = 1626.90
 * buy ^GSPC 0.5 @ 1640.420044 (2013-06-03)     16173.39   + ^GSPC (0.5, 820.21)
 *   0.5 x 1640.420044 = 820.210022, rounded half-even to the cent 820.21
 * withdraw 500 --at 2013-07-01                 15673.39   net deposits 20000.00 - 500.00 = 19500.00
 * </pre>
 *
 * {@code show} then books, from AAPL.dividends.csv, the dividends the session did not book by hand
 * for the 3 AAPL still held: 3 x 3.05 = 9.15 on each of 2013-05-09, 2013-08-08 and 2013-11-06,
 * 27.45 in all (2013-02-07 was booked by hand, so not again). Cash 15673.39 + 27.45 = 15700.84;
 * dividends 39.75 + 27.45 = 67.20.
 */
class ShowCommandTest extends AppTest {

    @BeforeEach
    void scriptedSession() {
        app.ok("create", "t", "--cash", "20000", "--at", "2013-01-02");
        app.ok("buy", "t", "AAPL", "10", "--at", "2013-01-02");
        app.ok("buy", "t", "AAPL", "5", "--at", "2013-01-03", "--fee", "1");
        app.ok("dividend", "t", "AAPL", "2.65", "--at", "2013-02-07");
        app.ok("sell", "t", "AAPL", "12", "--at", "2013-03-01", "--fee", "9.99");
        app.ok("buy", "t", "^GSPC", "0.5", "--at", "2013-06-03");
        app.ok("withdraw", "t", "500", "--at", "2013-07-01");
    }

    @Test
    void showJson_afterTheSession_matchesTheHandComputedValuation() {
        // as of 2013-12-31: AAPL close 561.02 (AAPL.csv), ^GSPC close 1848.359985 (^GSPC.csv)
        // AAPL  3 x 561.02 = 1683.06; unrealized 1683.06 - 1626.90 = 56.16
        // ^GSPC 0.5 x 1848.359985 = 924.1799925 -> 924.18; unrealized 924.18 - 820.21 = 103.97
        // market value 1683.06 + 924.18 = 2607.24; equity 15700.84 + 2607.24 = 18308.08
        // cost basis 1626.90 + 820.21 = 2447.11; unrealized 2607.24 - 2447.11 = 160.13
        // weights (bc, scale 12) 1683.06 / 18308.08 = 0.091929901988, 924.18 / 18308.08 = 0.050479351193 (8 decimals, half-even)
        // total return (18308.08 - 19500.00) / 19500.00 = -1191.92 / 19500 = -0.061124102564 -> -0.06112410
        // check: realized -1419.25 + unrealized 160.13 + dividends 67.20 = -1191.92 = equity - net deposits
        String id = app.id("t");
        assertThat(app.ok("show", "t", "--at", "2013-12-31", "--json")).isEqualTo(lines(
                "{",
                "  \"portfolio\": {",
                "    \"id\": \"" + id + "\",",
                "    \"name\": \"t\",",
                "    \"owner\": \"local\",",
                "    \"baseCurrency\": \"USD\",",
                "    \"costMethod\": \"FIFO\",",
                "    \"createdAt\": \"2024-06-03T12:00:00Z\"",
                "  },",
                "  \"asOf\": \"2013-12-31\",",
                "  \"latestQuotes\": false,",
                "  \"complete\": true,",
                "  \"missing\": [],",
                "  \"positions\": [",
                "    {",
                "      \"symbol\": \"AAPL\",",
                "      \"currency\": \"USD\",",
                "      \"quantity\": \"3\",",
                "      \"price\": \"561.02\",",
                "      \"priceDate\": \"2013-12-31\",",
                "      \"marketValue\": \"1683.06\",",
                "      \"marketValueInBase\": \"1683.06\",",
                "      \"costBasis\": \"1626.90\",",
                "      \"unrealizedPnl\": \"56.16\",",
                "      \"weight\": \"0.09192990\",",
                "      \"priced\": true",
                "    },",
                "    {",
                "      \"symbol\": \"^GSPC\",",
                "      \"currency\": \"USD\",",
                "      \"quantity\": \"0.5\",",
                "      \"price\": \"1848.359985\",",
                "      \"priceDate\": \"2013-12-31\",",
                "      \"marketValue\": \"924.18\",",
                "      \"marketValueInBase\": \"924.18\",",
                "      \"costBasis\": \"820.21\",",
                "      \"unrealizedPnl\": \"103.97\",",
                "      \"weight\": \"0.05047935\",",
                "      \"priced\": true",
                "    }",
                "  ],",
                "  \"cash\": [",
                "    {",
                "      \"currency\": \"USD\",",
                "      \"amount\": \"15700.84\"",
                "    }",
                "  ],",
                "  \"totals\": {",
                "    \"cash\": \"15700.84\",",
                "    \"marketValue\": \"2607.24\",",
                "    \"equity\": \"18308.08\",",
                "    \"costBasis\": \"2447.11\",",
                "    \"unrealizedPnl\": \"160.13\",",
                "    \"realizedPnl\": \"-1419.25\",",
                "    \"dividends\": \"67.20\",",
                "    \"fees\": \"10.99\",",
                "    \"netDeposits\": \"19500.00\",",
                "    \"totalReturn\": \"-0.06112410\"",
                "  }",
                "}"));
    }

    @Test
    void show_afterTheSession_printsTheSameFiguresAsATable() {
        // the 2013-05-09 dividend was booked by the buy of 2013-06-03 in the session
        assertThat(app.ok("show", "t", "--at", "2013-12-31")).isEqualTo(lines(
                "booked from the quote data: dividend USD 3.05 per share of AAPL at 2013-08-08T00:00:00Z",
                "booked from the quote data: dividend USD 3.05 per share of AAPL at 2013-11-06T00:00:00Z",
                "Portfolio 't' (USD, FIFO) as of 2013-12-31, at the closes on or before that date",
                "",
                "SYMBOL  CCY  QUANTITY        PRICE  PRICE DATE  MARKET VALUE  COST BASIS  UNREALIZED P&L  WEIGHT",
                "AAPL    USD         3       561.02  2013-12-31       1683.06     1626.90           56.16   9.19%",
                "^GSPC   USD       0.5  1848.359985  2013-12-31        924.18      820.21          103.97   5.05%",
                "",
                "Cash            USD  15700.84",
                "Market value    USD   2607.24",
                "Equity          USD  18308.08",
                "Cost basis      USD   2447.11",
                "Unrealized P&L  USD    160.13",
                "Realized P&L    USD  -1419.25",
                "Dividends       USD     67.20",
                "Fees            USD     10.99",
                "Net deposits    USD  19500.00",
                "Total return           -6.11%"));
    }

    @Test
    void show_beforeTheSale_valuesTheEventsUpToThatDate() {
        // as of 2013-02-07: 15 AAPL at that day's close; cash 11837.95 (after the dividend)
        String json = app.ok("show", "t", "--at", "2013-02-07", "--json");
        assertThat(json).contains("\"quantity\": \"15\"", "\"amount\": \"11837.95\"", "\"realizedPnl\": \"0.00\"", "\"dividends\": \"39.75\"");
    }

    @Test
    void show_withoutAt_usesTheLatestClosesAndSaysSo() {
        // the latest closes: AAPL's last row is 2013-12-31, ^GSPC's 2020-04-17; "now" is 2024-06-03
        String json = app.ok("show", "t", "--json");
        assertThat(json).contains("\"asOf\": \"2024-06-03\"", "\"latestQuotes\": true", "\"priceDate\": \"2013-12-31\"",
                "\"priceDate\": \"2020-04-17\"");
    }

    @Test
    void show_unpricedPosition_isMarkedAndTheValuationIncomplete() {
        // 1 XYZ at a given price: no price data, so it is left out of the totals, never valued at zero
        app.ok("buy", "t", "XYZ", "1", "--at", "2013-07-02", "--price", "10");
        String table = app.ok("show", "t", "--at", "2013-12-31");
        assertThat(table).contains(
                "XYZ     USD         1            -  -                      -       10.00               -       -  UNPRICED",
                "INCOMPLETE: left out of the totals: XYZ: no price");
        String json = app.ok("show", "t", "--at", "2013-12-31", "--json");
        assertThat(json).contains("\"complete\": false", "\"missing\": [\n    \"XYZ: no price\"\n  ]",
                "\"symbol\": \"XYZ\",\n      \"currency\": \"USD\",\n      \"quantity\": \"1\",\n      \"price\": null,\n"
                        + "      \"priceDate\": null,\n      \"marketValue\": null,\n      \"marketValueInBase\": null,\n"
                        + "      \"costBasis\": \"10.00\",\n      \"unrealizedPnl\": null,\n      \"weight\": null,\n      \"priced\": false");
    }

    @Test
    void show_emptyPortfolio_hasNoHoldingsAndNoReturn() {
        app.ok("create", "empty");
        assertThat(app.ok("show", "empty")).isEqualTo(lines(
                "Portfolio 'empty' (USD, FIFO) as of 2024-06-03, at the latest prices",
                "",
                "No holdings.",
                "",
                "Cash            USD  0.00",
                "Market value    USD  0.00",
                "Equity          USD  0.00",
                "Cost basis      USD  0.00",
                "Unrealized P&L  USD  0.00",
                "Realized P&L    USD  0.00",
                "Dividends       USD  0.00",
                "Fees            USD  0.00",
                "Net deposits    USD  0.00",
                "Total return            -"));
        assertThat(app.ok("show", "empty", "--json")).contains("\"positions\": [],\n  \"cash\": [],", "\"totalReturn\": null\n");
    }

    @Test
    void show_unknownPortfolio_isAnError() {
        app.fails(1, "erasmo show: no portfolio named 'nope' of owner local (see 'erasmo list')", "show", "nope");
    }
}
