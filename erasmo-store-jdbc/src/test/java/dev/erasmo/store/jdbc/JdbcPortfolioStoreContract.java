package dev.erasmo.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.erasmo.CommandResult;
import dev.erasmo.Erasmo;
import dev.erasmo.TradeRequest;
import dev.erasmo.ledger.Sell;
import dev.erasmo.portfolio.Portfolio;
import dev.erasmo.portfolio.Rejection;
import dev.erasmo.store.ForwardingPortfolioStore;
import dev.erasmo.store.StoreUnavailableException;
import java.util.Currency;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.money.Currencies;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.CostMethod;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.store.PortfolioStore;
import dev.erasmo.store.PortfolioStoreContract;
import dev.erasmo.store.SchemaException;
import dev.erasmo.store.StaleVersionException;
import dev.erasmo.store.StoreException;
import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract plus what only a database shows (the schema, the rows, closing), run
 * against one database per subclass. Each test gets an empty database of its own from
 * {@link #createDatabase()}, dropped again by {@link #dropDatabase()}.
 */
abstract class JdbcPortfolioStoreContract extends PortfolioStoreContract {

    private static final Owner ALICE = Owner.of("alice");
    private static final PortfolioId P1 = PortfolioId.of("p-1");
    private static final Instant AT = Instant.parse("2013-01-02T14:30:00.123456789Z");

    private final List<JdbcPortfolioStore> stores = new ArrayList<>();
    private DataSource dataSource;

    /**
     * Creates an empty database for one test, or aborts the test with an assumption when the
     * database is not available.
     *
     * @return connections to it
     */
    abstract DataSource createDatabase() throws Exception;

    /** Drops the database of the test; the test's stores are closed already. */
    abstract void dropDatabase() throws Exception;

    /** The database the subclass runs on. */
    abstract Database database();

    /** A store over the test's database, as the embedding application would open it. */
    JdbcPortfolioStore createStore() {
        return JdbcPortfolioStore.builder(dataSource).build();
    }

    @BeforeEach
    final void prepareDatabase() throws Exception {
        dataSource = createDatabase();
    }

    @AfterEach
    final void releaseDatabase() throws Exception {
        try {
            stores.forEach(JdbcPortfolioStore::close);
        } finally {
            dropDatabase();
        }
    }

    @Override
    protected final PortfolioStore newStore() {
        return track(createStore());
    }

    /** Closes the store after the test. */
    final JdbcPortfolioStore track(JdbcPortfolioStore store) {
        stores.add(store);
        return store;
    }

    final DataSource dataSource() {
        return dataSource;
    }

    /** Runs a query with plain JDBC and returns its rows, each value as the driver's string. */
    final List<List<String>> query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Whether each server URL answered, probed once per test run. */
    private static final java.util.Map<String, String> PROBED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The URL of a server to test against: the environment variable's value, or else the server on
     * this machine at its usual address. When it does not answer, the tests are skipped with a
     * visible reason, unless {@code ERASMO_TEST_DATABASES=required} (as {@code .ci/run} sets), in
     * which case they fail.
     */
    static String urlFromEnvironment(String variable, String server, String localDefault) {
        String configured = System.getenv(variable);
        String url = configured != null && !configured.isBlank() ? configured : localDefault;
        String problem = PROBED.computeIfAbsent(url, u -> {
            DriverManager.setLoginTimeout(5);
            try (Connection c = DriverManager.getConnection(u)) {
                return "";
            } catch (SQLException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                // once per server and run, on the console where the build output is read
                System.err.println("[erasmo] " + server + " at " + u + " does not answer (" + why + "): its store tests are "
                        + ("required".equals(System.getenv("ERASMO_TEST_DATABASES")) ? "FAILED" : "SKIPPED"));
                return why;
            }
        });
        if (!problem.isEmpty()) {
            String message = server + " at " + url + " does not answer (" + problem + "): " + server + " tests skipped. Set "
                    + variable + " to a reachable database, or run `source .ci/start-databases`";
            if ("required".equals(System.getenv("ERASMO_TEST_DATABASES"))) {
                throw new IllegalStateException(message.replace("tests skipped", "tests required by ERASMO_TEST_DATABASES=required"));
            }
            assumeTrue(false, message);
        }
        return url;
    }

    /** Runs a statement on a connection of its own to a URL, for creating and dropping test databases. */
    static void executeAt(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Runs a statement with plain JDBC. */
    final void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static PortfolioInfo info(String id, String name) {
        return new PortfolioInfo(PortfolioId.of(id), ALICE, name, Currencies.of("USD"), CostMethod.FIFO, AT);
    }

    static LedgerEntry deposit(long sequence, String eventId, String usd) {
        return new LedgerEntry(sequence, new Deposit(EventId.of(eventId), AT, Money.of("USD", usd)));
    }

    static LedgerEntry buy(long sequence, String eventId, String quantity, String price) {
        Instrument brkB = Instrument.of(Symbol.of("BRK-B"), Currencies.of("USD"));
        return new LedgerEntry(sequence, new Buy(EventId.of(eventId), AT, brkB, Quantity.parse(quantity), Price.of("USD", price),
                Money.of("USD", "1.5")));
    }

    // ------------------------------------------------------------------ schema

    @Test
    void firstUse_emptyDatabase_createsSchemaAndRecordsEveryVersion() throws SQLException {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:15:30Z"), ZoneOffset.UTC);
        JdbcPortfolioStore store = track(JdbcPortfolioStore.builder(dataSource).clock(clock).build());

        assertThat(store.list(ALICE)).isEmpty();

        List<List<String>> versions = query("SELECT version, script, applied_at FROM erasmo_schema_version ORDER BY version");
        assertThat(versions).hasSize(3);
        assertThat(versions.get(0).get(0)).isEqualTo("1");
        assertThat(versions.get(0).get(1)).endsWith("/V1__ledger.sql");
        assertThat(versions.get(0).get(2)).isEqualTo("2026-12-03T10:15:30Z");
        assertThat(versions.get(1).get(0)).isEqualTo("2");
        assertThat(versions.get(1).get(1)).endsWith("/V2__idempotency_key.sql");
        assertThat(versions.get(2).get(1)).endsWith("/V3__portfolio_name_length.sql");
        assertThat(query("SELECT COUNT(*) FROM erasmo_portfolio")).containsExactly(List.of("0"));
        assertThat(query("SELECT COUNT(*) FROM erasmo_event")).containsExactly(List.of("0"));
    }

    @Test
    void firstUse_schemaAlreadyThere_recordsNothingMore() throws SQLException {
        newStore().create(info("p-1", "tech"));

        PortfolioStore second = newStore();

        assertThat(second.load(P1).info()).isEqualTo(info("p-1", "tech"));
        assertThat(query("SELECT version FROM erasmo_schema_version ORDER BY version")).containsExactly(List.of("1"), List.of("2"), List.of("3"));
    }

    /*
     * Eight application instances start at the same moment against an empty database: every one
     * works, and the database ends with one schema, each version recorded once, that takes keyed
     * entries (version 2's column and unique index are there exactly once).
     */
    @Test
    void firstUse_manyInstancesAtOnceOnAnEmptyDatabase_endWithOneCorrectSchema() throws Exception {
        int instances = 8;
        List<JdbcPortfolioStore> starting = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            starting.add(track(createStore()));
        }
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(instances);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(instances);
        List<java.util.concurrent.Future<Integer>> started = new ArrayList<>();
        for (JdbcPortfolioStore store : starting) {
            started.add(pool.submit(() -> {
                together.await(30, java.util.concurrent.TimeUnit.SECONDS);
                return store.list(ALICE).size();
            }));
        }
        try {
            for (java.util.concurrent.Future<Integer> f : started) {
                assertThat(f.get(2, java.util.concurrent.TimeUnit.MINUTES)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(query("SELECT version FROM erasmo_schema_version ORDER BY version")).containsExactly(List.of("1"), List.of("2"), List.of("3"));
        starting.get(0).create(info("p-1", "tech"));
        starting.get(1).append(P1, 0, List.of(new LedgerEntry(1, deposit(1, "e-1", "1").event(), IdempotencyKey.of("k"))));
        assertThatThrownBy(() -> starting.get(2).append(P1, 1, List.of(new LedgerEntry(2, deposit(2, "e-2", "1").event(),
                IdempotencyKey.of("k"))))).isInstanceOf(StoreException.class).hasMessageContaining("idempotency key k");
        assertThat(starting.get(3).load(P1).entries()).extracting(LedgerEntry::key).containsExactly(IdempotencyKey.of("k"));
    }

    /*
     * A database made by an erasmo of schema version 1 (its script run by hand, as a team with its
     * own migration tool would have), holding a ledger: the first use applies version 2 and the
     * old entries read back unchanged, without keys.
     */
    @Test
    void firstUse_databaseAtVersion1WithALedger_isUpgradedAndKeepsIt() throws SQLException {
        Dialect d = Dialect.of(database());
        for (String script : List.of(Schema.VERSION_TABLE, "V1__ledger.sql")) {
            for (String sql : Schema.statements(read(Schema.path(d, script)))) {
                execute(sql);
            }
        }
        execute("INSERT INTO erasmo_schema_version (version, script, applied_at) VALUES (1, 'by hand', '2026-01-01T00:00:00Z')");
        execute("INSERT INTO erasmo_portfolio (id, owner, name, base_currency, cost_method, version, created_at_second,"
                + " created_at_nano) VALUES ('p-1', 'alice', 'tech', 'USD', 'FIFO', 1, 1357137000, 123456789)");
        execute("INSERT INTO erasmo_event (portfolio_id, seq, event_id, kind, effective_at_second, effective_at_nano, currency,"
                + " amount) VALUES ('p-1', 1, 'e-1', 'DEPOSIT', 1357137000, 123456789, 'USD', 100.25)");

        PortfolioStore store = newStore();

        assertThat(store.load(P1).entries()).containsExactly(deposit(1, "e-1", "100.25"));
        assertThat(query("SELECT version FROM erasmo_schema_version ORDER BY version")).containsExactly(List.of("1"), List.of("2"), List.of("3"));
        store.append(P1, 1, List.of(new LedgerEntry(2, deposit(2, "e-2", "1").event(), IdempotencyKey.of("k"))));
        assertThat(store.load(P1).entries().get(1).key()).isEqualTo(IdempotencyKey.of("k"));
    }

    private static String read(String path) {
        try (java.io.InputStream in = Schema.class.getResourceAsStream("schema/" + path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void firstUse_databaseWithNewerSchemaVersion_isRefusedWithSchemaException() throws SQLException {
        newStore().create(info("p-1", "tech"));
        execute("INSERT INTO erasmo_schema_version (version, script, applied_at) VALUES (4, 'V4__future.sql', '2030-01-01T00:00:00Z')");

        PortfolioStore newer = newStore();

        assertThatThrownBy(() -> newer.find(P1)).isInstanceOf(SchemaException.class).hasMessageContaining("version 4");
        assertThatThrownBy(() -> newer.list(ALICE)).isInstanceOf(SchemaException.class);
    }

    @Test
    void validateOnly_emptyDatabase_isRefusedAndCreatesNothing() throws SQLException {
        JdbcPortfolioStore validating = track(JdbcPortfolioStore.builder(dataSource()).schema(JdbcPortfolioStore.SchemaMode.VALIDATE).build());

        assertThatThrownBy(() -> validating.find(P1)).isInstanceOf(SchemaException.class).hasMessageContaining("no erasmo schema");
        // nothing was created: a migrating store then creates the schema as on any first use
        newStore().create(info("p-1", "tech"));
        assertThat(query("SELECT version FROM erasmo_schema_version ORDER BY version")).containsExactly(List.of("1"), List.of("2"), List.of("3"));
    }

    @Test
    void validateOnly_currentSchema_works() {
        newStore().create(info("p-1", "tech"));

        JdbcPortfolioStore validating = track(JdbcPortfolioStore.builder(dataSource()).schema(JdbcPortfolioStore.SchemaMode.VALIDATE).build());

        assertThat(validating.load(P1).info()).isEqualTo(info("p-1", "tech"));
    }

    @Test
    void validateOnly_newerSchema_isRefused() throws SQLException {
        newStore().create(info("p-1", "tech"));
        execute("INSERT INTO erasmo_schema_version (version, script, applied_at) VALUES (4, 'V4__future.sql', '2030-01-01T00:00:00Z')");

        JdbcPortfolioStore validating = track(JdbcPortfolioStore.builder(dataSource()).schema(JdbcPortfolioStore.SchemaMode.VALIDATE).build());

        assertThatThrownBy(() -> validating.find(P1)).isInstanceOf(SchemaException.class).hasMessageContaining("version 4");
    }

    @Test
    void builder_databaseNamed_skipsDetectionAndWorks() {
        JdbcPortfolioStore store = track(JdbcPortfolioStore.builder(dataSource).database(database()).build());

        store.create(info("p-1", "tech"));

        assertThat(store.append(P1, 0, List.of(deposit(1, "e-1", "10")))).isEqualTo(1);
    }

    // ------------------------------------------------------------------ rows

    @Test
    void append_buy_isStoredInTypedColumnsForPlainSql() throws SQLException {
        PortfolioStore store = newStore();
        store.create(info("p-1", "tech"));

        store.append(P1, 0, List.of(buy(1, "b-1", "12345678901234.567890123", "0.00000001")));

        List<List<String>> rows = query("SELECT portfolio_id, seq, event_id, kind, symbol, currency, effective_at_second,"
                + " effective_at_nano FROM erasmo_event");
        // 2013-01-02T14:30Z: 15707 days after 1970-01-01 (43 years, 11 of them leap) = 1357084800 s, plus 52200 s
        assertThat(rows).containsExactly(List.of("p-1", "1", "b-1", "BUY", "BRK-B", "USD", "1357137000", "123456789"));
        assertThat(query("SELECT COUNT(*) FROM erasmo_event WHERE amount IS NULL AND numerator IS NULL AND denominator IS NULL"
                + " AND description IS NULL")).containsExactly(List.of("1"));
        List<List<String>> decimals = query("SELECT quantity, price, amount, fee FROM erasmo_event");
        assertThat(new BigDecimal(decimals.get(0).get(0))).isEqualByComparingTo("12345678901234.567890123");
        assertThat(new BigDecimal(decimals.get(0).get(1))).isEqualByComparingTo("0.00000001");
        assertThat(decimals.get(0).get(2)).isNull();
        assertThat(new BigDecimal(decimals.get(0).get(3))).isEqualByComparingTo("1.5");
        assertThat(query("SELECT id, version, created_at_second, created_at_nano FROM erasmo_portfolio"))
                .containsExactly(List.of("p-1", "1", "1357137000", "123456789"));
    }

    @Test
    void append_staleVersionOrTakenEventId_leavesEveryRowUnchanged() throws SQLException {
        PortfolioStore store = newStore();
        store.create(info("p-1", "tech"));
        store.append(P1, 0, List.of(deposit(1, "e-1", "100"), buy(2, "b-1", "0.1", "0.2")));
        String everything = "SELECT p.id, p.version, e.seq, e.event_id, e.kind, e.quantity, e.price, e.amount, e.fee"
                + " FROM erasmo_portfolio p LEFT JOIN erasmo_event e ON e.portfolio_id = p.id ORDER BY e.seq";
        List<List<String>> before = query(everything);

        assertThatThrownBy(() -> store.append(P1, 1, List.of(deposit(2, "e-2", "5")))).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> store.append(P1, 2, List.of(deposit(3, "e-3", "5"), deposit(4, "b-1", "5"))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("b-1");

        assertThat(query(everything)).isEqualTo(before);
        assertThat(before).hasSize(2);
    }

    /*
     * Every kind of value the decimal columns hold goes in and comes out identical through the
     * dialect, negative and at the columns' limits (26 digits before the point, 12 after) too; the
     * scale is normalized, so H2's 2.000000000000 for a NUMERIC(38,12) 2 reads back as 2.
     */
    @Test
    void decimals_valuesTheColumnsHold_readBackIdentical() throws SQLException {
        newStore().create(info("p-1", "tech"));
        Dialect d = Dialect.of(database());
        List<String> values = List.of("0.1", "12345678901234.567890123", "-0.000000001", "0", "2", "-2.5",
                "99999999999999999999999999.999999999999", "-99999999999999999999999999.999999999999", "0.000000000001", "1000000");
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < values.size(); i++) {
                try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO erasmo_event (portfolio_id, seq, event_id, kind,"
                        + " effective_at_second, effective_at_nano, quantity) VALUES ('p-1', ?, ?, 'DEPOSIT', 0, 0, ?)")) {
                    ps.setLong(1, i + 1);
                    ps.setString(2, "raw-" + i);
                    d.setDecimal(ps, 3, new BigDecimal(values.get(i)));
                    ps.executeUpdate();
                }
            }
            List<BigDecimal> read = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT quantity FROM erasmo_event ORDER BY seq")) {
                while (rs.next()) {
                    read.add(d.getDecimal(rs, 1));
                }
            }
            assertThat(read).containsExactlyElementsOf(values.stream().map(v -> new BigDecimal(v).stripTrailingZeros())
                    .map(v -> v.scale() < 0 ? v.setScale(0) : v).toList());
        }
    }

    /*
     * Appends of 1, 99, 100, 101 and 299 entries of every kind: the store writes 100 rows a
     * statement and the rest in one more, and every size reads back entry for entry, in order.
     */
    @Test
    void append_batchesAroundTheRowsPerStatement_readBackInOrder() {
        PortfolioStore store = newStore();
        store.create(info("p-1", "tech"));
        List<LedgerEvent> kinds = everyKindOfEvent().toList();
        List<LedgerEntry> all = new ArrayList<>();
        long version = 0;
        for (int size : new int[] {1, 99, JdbcPortfolioStore.ROWS_PER_INSERT, 101, 299}) {
            List<LedgerEntry> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                LedgerEvent kind = kinds.get(all.size() % kinds.size());
                batch.add(new LedgerEntry(version + i + 1, withId(kind, "b" + (all.size() + batch.size())),
                        i % 3 == 0 ? IdempotencyKey.of("k-" + (version + i)) : null));
            }
            version = store.append(P1, version, batch);
            all.addAll(batch);
        }

        assertThat(version).isEqualTo(1 + 99 + 100 + 101 + 299);
        assertThat(store.load(P1).entries()).isEqualTo(all);
    }

    @Test
    void append_decimalBeyondTheColumns_isRefusedAndWritesNothing() throws SQLException {
        PortfolioStore store = newStore();
        store.create(info("p-1", "tech"));
        // 27 digits before the point; the columns hold 26
        LedgerEntry huge = buy(1, "b-1", "123456789012345678901234567", "1");

        assertThatThrownBy(() -> store.append(P1, 0, List.of(huge))).isInstanceOf(StoreException.class)
                .hasMessageContaining("123456789012345678901234567");

        assertThat(query("SELECT COUNT(*) FROM erasmo_event")).containsExactly(List.of("0"));
        assertThat(store.load(P1).version()).isZero();
    }

    @Test
    void append_twoStoresOnOneDatabase_shareLedgerAndVersion() {
        PortfolioStore first = newStore();
        PortfolioStore second = newStore();
        first.create(info("p-1", "tech"));

        first.append(P1, 0, List.of(deposit(1, "e-1", "100")));

        assertThat(second.load(P1).entries()).containsExactly(deposit(1, "e-1", "100"));
        assertThatThrownBy(() -> second.append(P1, 0, List.of(deposit(1, "e-2", "5")))).isInstanceOf(StaleVersionException.class);
        assertThat(second.append(P1, 1, List.of(deposit(2, "e-2", "5")))).isEqualTo(2);
    }

    // ------------------------------------------------------------------ life cycle

    @Test
    void close_thenAnyCall_throwsIllegalState() {
        JdbcPortfolioStore store = (JdbcPortfolioStore) newStore();
        store.create(info("p-1", "tech"));

        store.close();
        store.close();

        assertThatThrownBy(() -> store.find(P1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.list(ALICE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.findByName(ALICE, "tech")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.create(info("p-2", "value"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.append(P1, 0, List.of(deposit(1, "e-1", "1")))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.delete(P1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void close_storeOverCallersDataSource_leavesDataSourceUsable() throws SQLException {
        JdbcPortfolioStore store = track(JdbcPortfolioStore.builder(dataSource).build());
        store.create(info("p-1", "tech"));

        store.close();

        assertThat(query("SELECT id FROM erasmo_portfolio")).containsExactly(List.of("p-1"));
        assertThat(track(JdbcPortfolioStore.builder(dataSource).build()).find(P1)).isPresent();
    }

    // ------------------------------------------------------------------ many writers

    /** How many commands each of the eight writers of the concurrency test sends. */
    int commandsPerWriter() {
        return 500;
    }

    /*
     * Eight application instances (each its own Erasmo and store over the same database) send 500
     * buy and sell commands each to one portfolio at once. Every command is booked or rejected by
     * a rule (selling more than held); conflicts with the other writers happen and are retried.
     * In the end the stored ledger holds exactly the booked events, once each; replayed one by
     * one into a new portfolio every one of them is accepted and the state is the stored one; and
     * the cash is the deposit minus the booked buys plus the booked sells, worked out here from
     * the results, not from the store.
     */
    @Test
    void concurrentWritersFromManyInstances_loseNothingAndDoubleNothing() throws Exception {
        Instant now = Instant.parse("2024-01-02T00:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Symbol x = Symbol.of("X");
        int writers = 8;
        int commands = commandsPerWriter();
        Erasmo setup = Erasmo.builder().store(track(createStore())).clock(clock).build();
        PortfolioInfo p = setup.createPortfolio(ALICE, "race");
        setup.deposit(p.id(), Money.of("USD", "10000000"), now.minusSeconds(1_000_000)).orElseThrow();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<CommandResult>>> futures = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            int writer = t;
            PortfolioStore counting = new ForwardingPortfolioStore(track(createStore())) {
                @Override
                public long append(PortfolioId id, long expectedVersion, List<LedgerEntry> entries) {
                    try {
                        return super.append(id, expectedVersion, entries);
                    } catch (StaleVersionException e) {
                        conflicts.incrementAndGet();
                        throw e;
                    }
                }
            };
            Erasmo erasmo = Erasmo.builder().store(counting).clock(clock).maxRetries(10_000).build();
            futures.add(pool.submit(() -> {
                Random random = new Random(writer);
                List<CommandResult> results = new ArrayList<>();
                start.await();
                for (int c = 0; c < commands; c++) {
                    // times interleave across the writers, so some commands are back-dated against others
                    TradeRequest r = TradeRequest.of(x, Quantity.of(1 + random.nextInt(3)))
                            .at(now.minusSeconds(100_000 - c * writers - writer)).price(new BigDecimal("10.0" + random.nextInt(10)));
                    results.add(random.nextInt(3) == 0 ? erasmo.sell(p.id(), r) : erasmo.buy(p.id(), r));
                }
                return results;
            }));
        }
        start.countDown();
        List<CommandResult.Booked> booked = new ArrayList<>();
        int ruleRejections = 0;
        try {
            for (Future<List<CommandResult>> f : futures) {
                for (CommandResult r : f.get(10, TimeUnit.MINUTES)) {
                    if (r instanceof CommandResult.Booked b) {
                        booked.add(b);
                    } else {
                        assertThat(((CommandResult.Rejected) r).rejection().reason()).isEqualTo(Rejection.Reason.INSUFFICIENT_QUANTITY);
                        ruleRejections++;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(booked.size() + ruleRejections).isEqualTo(writers * commands);
        assertThat(conflicts.get()).as("conflicts retried").isPositive();

        List<LedgerEntry> stored = track(createStore()).find(p.id()).orElseThrow().entries();
        assertThat(stored).hasSize(1 + booked.size());
        assertThat(stored.stream().skip(1).map(e -> e.event().id()).toList())
                .containsExactlyInAnyOrderElementsOf(booked.stream().map(b -> b.entry().event().id()).toList());
        Portfolio serial = Portfolio.create(p);
        for (LedgerEntry e : stored) {
            serial = serial.append(e.event(), e.key());
        }
        Portfolio loaded = setup.portfolio(p.id());
        assertThat(serial.state()).isEqualTo(loaded.state());
        BigDecimal cash = new BigDecimal("10000000");
        for (CommandResult.Booked b : booked) {
            cash = b.entry().event() instanceof Buy buy ? cash.subtract(buy.cashPaid().amount())
                    : cash.add(((Sell) b.entry().event()).proceeds().amount());
        }
        assertThat(loaded.state().cash(Currency.getInstance("USD")).amount()).isEqualByComparingTo(cash);
        assertThat(booked).hasSizeGreaterThan(writers * commands / 2);
    }

    // ------------------------------------------------------------------ failures

    /*
     * The database is unreachable when the store is first used, then comes back: the calls
     * meanwhile fail with StoreUnavailableException, and the same store works as soon as it
     * answers, without being made again.
     */
    @Test
    void firstUse_databaseUnreachableThenBack_failsAsUnavailableThenWorks() {
        SwitchableDataSource ds = new SwitchableDataSource(dataSource);
        ds.down("connection refused");
        JdbcPortfolioStore store = track(JdbcPortfolioStore.builder(ds).build());

        assertThatThrownBy(() -> store.list(ALICE)).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("refused");
        assertThatThrownBy(() -> store.create(info("p-1", "tech"))).isInstanceOf(StoreUnavailableException.class);
        ds.up();

        store.create(info("p-1", "tech"));
        assertThat(store.append(P1, 0, List.of(deposit(1, "e-1", "10")))).isEqualTo(1);
    }

    @Test
    void append_databaseGoneMidUse_failsAsUnavailableWritesNothingAndWorksWhenBack() throws SQLException {
        SwitchableDataSource ds = new SwitchableDataSource(dataSource);
        JdbcPortfolioStore store = track(JdbcPortfolioStore.builder(ds).build());
        store.create(info("p-1", "tech"));
        store.append(P1, 0, List.of(deposit(1, "e-1", "10")));

        ds.down("the database system is shutting down");
        assertThatThrownBy(() -> store.append(P1, 1, List.of(deposit(2, "e-2", "5")))).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("portfolio p-1");
        assertThatThrownBy(() -> store.find(P1)).isInstanceOf(StoreUnavailableException.class);
        ds.up();

        assertThat(query("SELECT COUNT(*) FROM erasmo_event")).containsExactly(List.of("1"));
        assertThat(store.append(P1, 1, List.of(deposit(2, "e-2", "5")))).isEqualTo(2);
    }

    /*
     * The connection dies in the middle of the first migration (after its first statement): the
     * store reports StoreUnavailableException, the lost connection being the first cause, not the
     * failures of the clean-up on the dead connection after it; the next use migrates.
     */
    @Test
    void firstUse_connectionLostDuringTheMigration_isUnavailable_andTheNextUseMigrates() throws SQLException {
        java.util.concurrent.atomic.AtomicInteger statements = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean dying = new java.util.concurrent.atomic.AtomicBoolean(true);
        DataSource flaky = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(dataSource, args);
                    if (!method.getName().equals("getConnection") || !dying.get()) {
                        return result;
                    }
                    Connection real = (Connection) result;
                    boolean[] dead = {false};
                    return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (p2, m, a) -> {
                                if (m.getName().equals("close")) {
                                    return m.invoke(real, a);
                                }
                                if (dead[0]) {
                                    // what a pool says of a connection it knows is gone: no SQLState
                                    throw new SQLException("Connection is closed");
                                }
                                if ((m.getName().equals("prepareStatement") || m.getName().equals("createStatement"))
                                        && statements.incrementAndGet() > 1) {
                                    dead[0] = true;
                                    throw new SQLException("terminating connection due to administrator command", "57P01");
                                }
                                try {
                                    return m.invoke(real, a);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
        JdbcPortfolioStore store = track(JdbcPortfolioStore.builder(flaky).database(database()).build());

        assertThatThrownBy(() -> store.list(ALICE)).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("administrator command");
        dying.set(false);

        assertThat(store.list(ALICE)).isEmpty();
        assertThat(query("SELECT version FROM erasmo_schema_version ORDER BY version")).containsExactly(List.of("1"), List.of("2"), List.of("3"));
    }

    /** A data source that can be switched off, refusing connections as a database that is down does. */
    static final class SwitchableDataSource implements DataSource {
        private final DataSource delegate;
        private volatile String down;

        SwitchableDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        void down(String why) {
            this.down = why;
        }

        void up() {
            this.down = null;
        }

        @Override
        public Connection getConnection() throws SQLException {
            String why = down;
            if (why != null) {
                throw new java.sql.SQLNonTransientConnectionException(why, "08001");
            }
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public java.io.PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return delegate.isWrapperFor(iface);
        }
    }
}
