package dev.erasmo.examples;

import dev.erasmo.Erasmo;
import dev.erasmo.ErasmoException;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.store.PortfolioStore;
import dev.erasmo.store.jdbc.JdbcPortfolioStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code erasmo} command-line app: paper-trading portfolios in a SQLite file or a database
 * server, priced from Yahoo Finance by default (latest quotes, and daily history as traded with its
 * dividends and splits), or from the real daily closes bundled with the app ({@code --quotes
 * sample}, no network) or a folder of CSV files ({@code --quotes csv:DIR}).
 *
 * <p>Each run opens the store once, runs one command and closes it. Errors print
 * one line on stderr and exit with {@link #EXIT_REJECTED}, {@link #EXIT_USAGE} or
 * {@link #EXIT_INTERNAL}; {@code ERASMO_DEBUG=1} adds the stack trace.
 *
 * <p>Not thread-safe: one instance per run.
 */
@Command(name = "erasmo", mixinStandardHelpOptions = true, versionProvider = ErasmoApp.Version.class,
        usageHelpAutoWidth = true, sortOptions = false,
        header = "A nifty app to simulate trading stocks: paper-trading portfolios on real prices.",
        description = {
            "Portfolios belong to an owner (--owner, default: your user name) and live in a SQLite file or a database server (--db).",
            "DATE is YYYY-MM-DD (that day at 00:00 UTC) or an ISO instant such as 2013-01-02T21:00:00Z; the default is now."},
        subcommands = {CommandLine.HelpCommand.class, CreateCommand.class, ListCommand.class, DeleteCommand.class,
            DepositCommand.class, WithdrawCommand.class, BuyCommand.class, SellCommand.class, DividendCommand.class,
            SplitCommand.class, ShowCommand.class, HistoryCommand.class, PerformanceCommand.class, ReportCommand.class, LedgerCommand.class,
            DemoCommand.class},
        footer = {"", "Exit codes: 0 done, 1 rejected or failed (nothing was written), 2 usage error, 3 internal error.",
            "Try: erasmo demo"})
public final class ErasmoApp implements Callable<Integer> {

    /** The exit code of a command that was done. */
    public static final int EXIT_OK = 0;
    /** The exit code of a command that was rejected or failed on the data; nothing was written. */
    public static final int EXIT_REJECTED = 1;
    /** How often a command that lost a race with another erasmo process is retried. */
    static final int MAX_RETRIES = 50;
    /** The exit code of a command line that could not be understood, or a value that is not valid. */
    public static final int EXIT_USAGE = 2;
    /** The exit code of an unexpected failure: a bug. */
    public static final int EXIT_INTERNAL = 3;

    /** The environment variable that sets the default of {@code --owner}. */
    public static final String OWNER_ENV = "ERASMO_OWNER";
    /** The environment variable that sets the default of {@code --db}. */
    public static final String DB_ENV = "ERASMO_DB";
    /** The zone in which {@code --at} dates start and instants turn into dates. */
    public static final ZoneId ZONE = Erasmo.DEFAULT_ZONE;
    /** The environment variable that sets the default of {@code --quotes}. */
    public static final String QUOTES_ENV = "ERASMO_QUOTES";
    /**
     * The environment variable that turns on progress lines on stderr ({@code 1}; unset or
     * {@code 0} is off). The {@code ./erasmo} launcher sets it when stderr is a terminal.
     */
    public static final String PROGRESS_ENV = "ERASMO_PROGRESS";
    /** The database used without {@code --db}, relative to the user's home directory. */
    public static final String DEFAULT_DB = ".erasmo/erasmo.db";

    /** Opens the store that {@code --db} names. */
    @FunctionalInterface
    public interface StoreOpener {
        /**
         * Opens (creating if needed) the store in a SQLite file, or on a database a JDBC URL names.
         *
         * @param db a file path, which may not exist yet, nor its folder; or a JDBC URL
         * @return the store; closed after the command if it is {@link AutoCloseable}
         */
        PortfolioStore open(String db);
    }

    private final Clock clock;
    private final Map<String, String> env;
    private final StoreOpener opener;

    @Spec
    @Nullable CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE|URL", scope = CommandLine.ScopeType.INHERIT,
            description = "Where portfolios are kept: a SQLite file (default: ~/" + DEFAULT_DB + ", its folder is created) or the"
                    + " JDBC URL of a PostgreSQL, MariaDB or H2 database, e.g. jdbc:postgresql://localhost/paper?user=me (the tables are"
                    + " created on first use). The default can be set in " + DB_ENV + ".")
    @Nullable String db;

    @Option(names = "--owner", paramLabel = "NAME", scope = CommandLine.ScopeType.INHERIT, converter = Converters.OwnerConverter.class,
            description = "Whose portfolios every command sees and changes; others' are invisible (default: " + OWNER_ENV + ", else the"
                    + " operating-system user name).")
    @Nullable Owner owner;

    @Option(names = "--quotes", paramLabel = "SOURCE", scope = CommandLine.ScopeType.INHERIT,
            converter = QuoteData.Converter.class,
            description = "Where prices come from: 'yahoo' (Yahoo Finance, the default), 'yahoo=URL' (Yahoo's API at another"
                    + " address, e.g. a local server replaying recorded answers), 'sample' (the real data bundled with the app,"
                    + " no network) or 'csv:DIR' (a folder with SYMBOL.csv, and optionally SYMBOL.dividends.csv and"
                    + " SYMBOL.splits.csv). The default can be set in " + QUOTES_ENV + ".")
    QuoteData.@Nullable Choice quotes;

    private @Nullable PrintWriter progress;

    /**
     * Creates the app.
     *
     * @param clock the clock for "now"
     * @param env the environment ({@code HOME} is not read from it; {@code ERASMO_DEBUG} is)
     * @param opener opens the store
     */
    public ErasmoApp(Clock clock, Map<String, String> env, StoreOpener opener) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.env = Map.copyOf(env);
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /**
     * Runs the app with the system clock and environment, and exits with its exit code. Progress
     * lines go to stderr only when {@value #PROGRESS_ENV} is on.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // whole seconds: "now" in messages and in the ledger reads as 2026-12-03T17:06:56Z, not with nanoseconds
        ErasmoApp app = new ErasmoApp(Clock.tickSeconds(java.time.ZoneOffset.UTC), System.getenv(), ErasmoApp::openStore);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        // progress lines only when told (by the launcher, when stderr is a terminal), never into a file or a pipe
        app.progress = app.showsProgress() ? err : null;
        System.exit(commandLine(app, out, err).execute(args));
    }

    /**
     * The command line of an app, printing to the given writers, with the app's exit codes and
     * one-line errors.
     *
     * @param app the app
     * @param out where results go
     * @param err where errors go
     * @return the command line, ready to {@link CommandLine#execute(String...)}
     */
    public static CommandLine commandLine(ErasmoApp app, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(app);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        Errors errors = new Errors(app.debug());
        cl.setParameterExceptionHandler(errors);
        cl.setExecutionExceptionHandler(errors);
        return cl;
    }

    /** A new app with the same clock, environment and store opener, for a nested run (the demo). */
    ErasmoApp sibling() {
        return new ErasmoApp(clock, env, opener);
    }

    /** Shows progress of fetching prices on this writer (a terminal's stderr). */
    void progressTo(@Nullable PrintWriter writer) {
        this.progress = writer;
    }

    @Override
    public Integer call() {
        throw new ParameterException(Objects.requireNonNull(spec).commandLine(), "missing command");
    }

    /**
     * Opens the store (the one place that does) and wires erasmo to it and the quote source.
     *
     * @return the session; close it
     */
    Session open() {
        if (db != null && db.isBlank()) {
            throw new IllegalArgumentException("--db is empty: give a SQLite file or a JDBC URL");
        }
        String where = db != null ? db.strip() : env.getOrDefault(DB_ENV, "").isBlank()
                ? Path.of(System.getProperty("user.home")).resolve(DEFAULT_DB).toString() : env.get(DB_ENV).strip();
        Owner who = owner();
        QuoteData q = quoteData();
        PortfolioStore store = opener.open(where);
        // other erasmo processes may write the same database at once: retry the lost races generously
        Erasmo erasmo = Erasmo.builder().store(store).quotes(q.source()).clock(clock).zone(ZONE).maxRetries(MAX_RETRIES).build()
                .forOwner(who);
        return new Session(erasmo, store, q, clock, who);
    }

    /** The quote data chosen with {@code --quotes}, else with {@value #QUOTES_ENV}, else Yahoo Finance. */
    QuoteData quoteData() {
        QuoteData.Choice choice = quotes;
        if (choice == null) {
            String fromEnv = env.get(QUOTES_ENV);
            try {
                choice = new QuoteData.Converter().convert(fromEnv == null || fromEnv.isBlank() ? QuoteData.YAHOO : fromEnv.strip());
            } catch (CommandLine.TypeConversionException e) {
                throw new IllegalArgumentException("invalid " + QUOTES_ENV + ": " + e.getMessage());
            }
        }
        return choice.open(clock, progress);
    }

    /** The owner given with {@code --owner}, else in {@value #OWNER_ENV}, else the operating-system user. */
    Owner owner() {
        if (owner != null) {
            return owner;
        }
        for (String name : new String[] {env.get(OWNER_ENV), env.get("USER"), env.get("USERNAME"), System.getProperty("user.name")}) {
            if (name != null && !name.isBlank()) {
                try {
                    return Owner.of(name.strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the owner '" + name.strip() + "' is not valid (" + e.getMessage() + "): give one with --owner");
                }
            }
        }
        throw new IllegalArgumentException("no user name to own the portfolios: give one with --owner");
    }

    /**
     * The store the app uses: a SQLite file (a path, or {@code jdbc:sqlite:PATH}), created with
     * its folder if missing; or the database of another JDBC URL, through its driver.
     */
    static PortfolioStore openStore(String db) {
        if (db.startsWith("jdbc:sqlite:") && !db.contains("?")) {
            return JdbcPortfolioStore.sqlite(Path.of(db.substring("jdbc:sqlite:".length())));
        }
        if (db.startsWith("jdbc:")) {
            return JdbcPortfolioStore.builder(new UrlDataSource(db)).build();
        }
        return JdbcPortfolioStore.sqlite(Path.of(db));
    }

    /** The folder for files meant to outlive a run (the demo's report): {@code TMPDIR}, else {@code java.io.tmpdir}. */
    Path tempDir() {
        String dir = env.get("TMPDIR");
        return Path.of(dir == null || dir.isBlank() ? System.getProperty("java.io.tmpdir") : dir);
    }

    boolean debug() {
        return isOn(env.get("ERASMO_DEBUG"));
    }

    /** Whether {@value #PROGRESS_ENV} asks for progress lines on stderr. */
    boolean showsProgress() {
        return isOn(env.get(PROGRESS_ENV));
    }

    private static boolean isOn(@Nullable String flag) {
        return flag != null && !flag.isEmpty() && !flag.equals("0");
    }

    /** Prints the version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            try (InputStream in = ErasmoApp.class.getResourceAsStream("version.txt")) {
                return new String[] {in == null ? "erasmo (unknown version)" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()};
            }
        }
    }

    /**
     * Turns every failure into one line on stderr and an exit code: usage errors and invalid
     * values 2, erasmo's own failures (unknown portfolio, unknown symbol, malformed data) 1,
     * anything else 3.
     */
    private record Errors(boolean debug) implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

        @Override
        public int handleParseException(ParameterException e, String[] args) {
            CommandLine cl = e.getCommandLine();
            CommandSpec command = cl.getCommandSpec();
            String help = command.parent() == null ? "erasmo --help" : "erasmo help " + command.name();
            String suggest = "";
            if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
                String typed = u.getUnmatched().get(0);
                // only near misses ('sel' for 'sell'), not everything picocli finds alike
                List<String> near = u.getSuggestions().stream().filter(x -> Text.distance(typed, x) <= Math.max(1, typed.length() / 3)).toList();
                if (!near.isEmpty()) {
                    suggest = "; did you mean " + String.join(" or ", near.stream().map(x -> "'" + x + "'").toList()) + "?";
                }
            }
            print(cl.getErr(), command.qualifiedName() + ": " + e.getMessage() + suggest + " (see '" + help + "')", e);
            return EXIT_USAGE;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
            String name = cl.getCommandSpec().qualifiedName();
            if (e instanceof dev.erasmo.store.StaleVersionException) {
                print(cl.getErr(), name + ": other erasmo processes kept changing the portfolio at the same time; nothing was written,"
                        + " try again (" + e.getMessage() + ")", e);
                return EXIT_REJECTED;
            }
            if (e instanceof dev.erasmo.quote.QuoteUnavailableException) {
                print(cl.getErr(), name + ": " + e.getMessage() + " (nothing was written; try again later, or use --quotes sample"
                        + " for the bundled data)", e);
                return EXIT_REJECTED;
            }
            if (e instanceof ErasmoException) {
                print(cl.getErr(), name + ": " + e.getMessage(), e);
                return EXIT_REJECTED;
            }
            if (e instanceof UncheckedIOException io) {
                // a file that cannot be read (a quote file): the data, not the app
                print(cl.getErr(), name + ": " + e.getMessage() + " (" + io.getCause().getClass().getSimpleName() + ")", e);
                return EXIT_REJECTED;
            }
            if (e instanceof IllegalArgumentException) {
                print(cl.getErr(), name + ": " + e.getMessage(), e);
                return EXIT_USAGE;
            }
            print(cl.getErr(), name + ": internal error: " + e + (debug ? "" : " (run with ERASMO_DEBUG=1 for details)"), e);
            return EXIT_INTERNAL;
        }

        private void print(PrintWriter err, String line, Exception e) {
            err.println(line.replaceAll("\\R", " "));
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
        }
    }
}
