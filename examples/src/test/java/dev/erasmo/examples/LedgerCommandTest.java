package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerCommandTest extends AppTest {

    @Test
    void ledger_listsEventsInEffectiveOrderWithTheirRecordedNumbers() {
        app.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        app.ok("buy", "t", "AAPL", "10", "--at", "2013-02-06", "--fee", "1");
        // the buy on the ex-date first books the sample data's dividend of 2.65 (#3), paid on the
        // 10 shares held before the day's trades, then itself (#4)
        assertThat(app.ok("buy", "t", "AAPL", "1", "--at", "2013-02-07"))
                .startsWith("booked from the quote data: dividend USD 2.65 per share of AAPL at 2013-02-07T00:00:00Z");
        // the same dividend booked again by hand is refused, nothing written
        app.fails(1, "erasmo dividend: rejected: a dividend of AAPL on 2013-02-07 is already booked (#3: dividend USD 2.65 per share of AAPL"
                + " at 2013-02-07T00:00:00Z); book one dividend per symbol and date, with the total per share",
                "dividend", "t", "AAPL", "2.65", "--at", "2013-02-07");
        // recorded fifth, back-dated to first: a deposit before the opening one
        app.ok("deposit", "t", "5", "--at", "2013-01-01");
        // closes (sample AAPL.csv): 2013-02-06 457.35, 2013-02-07 468.22
        assertThat(app.ok("ledger", "t")).isEqualTo(lines(
                "#5  deposit of USD 5.00 at 2013-01-01T00:00:00Z",
                "#1  deposit of USD 10000.00 at 2013-01-02T00:00:00Z",
                "#2  buy 10 AAPL @ USD 457.35 fee USD 1.00 at 2013-02-06T00:00:00Z",
                "#3  dividend USD 2.65 per share of AAPL at 2013-02-07T00:00:00Z",
                "#4  buy 1 AAPL @ USD 468.22 at 2013-02-07T00:00:00Z"));
    }

    @Test
    void ledger_unknownPortfolio_isAnError() {
        app.fails(1, "erasmo ledger: no portfolio named 'nope' of owner local (see 'erasmo list')", "ledger", "nope");
    }
}
