package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SplitCommandTest extends AppTest {

    @BeforeEach
    void tenNvidia() {
        // NVDA close 2021-02-01 529.48: 10 x 529.48 = 5294.80, + fee 4.95 = 5299.75 cost; 10000.00 - 5299.75 = 4700.25 cash
        app.ok("create", "t", "--cash", "10000", "--at", "2021-02-01");
        app.ok("buy", "t", "NVDA", "10", "--at", "2021-02-01", "--fee", "4.95");
    }

    @Test
    void split_fourForOne_quadruplesUnitsAndKeepsCost() {
        assertThat(app.ok("split", "t", "NVDA", "4:1", "--at", "2021-07-20")).isEqualTo(lines(
                "split NVDA 4:1 on 2021-07-20: now 40 NVDA, cost basis still USD 5299.75"));
        // a dividend after the split is paid on the split units: 40 x 0.04 = 1.60; 4700.25 + 1.60 = 4701.85
        assertThat(app.ok("dividend", "t", "NVDA", "0.04", "--at", "2021-08-31")).isEqualTo(lines(
                "dividend of USD 0.04 per share on 40 NVDA on 2021-08-31: received USD 1.60; cash: USD 4701.85"));
        // 20 x 319.56 (NVDA close 2021-11-22, after the split) = 6391.20, - 4.95 = 6386.25; 4701.85 + 6386.25 = 11088.10
        assertThat(app.ok("sell", "t", "NVDA", "20", "--at", "2021-11-22", "--fee", "4.95")).isEqualTo(lines(
                "sold 20 NVDA @ USD 319.56 (close of 2021-11-22) on 2021-11-22, fee USD 4.95: received USD 6386.25; cash: USD 11088.10"));
    }

    @Test
    void split_threeForTwoOnAnOddNumber_keepsTheFraction() {
        // 5 x 100 = 500.00; 5 x 3 / 2 = 7.5 units, cost unchanged
        app.ok("buy", "t", "XYZ", "5", "--at", "2021-03-01", "--price", "100");
        assertThat(app.ok("split", "t", "XYZ", "3/2", "--at", "2021-04-01")).isEqualTo(lines(
                "split XYZ 3:2 on 2021-04-01: now 7.5 XYZ, cost basis still USD 500.00"));
    }

    @Test
    void split_notHeld_isRejected() {
        app.fails(1, "erasmo split: rejected: 4-for-1 split of AAPL at 2021-07-20T00:00:00Z: no AAPL held then",
                "split", "t", "AAPL", "4:1", "--at", "2021-07-20");
    }

    @Test
    void split_badRatios_areUsageErrors() {
        String prefix = "erasmo split: Invalid value for positional parameter at index 2 (N:M): ";
        String help = " (see 'erasmo help split')";
        app.fails(2, prefix + "split 4:4 must have two different parts above zero" + help, "split", "t", "NVDA", "4:4", "--at", "2021-07-20");
        app.fails(2, prefix + "split 0:1 must have two different parts above zero" + help, "split", "t", "NVDA", "0:1", "--at", "2021-07-20");
        app.fails(2, prefix + "'four' is not a ratio like 4:1" + help, "split", "t", "NVDA", "four", "--at", "2021-07-20");
    }
}
