package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WithdrawCommandTest extends AppTest {

    @BeforeEach
    void thousandDollars() {
        app.ok("create", "t", "--cash", "1000", "--at", "2013-01-02");
    }

    @Test
    void withdraw_lessThanHeld_leavesTheRest() {
        assertThat(app.ok("withdraw", "t", "400")).isEqualTo(lines("withdrew USD 400.00 on 2024-06-03T12:00:00Z; cash: USD 600.00"));
    }

    @Test
    void withdraw_moreThanHeld_isRejected() {
        app.fails(1, "erasmo withdraw: rejected: withdrawal of USD 1000.01 needs USD 1000.01 but only USD 1000.00 is held",
                "withdraw", "t", "1000.01");
    }

    @Test
    void withdraw_backDatedLeavingALaterBuyWithoutCash_isRejected() {
        // 2 x 450.72 (AAPL close 2013-06-03) = 901.44, leaving 98.56
        app.ok("buy", "t", "AAPL", "2", "--at", "2013-06-03");
        // 1000.00 - 200.00 = 800.00 on 2013-01-03, short of the later 901.44
        app.fails(1, "erasmo withdraw: rejected: back-dated withdrawal of USD 200.00 at 2013-01-03T00:00:00Z would make the later event #2"
                + " (buy 2 AAPL @ USD 450.72 at 2013-06-03T00:00:00Z) invalid: buy of 2 AAPL for USD 901.44 needs USD 901.44"
                + " but only USD 800.00 is held", "withdraw", "t", "200", "--at", "2013-01-03");
        // a withdrawal books the dividends due first: 2 x 3.05 on 2013-08-08 and on 2013-11-06; 98.56 + 12.20 - 98.56 = 12.20
        assertThat(app.ok("withdraw", "t", "98.56")).isEqualTo(lines(
                "booked from the quote data: dividend USD 3.05 per share of AAPL at 2013-08-08T00:00:00Z",
                "booked from the quote data: dividend USD 3.05 per share of AAPL at 2013-11-06T00:00:00Z",
                "withdrew USD 98.56 on 2024-06-03T12:00:00Z; cash: USD 12.20"));
    }
}
