package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.erasmo.quote.CachingQuoteSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class ErasmoAppTest extends AppTest {

    static final List<String> COMMANDS =
            List.of("create", "list", "delete", "deposit", "withdraw", "buy", "sell", "dividend", "split", "show", "report", "demo");

    @Test
    void version_printsTheBuildsVersion() {
        AppRunner.Run r = app.runRaw("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).matches("erasmo \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    }

    @Test
    void help_everyCommand_printsItsUsage() {
        for (String command : COMMANDS) {
            AppRunner.Run help = app.runRaw("help", command);
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: erasmo " + command + " ");
            assertThat(app.runRaw(command, "--help").out()).as(command).isEqualTo(help.out());
        }
        AppRunner.Run top = app.runRaw("--help");
        assertThat(top.out()).contains("--owner=NAME", "--db=FILE|URL", "create", "Exit codes: 0 done, 1 rejected");
    }

    @Test
    void help_everyDescription_escapesItsPercentSigns() {
        // picocli passes each description line through String.format: a lone % (as in "3% (default") is a format specifier
        // without an argument, so picocli warns on System.err and prints the line unformatted; a percent sign is written %%
        List<String> lines = new ArrayList<>();
        List<CommandLine> todo = new ArrayList<>(List.of(ErasmoApp.commandLine(new ErasmoApp(Clock.systemUTC(), Map.of(),
                ErasmoApp::openStore), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))));
        while (!todo.isEmpty()) {
            CommandLine c = todo.remove(todo.size() - 1);
            todo.addAll(c.getSubcommands().values());
            lines.addAll(List.of(c.getCommandSpec().usageMessage().description()));
            for (ArgSpec arg : c.getCommandSpec().args()) {
                // the lines as written: ArgSpec.description() gives them already formatted
                if (arg.userObject() instanceof AnnotatedElement e && e.getAnnotation(Option.class) != null) {
                    lines.addAll(List.of(e.getAnnotation(Option.class).description()));
                } else if (arg.userObject() instanceof AnnotatedElement e && e.getAnnotation(Parameters.class) != null) {
                    lines.addAll(List.of(e.getAnnotation(Parameters.class).description()));
                }
            }
        }
        assertThat(lines).anyMatch(line -> line.startsWith("The annual risk-free rate"));
        for (String line : lines) {
            assertThatCode(() -> String.format(line)).as(line).doesNotThrowAnyException();
        }
    }

    @Test
    void run_withoutCommand_isAUsageError() {
        app.fails(2, "erasmo: missing command (see 'erasmo --help')");
    }

    @Test
    void run_unknownCommand_isAUsageError() {
        app.fails(2, "erasmo: Unmatched argument at index 2: 'frobnicate' (see 'erasmo --help')", "frobnicate");
    }

    @Test
    void run_mistypedCommand_suggestsTheNearOne() {
        app.fails(2, "erasmo: Unmatched arguments from index 2: 'sel', 't', 'AAPL', '1'; did you mean 'sell'? (see 'erasmo --help')",
                "sel", "t", "AAPL", "1");
    }

    @Test
    void run_unknownOption_isAUsageError() {
        app.fails(2, "erasmo list: Unknown option: '--all' (see 'erasmo help list')", "list", "--all");
    }

    @Test
    void run_withErasmoDebug_addsTheStackTrace() {
        AppRunner debug = new AppRunner(dir, Map.of("ERASMO_DEBUG", "1", ErasmoApp.QUOTES_ENV, QuoteData.SAMPLE));
        AppRunner.Run r = debug.run("show", "nope");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith(lines("erasmo show: no portfolio named 'nope' of owner local (see 'erasmo list')")
                + "dev.erasmo.store.PortfolioNotFoundException: no portfolio named 'nope'");
        assertThat(r.err().lines()).anyMatch(l -> l.strip().startsWith("at dev.erasmo.examples."));
    }

    @Test
    void db_inAMissingFolder_createsTheFolderAndTheFile() {
        Path db = dir.resolve("nested/folder/my.db");
        assertThat(app.runRaw("--db", db.toString(), "create", "t").exitCode()).isZero();
        assertThat(db).isRegularFile();
        assertThat(app.runRaw("--db", db.toString(), "list").out()).contains("t     USD       FIFO");
    }

    @Test
    void db_withoutOption_isErasmoDbInTheHomeFolder() {
        String home = System.getProperty("user.home");
        System.setProperty("user.home", dir.toString());
        try {
            assertThat(app.runRaw("create", "t").exitCode()).isZero();
        } finally {
            System.setProperty("user.home", home);
        }
        assertThat(dir.resolve(".erasmo/erasmo.db")).isRegularFile();
    }

    @Test
    void quotes_csvFolder_tradesAtItsCloses() throws IOException {
        Path quotes = Files.createDirectory(dir.resolve("quotes"));
        Files.writeString(quotes.resolve("ACME.csv"), "Date,Close\n2020-01-02,10.5\n2020-01-03,11\n");
        String csv = "csv:" + quotes;
        app.ok("--quotes", csv, "create", "t", "--cash", "100", "--at", "2020-01-02");
        assertThat(app.ok("--quotes", csv, "buy", "t", "ACME", "2", "--at", "2020-01-03")).isEqualTo(lines(
                "bought 2 ACME @ USD 11.00 (close of 2020-01-03) on 2020-01-03, fee USD 0.00: paid USD 22.00; cash: USD 78.00"));
        app.fails(1, "erasmo buy: unknown symbol AAPL: " + quotes.toAbsolutePath() + " has ACME",
                "--quotes", csv, "buy", "t", "AAPL", "1");
    }

    @Test
    void quotes_csvFolderWithAMalformedRow_namesTheFileAndLine() throws IOException {
        Path quotes = Files.createDirectory(dir.resolve("quotes"));
        Files.writeString(quotes.resolve("ACME.csv"), "Date,Close\n2020-01-02,10.5\n2020-01-03,abc\n");
        app.ok("create", "t", "--cash", "100", "--at", "2020-01-02");
        app.fails(1, "erasmo buy: ACME.csv:3: Close 'abc' is not a decimal number",
                "--quotes", "csv:" + quotes, "buy", "t", "ACME", "1", "--at", "2020-01-03");
    }

    @Test
    void quotes_missingFolderOrUnknownKind_areUsageErrors() {
        Path missing = dir.resolve("missing");
        app.fails(2, "erasmo: Invalid value for option '--quotes': '" + missing + "' is not a folder (see 'erasmo --help')",
                "--quotes", "csv:" + missing, "list");
        app.fails(2, "erasmo: Invalid value for option '--quotes': 'bloomberg' is none of 'yahoo', 'yahoo=URL', 'sample' or 'csv:DIR'"
                + " (see 'erasmo --help')", "--quotes", "bloomberg", "list");
    }

    @Test
    void quotes_withoutOptionOrVariable_isYahooFinanceCachedForTheRun() {
        // every other test runs with ERASMO_QUOTES=sample (AppRunner), so that none reaches the network;
        // here nothing is set, or the variable is blank: the default. Nothing is fetched.
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of(ErasmoApp.QUOTES_ENV, ""), Map.of(ErasmoApp.QUOTES_ENV, "  "))) {
            QuoteData q = new ErasmoApp(Clock.fixed(AppRunner.NOW, ZoneOffset.UTC), env, ErasmoApp::openStore).quoteData();

            // Yahoo's own hosts (with yahoo=URL the name says "at URL"), any symbol (no list of the symbols there are)
            assertThat(q.name()).as("%s", env).isEqualTo("Yahoo Finance");
            assertThat(q.symbols()).as("%s", env).isNull();
            assertThat(q.source()).as("%s", env).isInstanceOf(CachingQuoteSource.class);
        }
    }
}
