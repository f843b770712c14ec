package dev.erasmo.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.erasmo.Erasmo;
import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.CostMethod;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.Portfolio;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.store.StoredPortfolio;
import dev.erasmo.store.jdbc.JdbcPortfolioStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JDBC store as issue 5 measures it, on SQLite (a file), H2 (in memory) and PostgreSQL
 * (127.0.0.1:5432, database {@code test}, a schema of its own, through a HikariCP pool of 16
 * connections as a deployment would run it): appending one event per transaction from one thread
 * and from eight (each its own portfolio), appending batches of 1,000 events (an import), and
 * loading a portfolio of 100,000 events, as stored and as a new {@link Erasmo} folds it.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class StoreBenchmark {

    static final Currency USD = Currency.getInstance("USD");
    static final int LOADED = 100_000;
    static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

    @Param({"sqlite", "h2", "postgresql"})
    public String database;

    JdbcPortfolioStore store;
    private @Nullable HikariDataSource pool;
    private PortfolioId big;
    private PortfolioId appended;
    private long version;
    private long next;
    private @Nullable String schema;
    private @Nullable Path file;
    private Erasmo cold;
    private Erasmo warm;
    private final AtomicInteger portfolios = new AtomicInteger();

    @Setup
    public void setUp() throws Exception {
        store = switch (database) {
            case "sqlite" -> {
                file = Files.createTempFile("erasmo-bench", ".db");
                Files.delete(file);
                yield JdbcPortfolioStore.sqlite(file);
            }
            case "h2" -> JdbcPortfolioStore.builder(h2()).build();
            case "postgresql" -> JdbcPortfolioStore.builder(postgres()).build();
            default -> throw new IllegalArgumentException(database);
        };
        big = newPortfolio("big");
        long v = 0;
        for (int chunk = 0; chunk < LOADED / 10_000; chunk++) {
            List<LedgerEntry> entries = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                entries.add(new LedgerEntry(v + i + 1, event(v + i)));
            }
            v = store.append(big, v, entries);
        }
        appended = newPortfolio("appended");
        cold = Erasmo.builder().store(store).portfolioCache(0).build();
        warm = Erasmo.builder().store(store).build();
        if (warm.portfolio(big).version() != LOADED) {
            throw new IllegalStateException("the big portfolio did not load whole");
        }
    }

    /** A new empty portfolio in the store. */
    PortfolioId newPortfolio(String name) {
        PortfolioId id = PortfolioId.of(name + "-" + portfolios.incrementAndGet());
        store.create(new PortfolioInfo(id, Owner.of("bench"), id.value(), USD, CostMethod.FIFO, T0), List.of());
        return id;
    }

    /** Event n: deposits and buys of 500 symbols by turns, a second apart. */
    static LedgerEvent event(long n) {
        Instant at = T0.plusSeconds(n);
        if (n % 2 == 0) {
            return new Deposit(EventId.random(), at, Money.of(USD, new BigDecimal("1000.00")));
        }
        return new Buy(EventId.random(), at, new Instrument(Symbol.of("S" + n % 500), USD), Quantity.of(new BigDecimal("1.5")),
                new Price(USD, new BigDecimal("123.45")), Money.of(USD, new BigDecimal("0.99")));
    }

    private DataSource h2() {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:mem:bench" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    private static String postgresUrl() {
        return System.getenv().getOrDefault("ERASMO_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    }

    private DataSource postgres() throws Exception {
        schema = "erasmo_bench_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(postgresUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(postgresUrl());
        ds.setCurrentSchema(schema);
        HikariConfig config = new HikariConfig();
        config.setDataSource(ds);
        config.setMaximumPoolSize(16);
        pool = new HikariDataSource(config);
        return pool;
    }

    @TearDown
    public void tearDown() throws Exception {
        store.close();
        if (pool != null) {
            pool.close();
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(postgresUrl()); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        if (file != null) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
        }
    }

    /** Reads the portfolio of 100,000 events from the store (issue 5's target: under 200 ms). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public StoredPortfolio load100k() {
        return store.find(big).orElseThrow();
    }

    /** Reads and folds the portfolio of 100,000 events, as an instance that has not seen it does. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Portfolio portfolio100k() {
        return cold.portfolio(big);
    }

    /** The same portfolio again from an instance that has it folded: one read that finds nothing new. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Portfolio portfolio100kKept() {
        return warm.portfolio(big);
    }

    /** Appends one event in its own transaction (issue 5's target on PostgreSQL: 2,000 a second). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long appendOne() {
        version = store.append(appended, version, List.of(new LedgerEntry(version + 1, event(next++ * 2))));
        return version;
    }

    /** Appends 1,000 events in one call (issue 5's target: 50,000 events a second, so 50 calls). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long appendBatchOf1000() {
        List<LedgerEntry> entries = new ArrayList<>(1_000);
        for (int i = 0; i < 1_000; i++) {
            entries.add(new LedgerEntry(version + i + 1, event(next++ * 2)));
        }
        version = store.append(appended, version, entries);
        return version;
    }

    /** One writer of eight, each appending to a portfolio of its own, as the requests of a server do. */
    @State(Scope.Thread)
    public static class Writer {
        PortfolioId portfolio;
        long version;
        long next;

        @Setup
        public void setUp(StoreBenchmark shared) {
            portfolio = shared.newPortfolio("writer");
        }
    }

    /** One event per transaction from each of eight threads at once (ops/s is the sum of the eight). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(8)
    public long appendOneFrom8Threads(Writer w) {
        w.version = store.append(w.portfolio, w.version, List.of(new LedgerEntry(w.version + 1, event(w.next++ * 2))));
        return w.version;
    }
}
