package dev.erasmo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoCommandTest extends AppTest {

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
    void demo_ignoresTheUsersDatabase() {
        app.ok("create", "mine");
        app.ok("demo");
        assertThat(app.stored()).contains("name=mine,").doesNotContain("name=demo,");
    }
}
