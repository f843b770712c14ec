package dev.erasmo.examples;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.quote.DividendEvent;
import dev.erasmo.quote.QuoteSource;
import dev.erasmo.quote.SplitEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code erasmo demo}: a scripted session on the bundled real prices, in a throw-away SQLite
 * database that is deleted at the end. Each step is printed as a user would type it, then run
 * through the same command line. The dividends and the split come from the sample data's
 * history, not from this script. It ends by writing the HTML report of its portfolio to a file
 * that stays, in {@link ErasmoApp#tempDir()}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs a scripted session on the bundled real prices in a throw-away database (deleted at the end).",
            "Ignores --db and --quotes: it always uses a temporary database and the sample data. Ends by writing the",
            "report of its portfolio to $TMPDIR/" + DemoCommand.REPORT + " (or Java's temporary folder), which stays."})
final class DemoCommand implements Callable<Integer> {

    private static final String NAME = "demo";
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol NVDA = Symbol.of("NVDA");
    private static final LocalDate AAPL_BOUGHT = LocalDate.of(2013, 1, 2);
    private static final LocalDate NVDA_BOUGHT = LocalDate.of(2021, 2, 1);
    private static final LocalDate NVDA_SOLD = LocalDate.of(2021, 11, 22);
    /** The report's file, in {@link ErasmoApp#tempDir()}; it outlives the demo. */
    static final String REPORT = "erasmo-demo-report.html";

    @ParentCommand
    ErasmoApp app;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("erasmo-demo-");
        try {
            Script script = new Script(dir.resolve("erasmo.db"), out);
            out.println("erasmo demo: a paper-trading session on real daily prices (the sample data), in a throw-away");
            out.println("database " + script.db + " that is deleted at the end. Each step is what you would type.");
            for (String[] step : bookings(QuoteData.sample().source())) {
                script.run(step);
            }
            script.run("list");
            script.run("show", NAME);
            // 2013 only: the sample data has AAPL's closes of 2013 alone, and a day on which a holding has no price
            // would count it as gone from the equity (a fake loss)
            Path report = app.tempDir().resolve(REPORT).toAbsolutePath();
            script.run("report", NAME, "--out", report.toString(), "--from", AAPL_BOUGHT.toString(), "--to", "2013-12-31", "--benchmark", "^GSPC");
            out.println();
            out.println("Open " + report + " in a browser: AAPL's year 2013 against the S&P 500 (the sample data has AAPL's"
                    + " prices of 2013 only); it stays when the demo ends.");
            out.println("Done; the throw-away database is deleted. Your own portfolios live in ~/" + ErasmoApp.DEFAULT_DB
                    + " (or --db FILE): try 'erasmo create mine --cash 10000 --at 2013-01-02'. Prices come from Yahoo Finance"
                    + " unless you add --quotes sample (or export ERASMO_QUOTES=sample) for the data used here.");
            return ErasmoApp.EXIT_OK;
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * The steps of the demo that book its portfolio's events, as typed after {@code erasmo}: the
     * dividends and the split are those of the quote data.
     *
     * @param quotes the sample data
     * @return the steps, in order
     */
    static List<String[]> bookings(QuoteSource quotes) {
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[] {"create", NAME, "--cash", "10000", "--at", "2000-10-02"});
        steps.add(new String[] {"buy", NAME, "MSFT", "100", "--at", "2000-10-02"});
        steps.add(new String[] {"sell", NAME, "MSFT", "40", "--at", "2001-01-19", "--fee", "9.99"});
        steps.add(new String[] {"sell", NAME, "MSFT", "60", "--at", "2001-09-27"});
        steps.add(new String[] {"buy", NAME, AAPL.value(), "10", "--at", AAPL_BOUGHT.toString()});
        for (DividendEvent d : quotes.history(AAPL, AAPL_BOUGHT, AAPL_BOUGHT.plusYears(1)).dividends()) {
            steps.add(new String[] {"dividend", NAME, AAPL.value(), d.perShare().toPlainString(), "--at", d.exDate().toString()});
        }
        steps.add(new String[] {"withdraw", NAME, "1000", "--at", "2013-12-31"});
        steps.add(new String[] {"deposit", NAME, "3000", "--at", NVDA_BOUGHT.toString()});
        steps.add(new String[] {"buy", NAME, NVDA.value(), "10", "--at", NVDA_BOUGHT.toString(), "--fee", "4.95"});
        for (SplitEvent s : quotes.history(NVDA, NVDA_BOUGHT, NVDA_SOLD).splits()) {
            steps.add(new String[] {"split", NAME, NVDA.value(), s.numerator() + ":" + s.denominator(), "--at", s.date().toString()});
        }
        steps.add(new String[] {"sell", NAME, NVDA.value(), "20", "--at", NVDA_SOLD.toString(), "--fee", "4.95"});
        return steps;
    }

    /** Runs steps against one database, printing each like a shell session; stops at the first failure. */
    private final class Script {
        final Path db;
        final PrintWriter out;

        Script(Path db, PrintWriter out) {
            this.db = db;
            this.out = out;
        }

        void run(String... step) {
            out.println();
            out.println("$ erasmo " + String.join(" ", step));
            out.flush();
            List<String> args = new ArrayList<>(List.of("--db", db.toString(), "--quotes", QuoteData.SAMPLE));
            args.addAll(List.of(step));
            int code = ErasmoApp.commandLine(app.sibling(), out, spec.commandLine().getErr()).execute(args.toArray(String[]::new));
            if (code != ErasmoApp.EXIT_OK) {
                throw new IllegalStateException("the demo step 'erasmo " + String.join(" ", step) + "' failed with exit code " + code);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
