package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SellCommandTest extends AppTest {

    @BeforeEach
    void tenApple() {
        // 10 x 549.03 (AAPL close 2013-01-02) = 5490.30; 10000.00 - 5490.30 = 4509.70 cash
        app.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        app.ok("buy", "t", "AAPL", "10", "--at", "2013-01-02");
    }

    @Test
    void sell_partWithFee_receivesGrossMinusFee() {
        // the sell first books the dividend of 2013-02-07 on the 10 held: 10 x 2.65 = 26.50;
        // 4 x 430.47 (AAPL close 2013-03-01) = 1721.88, - fee 9.99 = 1711.89; 4509.70 + 26.50 + 1711.89 = 6248.09
        assertThat(app.ok("sell", "t", "AAPL", "4", "--at", "2013-03-01", "--fee", "9.99")).isEqualTo(lines(
                "booked from the quote data: dividend USD 2.65 per share of AAPL at 2013-02-07T00:00:00Z",
                "sold 4 AAPL @ USD 430.47 (close of 2013-03-01) on 2013-03-01, fee USD 9.99: received USD 1711.89; cash: USD 6248.09"));
    }

    @Test
    void sell_moreThanHeld_isRejected() {
        app.ok("show", "t", "--at", "2013-03-01"); // books the dividend due, so the rejected sell changes nothing
        app.fails(1, "erasmo sell: rejected: cannot sell 11 AAPL at 2013-03-01T00:00:00Z: only 10 held (short selling is not supported)",
                "sell", "t", "AAPL", "11", "--at", "2013-03-01");
    }

    @Test
    void sell_backDatedBeforeTheBuy_isRejected() {
        app.fails(1, "erasmo sell: rejected: cannot sell 5 AAPL at 2013-01-01T00:00:00Z: only 0 held (short selling is not supported)",
                "sell", "t", "AAPL", "5", "--at", "2013-01-01", "--price", "500");
    }

    @Test
    void sell_negativeFee_isAUsageError() {
        app.fails(2, "erasmo sell: Invalid value for option '--fee': -1 is negative (see 'erasmo help sell')",
                "sell", "t", "AAPL", "1", "--fee", "-1");
    }

    @Test
    void sell_nanPrice_isAUsageError() {
        app.fails(2, "erasmo sell: Invalid value for option '--price': 'NaN' is not a decimal number (see 'erasmo help sell')",
                "sell", "t", "AAPL", "1", "--price", "NaN");
    }
}
