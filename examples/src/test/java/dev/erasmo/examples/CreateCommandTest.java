package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreateCommandTest extends AppTest {

    @Test
    void create_withBackDatedCash_booksTheOpeningDepositAtThatDate() {
        assertThat(app.ok("create", "tech", "--cash", "10000", "--at", "2013-01-02")).isEqualTo(lines(
                "created portfolio 'tech' (USD, FIFO)",
                "deposited USD 10000.00 on 2013-01-02; cash: USD 10000.00"));
        assertThat(app.stored()).contains("at=2013-01-02T00:00:00Z, amount=USD 10000.00");
    }

    @Test
    void create_withoutCash_createsAnEmptyPortfolio() {
        assertThat(app.ok("create", "tech")).isEqualTo(lines("created portfolio 'tech' (USD, FIFO)"));
        assertThat(app.ok("list")).contains("tech  USD       FIFO              0  2024-06-03T12:00:00Z");
    }

    @Test
    void create_withCurrencyAndAverageCost_keepsThem() {
        assertThat(app.ok("create", "yen", "--currency", "jpy", "--cost-method", "average", "--cash", "1500000", "--at", "2013-01-02"))
                .isEqualTo(lines(
                        "created portfolio 'yen' (JPY, AVERAGE)",
                        "deposited JPY 1500000 on 2013-01-02; cash: JPY 1500000"));
    }

    @Test
    void create_negativeCash_isAUsageErrorAndCreatesNothing() {
        app.fails(2, "erasmo create: Invalid value for option '--cash': -5 is not above zero (see 'erasmo help create')",
                "create", "tech", "--cash", "-5");
        assertThat(app.stored()).isEmpty();
    }

    @Test
    void create_cashWithMoreDecimalsThanTheCurrency_createsNothing() {
        app.fails(2, "erasmo create: USD amount 10.001 has more than 2 decimal places", "create", "tech", "--cash", "10.001");
        app.fails(2, "erasmo create: JPY amount 0.5 has more than 0 decimal places",
                "create", "yen", "--currency", "JPY", "--cash", "0.5");
        assertThat(app.stored()).isEmpty();
    }

    @Test
    void create_unknownCurrency_isAUsageError() {
        app.fails(2, "erasmo create: Invalid value for option '--currency': unknown currency 'XYZ': not an ISO 4217 code"
                + " (see 'erasmo help create')", "create", "tech", "--currency", "XYZ");
    }

    @Test
    void create_duplicateName_isRejectedAndTheFirstIsKept() {
        app.ok("create", "tech", "--cash", "100", "--at", "2013-01-02");
        app.fails(1, "erasmo create: a portfolio named 'tech' exists already (see 'erasmo list')", "create", "tech", "--cash", "5");
    }

    @Test
    void create_atInTheFuture_isAUsageError() {
        app.fails(2, "erasmo create: --at 2030-01-01 is in the future (now is 2024-06-03T12:00:00Z)",
                "create", "tech", "--cash", "100", "--at", "2030-01-01");
    }

    @Test
    void create_malformedAt_isAUsageError() {
        app.fails(2, "erasmo create: Invalid value for option '--at': '2013-02-30' is neither a date like 2013-01-02"
                + " nor an instant like 2013-01-02T21:00:00Z (see 'erasmo help create')", "create", "tech", "--at", "2013-02-30");
    }

    @Test
    void create_blankName_isAUsageError() {
        app.fails(2, "erasmo create: portfolio name must have 1 to 100 characters, not blank, no control or invisible formatting characters,"
                + " no lone surrogate (half of a character)", "create", " ");
    }

    @Test
    void create_atBefore1900_isAUsageErrorAndWritesNothing() {
        app.fails(2, "erasmo create: Invalid value for option '--at': '-1000000000-01-01T00:00:00Z' is before 1900-01-01, the earliest date erasmo takes (see 'erasmo help create')",
                "create", "q", "--cash", "5", "--at", "-1000000000-01-01T00:00:00Z");
        assertThat(app.ok("list")).doesNotContain("q ");
    }
}
