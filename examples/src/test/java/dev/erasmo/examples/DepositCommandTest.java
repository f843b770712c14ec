package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DepositCommandTest extends AppTest {

    @BeforeEach
    void emptyPortfolio() {
        app.ok("create", "t");
    }

    @Test
    void deposit_backDated_isBookedAtThatDate() {
        assertThat(app.ok("deposit", "t", "250.5", "--at", "2013-01-02")).isEqualTo(lines("deposited USD 250.50 on 2013-01-02; cash: USD 250.50"));
        assertThat(app.ok("deposit", "t", "0.25", "--at", "2013-01-02T21:00:00Z"))
                .isEqualTo(lines("deposited USD 0.25 on 2013-01-02T21:00:00Z; cash: USD 250.75"));
    }

    @Test
    void deposit_withoutAt_isBookedNow() {
        assertThat(app.ok("deposit", "t", "100")).isEqualTo(lines("deposited USD 100.00 on 2024-06-03T12:00:00Z; cash: USD 100.00"));
    }

    @Test
    void deposit_badAmounts_areUsageErrors() {
        String prefix = "erasmo deposit: Invalid value for positional parameter at index 1 (AMOUNT): ";
        String help = " (see 'erasmo help deposit')";
        app.fails(2, prefix + "'NaN' is not a decimal number" + help, "deposit", "t", "NaN");
        app.fails(2, prefix + "'1,000' is not a decimal number" + help, "deposit", "t", "1,000");
        app.fails(2, prefix + "-5 is not above zero" + help, "deposit", "t", "-5");
        app.fails(2, prefix + "0 is not above zero" + help, "deposit", "t", "0");
    }

    @Test
    void deposit_unknownPortfolio_isAnError() {
        app.fails(1, "erasmo deposit: no portfolio named 'nope' of owner local (see 'erasmo list')", "deposit", "nope", "100");
    }
}
