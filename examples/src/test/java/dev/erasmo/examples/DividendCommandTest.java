package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DividendCommandTest extends AppTest {

    @BeforeEach
    void tenApple() {
        // 10 x 549.03 = 5490.30; 10000.00 - 5490.30 = 4509.70 cash
        app.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        app.ok("buy", "t", "AAPL", "10", "--at", "2013-01-02");
    }

    @Test
    void dividend_onUnitsHeld_creditsPerShareTimesUnits() {
        // AAPL.dividends.csv: 2.65 on 2013-02-07; 10 x 2.65 = 26.50; 4509.70 + 26.50 = 4536.20
        assertThat(app.ok("dividend", "t", "AAPL", "2.65", "--at", "2013-02-07")).isEqualTo(lines(
                "dividend of USD 2.65 per share on 10 AAPL on 2013-02-07: received USD 26.50; cash: USD 4536.20"));
    }

    @Test
    void dividend_beforeTheBuy_isRejected() {
        app.fails(1, "erasmo dividend: rejected: dividend on AAPL on 2012-11-07: no AAPL held then",
                "dividend", "t", "AAPL", "2.65", "--at", "2012-11-07");
    }

    @Test
    void dividend_withoutAt_isAUsageError() {
        app.fails(2, "erasmo dividend: Missing required option: '--at=DATE' (see 'erasmo help dividend')", "dividend", "t", "AAPL", "2.65");
    }
}
