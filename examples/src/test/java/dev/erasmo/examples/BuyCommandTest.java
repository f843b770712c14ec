package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuyCommandTest extends AppTest {

    @Test
    void buy_atADate_fillsAtThatDaysCloseAndSaysSo() {
        app.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        // AAPL.csv 2013-01-02 close 549.03: 10 x 549.03 = 5490.30; 10000.00 - 5490.30 = 4509.70
        assertThat(app.ok("buy", "t", "AAPL", "10", "--at", "2013-01-02")).isEqualTo(lines(
                "bought 10 AAPL @ USD 549.03 (close of 2013-01-02) on 2013-01-02, fee USD 0.00: paid USD 5490.30; cash: USD 4509.70"));
    }

    @Test
    void buy_onASaturday_fillsAtTheCloseBeforeWithItsDate() {
        app.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        // 2013-01-05 is a Saturday; the last close before it is Friday 2013-01-04's 527.00; 2 x 527.00 = 1054.00
        assertThat(app.ok("buy", "t", "aapl", "2", "--at", "2013-01-05")).isEqualTo(lines(
                "bought 2 AAPL @ USD 527.00 (close of 2013-01-04) on 2013-01-05, fee USD 0.00: paid USD 1054.00; cash: USD 8946.00"));
    }

    @Test
    void buy_withoutAt_fillsAtTheLatestCloseNow() {
        app.ok("create", "t", "--cash", "1000", "--at", "2013-01-02");
        // the last row of AAPL.csv: 2013-12-31 close 561.02; 1000.00 - 561.02 = 438.98
        assertThat(app.ok("buy", "t", "AAPL", "1")).isEqualTo(lines(
                "bought 1 AAPL @ USD 561.02 (close of 2013-12-31) on 2024-06-03T12:00:00Z, fee USD 0.00: paid USD 561.02; cash: USD 438.98"));
    }

    @Test
    void buy_withPriceAndFee_paysPriceTimesQuantityPlusFee() {
        app.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        // 10 x 500 = 5000.00, + fee 1.50 = 5001.50; 10000.00 - 5001.50 = 4998.50
        assertThat(app.ok("buy", "t", "AAPL", "10", "--at", "2013-01-02", "--price", "500", "--fee", "1.5")).isEqualTo(lines(
                "bought 10 AAPL @ USD 500.00 (given price) on 2013-01-02, fee USD 1.50: paid USD 5001.50; cash: USD 4998.50"));
    }

    @Test
    void buy_unknownSymbol_saysWhichSymbolsThereAre() {
        app.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        app.fails(1, "erasmo buy: unknown symbol ZZZZ: the sample data has AAPL, MSFT, NVDA, ^GSPC", "buy", "t", "ZZZZ", "1");
    }

    @Test
    void buy_beforeTheDataStarts_saysWhereItStarts() {
        app.ok("create", "t", "--cash", "10000", "--at", "2012-01-02");
        app.fails(1, "erasmo buy: no close for AAPL on or before 2012-06-01 (looked back 14 days); its data runs from 2013-01-02 to 2013-12-31",
                "buy", "t", "AAPL", "1", "--at", "2012-06-01");
    }

    @Test
    void buy_badQuantities_areUsageErrors() {
        app.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        String prefix = "erasmo buy: Invalid value for positional parameter at index 2 (QTY): ";
        String help = " (see 'erasmo help buy')";
        app.fails(2, prefix + "quantity -5 must not be negative" + help, "buy", "t", "AAPL", "-5");
        app.fails(2, prefix + "quantity 0 is not above zero" + help, "buy", "t", "AAPL", "0");
        app.fails(2, prefix + "'NaN' is not a decimal number" + help, "buy", "t", "AAPL", "NaN");
        app.fails(2, prefix + "'ten' is not a decimal number" + help, "buy", "t", "AAPL", "ten");
        app.fails(2, prefix + "'1e3' is not a decimal number" + help, "buy", "t", "AAPL", "1e3");
        app.fails(2, prefix + "quantity 0.0000000001 has more than 9 decimal places" + help, "buy", "t", "AAPL", "0.0000000001");
    }

    @Test
    void buy_feeFinerThanACent_isAUsageError() {
        app.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        app.fails(2, "erasmo buy: invalid --fee: USD amount 0.001 has more than 2 decimal places", "buy", "t", "AAPL", "1", "--at", "2013-01-02", "--fee", "0.001");
    }

    @Test
    void buy_moreThanTheCash_isRejected() {
        app.ok("create", "t", "--cash", "1000", "--at", "2013-01-02");
        app.fails(1, "erasmo buy: rejected: buy of 10 AAPL for USD 5490.30 needs USD 5490.30 but only USD 1000.00 is held",
                "buy", "t", "AAPL", "10", "--at", "2013-01-02");
    }

    @Test
    void buy_backDatedBeforeAnyCash_isRejectedWithTheFix() {
        app.ok("create", "t", "--cash", "10000", "--at", "2013-06-03");
        app.fails(1, "erasmo buy: rejected: buy of 10 AAPL for USD 5490.30 needs USD 5490.30 but only USD 0.00 is held;"
                + " 't' has no cash on or before 2013-01-02: deposit with an earlier --at first,"
                + " e.g. 'erasmo deposit t AMOUNT --at 2013-01-02'", "buy", "t", "AAPL", "10", "--at", "2013-01-02");
        // the fix works; the cash of the later deposit joins it afterwards
        app.ok("deposit", "t", "5490.30", "--at", "2013-01-02");
        assertThat(app.ok("buy", "t", "AAPL", "10", "--at", "2013-01-02")).isEqualTo(lines(
                "bought 10 AAPL @ USD 549.03 (close of 2013-01-02) on 2013-01-02, fee USD 0.00: paid USD 5490.30;"
                        + " cash: USD 0.00 (USD 10000.00 now, after the later events)"));
    }

    @Test
    void buy_backDatedLeavingALaterBuyWithoutCash_isRejected() {
        app.ok("create", "t", "--cash", "6000", "--at", "2013-01-02");
        // 10 x 450.72 (2013-06-03) = 4507.20, leaving 1492.80
        app.ok("buy", "t", "AAPL", "10", "--at", "2013-06-03");
        // back-dated: 6000.00 - 5490.30 = 509.70 left on 2013-01-02, short of the later 4507.20
        app.fails(1, "erasmo buy: rejected: back-dated buy 10 AAPL @ USD 549.03 at 2013-01-02T00:00:00Z would make the later event #2"
                + " (buy 10 AAPL @ USD 450.72 at 2013-06-03T00:00:00Z) invalid: buy of 10 AAPL for USD 4507.20 needs USD 4507.20"
                + " but only USD 509.70 is held", "buy", "t", "AAPL", "10", "--at", "2013-01-02");
    }

    @Test
    void buy_unknownPortfolio_isAnError() {
        app.fails(1, "erasmo buy: no portfolio named 'nope' of owner local (see 'erasmo list')", "buy", "nope", "AAPL", "1");
    }

    @Test
    void buy_missingQuantity_isAUsageError() {
        app.fails(2, "erasmo buy: Missing required parameter: 'QTY' (see 'erasmo help buy')", "buy", "t", "AAPL");
    }
}
