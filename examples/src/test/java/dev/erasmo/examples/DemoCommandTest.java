package dev.erasmo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.Erasmo;
import dev.erasmo.Reconciliations;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import dev.erasmo.performance.PositionReconciliation;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.quote.QuoteSource;
import dev.erasmo.store.jdbc.JdbcPortfolioStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoCommandTest extends AppTest {

    @BeforeEach
    void reportInTheTestsFolder() {
        // the demo writes its report to TMPDIR, here the test's folder rather than the system's
        app = new AppRunner(dir, Map.of(ErasmoApp.QUOTES_ENV, QuoteData.SAMPLE, "TMPDIR", dir.toString()));
    }

    @Test
    void demo_runsTheScriptedSessionAndDeletesItsDatabase() {
        AppRunner.Run r = app.runRaw("demo");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        // the dividend and the split come from AAPL.dividends.csv and NVDA.splits.csv
        assertThat(r.out()).contains(
                "$ erasmo dividend demo AAPL 2.65 --at 2013-02-07",
                "$ erasmo split demo NVDA 4:1 --at 2021-07-20",
                "now 40 NVDA, cost basis still USD 5299.75",
                "$ erasmo show demo",
                "Total return");
        assertThat(r.out()).doesNotContain("INCOMPLETE");
        Matcher db = Pattern.compile("database (\\S+) that is deleted").matcher(r.out());
        assertThat(db.find()).isTrue();
        assertThat(Path.of(db.group(1)).getParent()).doesNotExist();
    }

    @Test
    void demo_writesTheReportOfItsPortfolioWhereItSays() throws Exception {
        String out = app.ok("demo");
        Path report = dir.resolve(DemoCommand.REPORT).toAbsolutePath();
        assertThat(out).contains("$ erasmo report demo --out " + report + " --from 2013-01-02 --to 2013-12-31 --benchmark ^GSPC",
                "wrote report of 'demo' to " + report, "Open " + report + " in a browser");
        String html = Files.readString(report);
        // the return against ^GSPC, the drawdown and the allocation, in a well-formed page
        assertThat(ReportCommandTest.svgs(ReportCommandTest.parse(report))).hasSize(3);
        assertThat(html).contains("<h1>demo</h1>", "^GSPC", ">AAPL<", "Time-weighted return", "Beta");
        assertThat(html).doesNotContain("UNPRICED", "INCOMPLETE", "had no price");
    }

    /*
     * The demo's own bookings, replayed into a database that stays, then every P&L identity checked on every period between
     * the dates of its events, for the portfolio and for MSFT, AAPL and NVDA (AAPL has no price after 2013 in the sample data:
     * its cost is the unpriced term there). NVDA from its buy: 10 bought at 529.48 + 4.95 fee = 5,299.75 (the cost basis
     * the demo prints), 4-for-1 into 40, 20 sold: 0 held before, 20 after.
     */
    @Test
    void demo_bookingsReplayed_balanceEveryPeriodAndPosition() throws Exception {
        QuoteSource quotes = QuoteData.sample().source();
        for (String[] step : DemoCommand.bookings(quotes)) {
            app.ok(step);
        }
        try (JdbcPortfolioStore store = JdbcPortfolioStore.sqlite(app.db())) {
            Erasmo erasmo = Erasmo.builder().store(store).quotes(quotes).clock(Clock.fixed(AppRunner.NOW, ZoneOffset.UTC)).build();
            PortfolioId id = PortfolioId.of(app.id("demo"));
            // 12 dates of events (create and buy 2000-10-02, 2 MSFT sells, AAPL's buy and 4 dividends, the withdrawal, the deposit
            // and NVDA's buy 2021-02-01, its split, its sell) and the day after: 13 x 14 / 2 = 91 periods
            assertThat(Reconciliations.verifyEveryPeriod(erasmo, id)).isEqualTo(91);
            PositionReconciliation nvda = erasmo.reconcile(id, Symbol.of("NVDA"), LocalDate.parse("2021-02-01"), LocalDate.parse("2021-11-22"));
            assertThat(nvda.purchases()).isEqualTo(Money.of("USD", "5299.75"));
            assertThat(List.of(nvda.startQuantity(), nvda.endQuantity())).containsExactly(Quantity.ZERO, Quantity.of(20));
        }
    }

    @Test
    void demo_ignoresTheUsersDatabase() {
        app.ok("create", "mine");
        app.ok("demo");
        assertThat(app.stored()).contains("name=mine,").doesNotContain("name=demo,");
    }
}
