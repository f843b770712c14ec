package dev.erasmo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void demo_ignoresTheUsersDatabase() {
        app.ok("create", "mine");
        app.ok("demo");
        assertThat(app.stored()).contains("name=mine,").doesNotContain("name=demo,");
    }
}
