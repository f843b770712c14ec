package dev.erasmo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.store.PortfolioStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the app in-process against one database in a temporary folder, as a user would on the
 * command line, capturing stdout, stderr and the exit code. "Now" is {@link #NOW}.
 */
final class AppRunner {

    /** The fixed "now" of every run. */
    static final Instant NOW = Instant.parse("2024-06-03T12:00:00Z");
    /** The owner of every run, unless the environment given names another ({@value ErasmoApp#OWNER_ENV}). */
    static final Owner OWNER = Owner.of("local");

    private final Path db;
    private final Instant now;
    private final Map<String, String> env;
    private final ErasmoApp.StoreOpener opener;

    /** A runner whose default quote data is the bundled sample (tests never reach the network). */
    AppRunner(Path dir) {
        this(dir, Map.of(ErasmoApp.QUOTES_ENV, QuoteData.SAMPLE));
    }

    AppRunner(Path dir, Map<String, String> env) {
        this(dir, env, NOW);
    }

    /** A runner with its own "now". */
    AppRunner(Path dir, Map<String, String> env, Instant now) {
        this.now = now;
        this.db = dir.resolve("erasmo.db");
        Map<String, String> withOwner = new java.util.HashMap<>(env);
        withOwner.putIfAbsent(ErasmoApp.OWNER_ENV, OWNER.value());
        this.env = Map.copyOf(withOwner);
        this.opener = ErasmoApp::openStore;
    }

    Path db() {
        return db;
    }

    /** Runs {@code erasmo --db DB args...}. */
    Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        return runRaw(all.toArray(String[]::new));
    }

    /** Runs {@code erasmo args...} exactly as given. */
    Run runRaw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ErasmoApp app = new ErasmoApp(Clock.fixed(now, ZoneOffset.UTC), env, opener);
        int code = ErasmoApp.commandLine(app, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs a command that must succeed, and returns its output. */
    String ok(String... args) {
        Run r = run(args);
        assertThat(r.err()).as("stderr of %s", List.of(args)).isEmpty();
        assertThat(r.exitCode()).as("exit code of %s", List.of(args)).isZero();
        return r.out();
    }

    /**
     * Runs a command that must fail: exit code, exactly one line on stderr, nothing on stdout,
     * and the store exactly as it was.
     */
    void fails(int exitCode, String errorLine, String... args) {
        String before = stored();
        Run r = run(args);
        assertThat(r.out()).as("stdout of %s", List.of(args)).isEmpty();
        assertThat(r.err()).as("stderr of %s", List.of(args)).isEqualTo(errorLine + System.lineSeparator());
        assertThat(r.exitCode()).as("exit code of %s", List.of(args)).isEqualTo(exitCode);
        assertThat(stored()).as("store after %s", List.of(args)).isEqualTo(before);
    }

    /** Everything in the store, as text: each portfolio's settings and ledger. */
    String stored() {
        PortfolioStore store = opener.open(db.toString());
        try {
            StringBuilder b = new StringBuilder();
            for (PortfolioInfo info : store.list(OWNER)) {
                b.append(info).append('\n');
                store.load(info.id()).entries().forEach(e -> b.append("  ").append(e).append('\n'));
            }
            return b.toString();
        } finally {
            close(store);
        }
    }

    /** The id of a portfolio, as stored. */
    String id(String name) {
        PortfolioStore store = opener.open(db.toString());
        try {
            return store.findByName(OWNER, name).orElseThrow().id().value();
        } finally {
            close(store);
        }
    }

    private static void close(PortfolioStore store) {
        if (store instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Lines as the app prints them, each ended by the line separator. */
    static String lines(String... lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l).append(System.lineSeparator());
        }
        return b.toString();
    }

    /** What a run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }
}
