package dev.erasmo.store.jdbc;

import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.money.Currencies;
import dev.erasmo.portfolio.CostMethod;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.store.DuplicatePortfolioException;
import dev.erasmo.store.LedgerTail;
import dev.erasmo.store.PortfolioNotFoundException;
import dev.erasmo.store.PortfolioStore;
import dev.erasmo.store.SchemaException;
import dev.erasmo.store.StaleVersionException;
import dev.erasmo.store.StoreException;
import dev.erasmo.store.StoreUnavailableException;
import dev.erasmo.store.StoredPortfolio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A {@link PortfolioStore} in a relational database: an embedded SQLite file
 * ({@link #sqlite(Path)}), or SQLite, H2, PostgreSQL or MariaDB through a {@link DataSource}
 * ({@link #builder(DataSource)}).
 *
 * <p><b>Schema.</b> Created on first use from SQL scripts inside this jar
 * ({@code dev/erasmo/store/jdbc/schema/}: {@code common/}, with a database's own version of a
 * script in its folder), and recorded in {@code erasmo_schema_version(version, script,
 * applied_at)}. A database whose recorded version is newer than this code knows is refused with a
 * {@link SchemaException}. The tables are {@code erasmo_portfolio(id, owner, name, base_currency,
 * cost_method, version, created_at_second, created_at_nano)}, unique on {@code (owner, name)}, and
 * {@code erasmo_event(portfolio_id, seq, event_id, kind, effective_at_second, effective_at_nano,
 * symbol, currency, quantity, price, amount, fee, numerator, denominator, description,
 * idempotency_key)}, keyed by {@code (portfolio_id, seq)} and unique on
 * {@code (portfolio_id, event_id)} and {@code (portfolio_id, idempotency_key)}: typed columns, so
 * the embedding application can query ledgers with plain SQL.
 *
 * <p><b>Exact values.</b> Decimals are stored exactly: {@code DECIMAL(38,12)}, or plain decimal
 * TEXT on SQLite, which has no exact decimal type; so {@code 0.1} and
 * {@code 12345678901234.567890123} read back identical. A value with more than 26 digits before
 * the point or more than 12 after is refused with a {@link StoreException} before anything is
 * written (erasmo's own values have at most 9 decimals). Instants are stored in UTC to the
 * nanosecond as an epoch second and a nanosecond of that second, whatever the session's time zone.
 *
 * <p><b>Writes.</b> Each call is one transaction. An append updates the portfolio's version with
 * {@code UPDATE ... SET version = ? WHERE id = ? AND version = ?} and inserts the entries; when no
 * row matches, the append fails with {@link StaleVersionException} (or
 * {@link PortfolioNotFoundException}) and writes nothing. Failures are told apart by SQLState
 * class (integrity {@code 23}, transaction rollback {@code 40}) or, on SQLite, by its result codes.
 *
 * <p>Thread-safe: every call takes its own connection from the data source. {@link #close()}
 * releases what this store created (the connection that keeps an SQLite file open); it never
 * closes a caller's data source. After closing, every method throws {@link IllegalStateException}.
 */
public final class JdbcPortfolioStore implements PortfolioStore, AutoCloseable {

    /**
     * How long {@link #sqlite(Path)} waits for another writer's lock on the file before failing,
     * in milliseconds.
     */
    public static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

    /** What the store does with its schema when it first connects. */
    public enum SchemaMode {
        /** Creates the schema, or applies the scripts it lacks, recording each in {@code erasmo_schema_version}. */
        MIGRATE,
        /**
         * Only checks that {@code erasmo_schema_version} records the newest version this code
         * knows, and refuses to work otherwise ({@link dev.erasmo.store.SchemaException}).
         */
        VALIDATE
    }

    /** The databases this store knows, each with its own small dialect. */
    public enum Database {
        /** SQLite 3 (decimals as TEXT). */
        SQLITE,
        /** H2 2. */
        H2,
        /** PostgreSQL. */
        POSTGRESQL,
        /** MariaDB; MySQL is detected as this too, but untested. */
        MARIADB
    }

    private static final String PORTFOLIO_COLUMNS = "p.id, p.owner, p.name, p.base_currency, p.cost_method, p.version,"
            + " p.created_at_second, p.created_at_nano";
    /** How many columns {@link #PORTFOLIO_COLUMNS} names. */
    private static final int PORTFOLIO_COLUMN_COUNT = 8;

    private final DataSource dataSource;
    private final @Nullable Database database;
    private final Clock clock;
    private final SchemaMode schema;
    private final @Nullable Connection keeper;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object initLock = new Object();
    private volatile @Nullable Dialect dialect;

    private JdbcPortfolioStore(DataSource dataSource, @Nullable Database database, Clock clock, @Nullable Connection keeper, SchemaMode schema) {
        this.dataSource = dataSource;
        this.database = database;
        this.clock = clock;
        this.schema = schema;
        this.keeper = keeper;
    }

    /**
     * Opens a store in an SQLite database file, creating the file and its parent folders if they
     * are missing. The database runs in WAL mode, with foreign keys enforced and a busy timeout of
     * {@value #SQLITE_BUSY_TIMEOUT_MILLIS} ms. The store keeps one connection open until
     * {@link #close()}, so that the file's write-ahead log is not set up and torn down on every call.
     *
     * @param file the database file, e.g. {@code Path.of("paper.db")}
     * @return the store; close it when done
     * @throws StoreException if the folders cannot be created or the file cannot be opened
     */
    public static JdbcPortfolioStore sqlite(Path file) {
        Path absolute = Objects.requireNonNull(file, "file").toAbsolutePath();
        Path folder = absolute.getParent();
        try {
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new StoreException("could not create folder " + folder + " for SQLite database " + absolute, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + absolute);
        Connection keeper = null;
        try {
            keeper = ds.getConnection();
            try (Statement s = keeper.createStatement()) {
                // a first read opens the write-ahead log, which this connection then holds open
                s.executeQuery("SELECT COUNT(*) FROM sqlite_master").close();
            }
            return new JdbcPortfolioStore(ds, Database.SQLITE, Clock.systemUTC(), keeper, SchemaMode.MIGRATE);
        } catch (SQLException e) {
            StoreException failure = new StoreException("could not open SQLite database " + absolute + ": " + e.getMessage(), e);
            if (keeper != null) {
                try {
                    keeper.close();
                } catch (SQLException c) {
                    failure.addSuppressed(c);
                }
            }
            throw failure;
        }
    }

    /**
     * Starts building a store over a data source, for example a connection pool. The database is
     * recognized from the connection's metadata unless {@link Builder#database(Database) named}.
     * The store never closes the data source.
     *
     * @param dataSource where connections come from
     * @return a builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<StoredPortfolio> find(PortfolioId id) {
        return read(id, 0).map(t -> new StoredPortfolio(t.info(), t.version(), t.entries()));
    }

    /**
     * {@inheritDoc}
     *
     * <p>One statement reads the version and the entries after {@code afterVersion}, so the read is
     * consistent on every database.
     */
    @Override
    public Optional<LedgerTail> findTail(PortfolioId id, long afterVersion) {
        Optional<LedgerTail> tail = read(id, afterVersion);
        if (tail.isPresent() && tail.get().version() < afterVersion) {
            return read(id, 0);
        }
        return tail;
    }

    private Optional<LedgerTail> read(PortfolioId id, long afterVersion) {
        Objects.requireNonNull(id, "id");
        Dialect d = open();
        try {
            return transaction(d, READS, c -> {
                PortfolioInfo info;
                long version;
                try (PreparedStatement ps = c.prepareStatement("SELECT " + PORTFOLIO_COLUMNS + " FROM erasmo_portfolio p WHERE p.id = ?")) {
                    ps.setString(1, id.value());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        info = info(rs);
                        version = rs.getLong("version");
                    }
                }
                // every entry up to that version was committed with it, so this second read finds them all, unless the
                // portfolio was deleted in between: then the one statement that reads both tells what is there
                List<LedgerEntry> entries = version > afterVersion ? entries(c, d, id, afterVersion, version) : List.of();
                if (entries.size() != version - Math.min(version, afterVersion)) {
                    return readAtOnce(c, d, id, afterVersion);
                }
                return Optional.of(new LedgerTail(info, version, entries));
            });
        } catch (SQLException e) {
            throw failed(d, "load portfolio " + id, e);
        }
    }

    /** The entries numbered after one version up to another, in order. */
    private static List<LedgerEntry> entries(Connection c, Dialect d, PortfolioId id, long after, long upTo) throws SQLException {
        List<LedgerEntry> entries = new ArrayList<>((int) Math.min(upTo - after, 1 << 16));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EventRow.COLUMNS
                + " FROM erasmo_event e WHERE e.portfolio_id = ? AND e.seq > ? AND e.seq <= ? ORDER BY e.seq")) {
            ps.setString(1, id.value());
            ps.setLong(2, after);
            ps.setLong(3, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(EventRow.read(rs, d, 1).toEntry(id));
                }
            }
        }
        return entries;
    }

    /** The portfolio and its entries after a version in one statement, so one snapshot on every database. */
    private static Optional<LedgerTail> readAtOnce(Connection c, Dialect d, PortfolioId id, long afterVersion) throws SQLException {
        String sql = "SELECT " + PORTFOLIO_COLUMNS + ", " + EventRow.COLUMNS + " FROM erasmo_portfolio p"
                + " LEFT JOIN erasmo_event e ON e.portfolio_id = p.id AND e.seq <= p.version AND e.seq > ? WHERE p.id = ? ORDER BY e.seq";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, afterVersion);
            ps.setString(2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                PortfolioInfo info = info(rs);
                long version = rs.getLong("version");
                List<LedgerEntry> entries = new ArrayList<>();
                do {
                    rs.getLong("seq");
                    if (!rs.wasNull()) {
                        entries.add(EventRow.read(rs, d, PORTFOLIO_COLUMN_COUNT + 1).toEntry(id));
                    }
                } while (rs.next());
                long expected = Math.max(0, version - afterVersion);
                if (entries.size() != expected) {
                    throw new StoreException("portfolio " + id + " is at version " + version + " but its ledger has "
                            + entries.size() + " entries after entry " + afterVersion + ", not " + expected);
                }
                return Optional.of(new LedgerTail(info, version, entries));
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Names compare exactly, whatever the database's collation: {@code Tech} is not {@code tech}.
     */
    @Override
    public Optional<PortfolioInfo> findByName(Owner owner, String name) {
        Objects.requireNonNull(owner, "owner");
        String normalized = PortfolioInfo.normalizeName(Objects.requireNonNull(name, "name"));
        return select("WHERE p.owner = ? AND p.name = ?", "find portfolio '" + normalized + "' of owner " + owner, owner.value(),
                normalized).stream().filter(i -> i.owner().equals(owner) && i.name().equals(normalized)).findFirst();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The order is that of {@link String#compareTo}, whatever the database's collation.
     */
    @Override
    public List<PortfolioInfo> list(Owner owner) {
        Objects.requireNonNull(owner, "owner");
        return select("WHERE p.owner = ?", "list the portfolios of owner " + owner, owner.value()).stream()
                .filter(i -> i.owner().equals(owner)).sorted(Comparator.comparing(PortfolioInfo::name)).toList();
    }

    private List<PortfolioInfo> select(String where, String what, String... parameters) {
        Dialect d = open();
        try {
            return transaction(d, READS, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + PORTFOLIO_COLUMNS + " FROM erasmo_portfolio p " + where)) {
                    for (int i = 0; i < parameters.length; i++) {
                        ps.setString(i + 1, parameters[i]);
                    }
                    List<PortfolioInfo> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(info(rs));
                        }
                    }
                    return out;
                }
            });
        } catch (SQLException e) {
            throw failed(d, what, e);
        }
    }

    private static PortfolioInfo info(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        try {
            return new PortfolioInfo(PortfolioId.of(id), Owner.of(rs.getString("owner")), rs.getString("name"),
                    Currencies.of(rs.getString("base_currency")), CostMethod.valueOf(rs.getString("cost_method")),
                    Instant.ofEpochSecond(rs.getLong("created_at_second"), rs.getInt("created_at_nano")));
        } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
            throw new StoreException("portfolio " + id + " has settings that are not valid: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void create(PortfolioInfo info, List<LedgerEntry> entries) {
        Objects.requireNonNull(info, "info");
        PortfolioStore.checkNumberingFrom(0, entries);
        PortfolioStore.checkDistinctEventIds(info.id(), entries);
        List<EventRow> rows = entries.stream().map(EventRow::of).toList();
        Dialect d = open();
        try {
            transaction(d, WRITES, c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO erasmo_portfolio (id, owner, name, base_currency,"
                        + " cost_method, version, created_at_second, created_at_nano) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, info.id().value());
                    ps.setString(2, info.owner().value());
                    ps.setString(3, info.name());
                    ps.setString(4, info.baseCurrency().getCurrencyCode());
                    ps.setString(5, info.costMethod().name());
                    ps.setLong(6, rows.size());
                    ps.setLong(7, info.createdAt().getEpochSecond());
                    ps.setInt(8, info.createdAt().getNano());
                    ps.executeUpdate();
                }
                insert(c, d, info.id(), rows);
                return null;
            });
        } catch (SQLException e) {
            if (d.classify(e) == Dialect.Failure.INTEGRITY) {
                throw duplicate(info, e);
            }
            throw failed(d, "create portfolio " + info.id(), e);
        }
    }

    /** Says which uniqueness a failed create broke, by looking at what is there now. */
    private StoreException duplicate(PortfolioInfo info, SQLException cause) {
        List<PortfolioInfo> clashes;
        try {
            clashes = select("WHERE p.id = ? OR (p.owner = ? AND p.name = ?)", "find what portfolio " + info.id() + " clashes with",
                    info.id().value(), info.owner().value(), info.name());
        } catch (StoreException e) {
            e.addSuppressed(cause);
            return e;
        }
        if (clashes.stream().anyMatch(i -> i.id().equals(info.id()))) {
            return new DuplicatePortfolioException("portfolio id " + info.id() + " exists already", cause);
        }
        if (clashes.stream().anyMatch(i -> i.owner().equals(info.owner()) && i.name().equals(info.name()))) {
            return new DuplicatePortfolioException("owner " + info.owner() + " has a portfolio named '" + info.name() + "' already",
                    cause);
        }
        return new DuplicatePortfolioException("portfolio id " + info.id() + ", or the name '" + info.name() + "' of owner "
                + info.owner() + ", was taken while creating it", cause);
    }

    @Override
    public void delete(PortfolioId id) {
        Objects.requireNonNull(id, "id");
        Dialect d = open();
        try {
            transaction(d, WRITES, c -> {
                // a write first, so that a concurrent append waits for this transaction and then
                // finds no portfolio, rather than adding entries to one being deleted
                if (update(c, "UPDATE erasmo_portfolio SET version = version + 1 WHERE id = ?", id.value()) == 0) {
                    throw new PortfolioNotFoundException("no portfolio with id " + id);
                }
                update(c, "DELETE FROM erasmo_event WHERE portfolio_id = ?", id.value());
                update(c, "DELETE FROM erasmo_portfolio WHERE id = ?", id.value());
                return null;
            });
        } catch (SQLException e) {
            throw failed(d, "delete portfolio " + id, e);
        }
    }

    private static int update(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            return ps.executeUpdate();
        }
    }

    @Override
    public long append(PortfolioId id, long expectedVersion, List<LedgerEntry> entries) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(entries, "entries");
        PortfolioStore.checkNumbering(expectedVersion, entries);
        PortfolioStore.checkDistinctEventIds(id, entries);
        List<EventRow> rows = entries.stream().map(EventRow::of).toList();
        long newVersion = expectedVersion + entries.size();
        Dialect d = open();
        try {
            return transaction(d, WRITES, c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE erasmo_portfolio SET version = ? WHERE id = ? AND version = ?")) {
                    ps.setLong(1, newVersion);
                    ps.setString(2, id.value());
                    ps.setLong(3, expectedVersion);
                    if (ps.executeUpdate() == 0) {
                        throw notAtVersion(c, id, expectedVersion);
                    }
                }
                insert(c, d, id, rows);
                return newVersion;
            });
        } catch (SQLException e) {
            throw switch (d.classify(e)) {
                case CONFLICT -> new StaleVersionException("portfolio " + id + " expected version " + expectedVersion
                        + " but a concurrent writer changed it", e);
                case INTEGRITY -> taken(d, id, rows, e);
                case UNAVAILABLE, OTHER -> failed(d, "append " + entries.size() + " entries to portfolio " + id, e);
            };
        }
    }

    /** How many rows one INSERT statement carries when many are appended at once. */
    static final int ROWS_PER_INSERT = 100;

    /**
     * Inserts ledger rows inside the caller's transaction: {@value #ROWS_PER_INSERT} rows a
     * statement, those statements in one JDBC batch, and the rest in one more statement.
     */
    private static void insert(Connection c, Dialect d, PortfolioId id, List<EventRow> rows) throws SQLException {
        int full = rows.size() / ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(EventRow.insert(ROWS_PER_INSERT))) {
                for (int s = 0; s < full; s++) {
                    for (int r = 0; r < ROWS_PER_INSERT; r++) {
                        rows.get(s * ROWS_PER_INSERT + r).bind(ps, d, id, r);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        int rest = rows.size() - full * ROWS_PER_INSERT;
        if (rest > 0) {
            try (PreparedStatement ps = c.prepareStatement(EventRow.insert(rest))) {
                for (int r = 0; r < rest; r++) {
                    rows.get(full * ROWS_PER_INSERT + r).bind(ps, d, id, r);
                }
                ps.executeUpdate();
            }
        }
    }

    /** Tells a stale version from a missing portfolio, after the version update matched no row. */
    private static StoreException notAtVersion(Connection c, PortfolioId id, long expectedVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM erasmo_portfolio WHERE id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new PortfolioNotFoundException("no portfolio with id " + id);
                }
                return new StaleVersionException("portfolio " + id + " expected version " + expectedVersion + " but found "
                        + rs.getLong(1));
            }
        }
    }

    /** Names the event ids and idempotency keys that a failed append clashed with, by looking at what is there now. */
    private StoreException taken(Dialect d, PortfolioId id, List<EventRow> rows, SQLException cause) {
        Set<String> taken = new java.util.TreeSet<>();
        try {
            transaction(d, READS, c -> {
                for (String column : List.of("event_id", "idempotency_key")) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM erasmo_event WHERE portfolio_id = ? AND "
                            + column + " = ?")) {
                        for (EventRow row : rows) {
                            String value = column.equals("event_id") ? row.eventId() : row.key();
                            if (value == null) {
                                continue;
                            }
                            ps.setString(1, id.value());
                            ps.setString(2, value);
                            try (ResultSet rs = ps.executeQuery()) {
                                if (rs.next() && value.equals(rs.getString(1))) {
                                    taken.add((column.equals("event_id") ? "an event with id " : "an entry with idempotency key ") + value);
                                }
                            }
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        if (taken.isEmpty()) {
            return new StoreException("appending to portfolio " + id + " broke an integrity constraint", cause);
        }
        return new StoreException("portfolio " + id + " already has " + String.join(", ", taken), cause);
    }

    // ------------------------------------------------------------------ life cycle

    /**
     * Closes the store: releases the connection that {@link #sqlite(Path)} keeps open; a store
     * over a caller's data source leaves it open. Calling it again does nothing.
     *
     * @throws StoreException if that connection fails to close
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && keeper != null) {
            try {
                keeper.close();
            } catch (SQLException e) {
                throw new StoreException("could not close the SQLite database", e);
            }
        }
    }

    /**
     * Checks that the store is open and its schema ready, creating the schema on first use.
     *
     * @return the database's dialect
     */
    private Dialect open() {
        if (closed.get()) {
            throw new IllegalStateException("this JdbcPortfolioStore is closed");
        }
        Dialect d = dialect;
        if (d != null) {
            return d;
        }
        synchronized (initLock) {
            if (dialect == null) {
                try (Connection c = connection()) {
                    Dialect detected = database != null ? Dialect.of(database) : Dialect.detect(c.getMetaData());
                    if (schema == SchemaMode.MIGRATE) {
                        Schema.migrate(c, detected, clock);
                    } else {
                        Schema.validate(c, detected);
                    }
                    dialect = detected;
                } catch (SQLException e) {
                    String why = "could not connect to the database: " + e.getMessage();
                    throw Dialect.isUnavailable(e) ? new StoreUnavailableException(why, e) : new StoreException(why, e);
                }
            }
            return Objects.requireNonNull(dialect);
        }
    }

    /**
     * A connection from the data source; a data source that fails otherwise than by an
     * {@link SQLException} (a pool that throws, or hands out nothing) is reported as one.
     */
    private Connection connection() throws SQLException {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (RuntimeException e) {
            throw new SQLException("the data source failed to give a connection: " + e, "08001", e);
        }
        if (c == null) {
            throw new SQLException("the data source gave no connection (null)", "08001");
        }
        return c;
    }

    /** Work on a connection inside a transaction. */
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * How often a call whose connection broke before it committed is tried, each time on a
     * connection of its own: a pool may hand out a connection that died while idle (the database
     * restarted, or an administrator killed it), and nothing of such a transaction was kept.
     */
    static final int CONNECTION_ATTEMPTS = 3;

    /**
     * Runs work in one transaction, trying it again on another connection (up to
     * {@value #CONNECTION_ATTEMPTS} times in all) when the connection breaks before the commit,
     * or at any time for work that only reads. A write whose connection breaks while committing
     * is not tried again: it may have been kept, and the failure says so.
     */
    /** A transaction that writes: one whose commit, once under way, may have been kept. */
    private static final boolean WRITES = true;
    /** A transaction that only reads: nothing is lost if it is tried again, even after its commit broke. */
    private static final boolean READS = false;

    private <T> T transaction(Dialect d, boolean writes, SqlWork<T> work) throws SQLException {
        SQLException lost = null;
        for (int attempt = 1; ; attempt++) {
            boolean[] committing = {false};
            try {
                return transactionOnce(work, committing);
            } catch (SQLException e) {
                if (lost != null) {
                    e.addSuppressed(lost);
                }
                if (d.classify(e) != Dialect.Failure.UNAVAILABLE) {
                    throw e;
                }
                if (writes && committing[0]) {
                    throw new SQLException("the connection broke while committing, so the write may or may not have been kept"
                            + " (send the command again with its idempotency key): " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
                }
                if (attempt == CONNECTION_ATTEMPTS) {
                    throw e;
                }
                lost = e;
            }
        }
    }

    /**
     * Runs work in one transaction on a connection of its own: commits if it returns, rolls back
     * if it throws, and leaves the connection's auto-commit as it found it.
     *
     * @param committing set when the commit is under way
     */
    private <T> T transactionOnce(SqlWork<T> work, boolean[] committing) throws SQLException {
        try (Connection c = connection()) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            T result;
            try {
                result = work.run(c);
                committing[0] = true;
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                    c.setAutoCommit(autoCommit);
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
            c.setAutoCommit(autoCommit);
            return result;
        }
    }

    /**
     * The exception for a failed call: {@link StoreUnavailableException} when the database went
     * away, else a plain {@link StoreException}.
     */
    private static StoreException failed(Dialect d, String what, SQLException e) {
        if (d.classify(e) == Dialect.Failure.UNAVAILABLE) {
            return new StoreUnavailableException("could not " + what + ", the database is unavailable: " + e.getMessage(), e);
        }
        return new StoreException("could not " + what + ": " + e.getMessage(), e);
    }

    /**
     * Builds a {@link JdbcPortfolioStore} over a data source.
     *
     * <p>Not thread-safe; the store it builds is.
     */
    public static final class Builder {

        private final DataSource dataSource;
        private @Nullable Database database;
        private Clock clock = Clock.systemUTC();
        private SchemaMode schema = SchemaMode.MIGRATE;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Names the database instead of recognizing it from the connection's metadata: for a
         * database that speaks one of the known dialects under another name.
         *
         * @param database the database
         * @return this builder
         */
        public Builder database(Database database) {
            this.database = Objects.requireNonNull(database, "database");
            return this;
        }

        /**
         * Sets the clock that dates applied schema scripts ({@code applied_at}). Default: the
         * system clock in UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether the store creates and upgrades its schema on first use ({@link SchemaMode#MIGRATE},
         * the default) or only checks it ({@link SchemaMode#VALIDATE}, for teams that apply the
         * scripts with their own Flyway or Liquibase).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder schema(SchemaMode mode) {
            this.schema = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Builds the store. It connects on first use, when it also creates or checks the schema.
         *
         * @return the store; closing it leaves the data source open
         */
        public JdbcPortfolioStore build() {
            return new JdbcPortfolioStore(dataSource, database, clock, null, schema);
        }
    }
}
