package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListCommandTest extends AppTest {

    @Test
    void list_none_saysHowToCreateOne() {
        assertThat(app.ok("list")).isEqualTo(lines("no portfolios of owner local yet: create one with 'erasmo create NAME --cash AMOUNT'"));
    }

    @Test
    void list_some_listsThemByNameWithTheirEvents() {
        app.ok("create", "zeta", "--cash", "100", "--at", "2013-01-02");
        app.ok("create", "alpha", "--currency", "EUR", "--cost-method", "AVERAGE");
        assertThat(app.ok("list")).isEqualTo(lines(
                "NAME   CURRENCY  COST METHOD  EVENTS  CREATED               ID",
                "alpha  EUR       AVERAGE           0  2024-06-03T12:00:00Z  " + app.id("alpha"),
                "zeta   USD       FIFO              1  2024-06-03T12:00:00Z  " + app.id("zeta")));
    }
}
