package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily curve on the sample data. AAPL closes (AAPL.csv): 2013-01-02 549.03, 01-03 542.10,
 * 01-04 527.00, 01-07 523.90.
 */
class HistoryCommandTest extends AppTest {

    @BeforeEach
    void session() {
        // 10000 in, 10 AAPL at 549.03 = 5490.30: cash 4509.70; 5000 more on 01-07
        app.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        app.ok("buy", "t", "AAPL", "10", "--at", "2013-01-02");
        app.ok("deposit", "t", "5000", "--at", "2013-01-07");
    }

    @Test
    void history_table_showsEachDayAndTheLinkedReturn() {
        // 01-03: 4509.70 + 5421.00 = 9930.70, 9930.70 / 10000 - 1 = -0.69%;
        // 01-04: 4509.70 + 5270.00 = 9779.70, -1.52%;
        // 01-07: 9509.70 + 5239.00 = 14748.70, / (9779.70 + 5000) - 1 = -0.21% (the deposit is not a gain)
        // linked: 14748.70/14779.70 x 9779.70/10000 - 1 = 0.9759436 - 1 = -2.41%
        assertThat(app.ok("history", "t", "--to", "2013-01-07")).isEqualTo(lines(
                "Portfolio 't' (USD) day by day, 2013-01-02 to 2013-01-07",
                "",
                "DATE           CASH  MARKET VALUE    EQUITY      FLOW  INCOME  FEES  RETURN",
                "2013-01-02  4509.70       5490.30  10000.00  10000.00                 0.00%",
                "2013-01-03  4509.70       5421.00   9930.70                          -0.69%",
                "2013-01-04  4509.70       5270.00   9779.70                          -1.52%",
                "2013-01-07  9509.70       5239.00  14748.70   5000.00                -0.21%",
                "",
                "Time-weighted return: -2.41% (daily returns linked; deposits and withdrawals are not gains)"));
    }

    @Test
    void history_csv_hasExactDecimalsAndTheDividend() {
        // the 2013-02-07 dividend of 2.65 on 10 shares (booked first, silently in CSV mode) is the day's income
        String csv = app.ok("history", "t", "--from", "2013-02-07", "--to", "2013-02-07", "--csv");
        // 02-07: close 468.22, cash 9509.70 + 26.50 = 9536.20, equity 9536.20 + 4682.20 = 14218.40
        assertThat(csv).startsWith(lines("date,currency,cash,market_value,equity,external_flow,income,fees,daily_return,carried,missing"))
                .contains("2013-02-07,USD,9536.20,4682.20,14218.40,0.00,26.50,0.00,");
    }

    @Test
    void history_fromAfterTo_isAUsageError() {
        app.fails(2, "erasmo history: --from 2013-02-01 is after --to 2013-01-10", "history", "t", "--from", "2013-02-01", "--to", "2013-01-10");
    }
}
