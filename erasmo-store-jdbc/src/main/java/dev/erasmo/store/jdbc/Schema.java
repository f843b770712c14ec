package dev.erasmo.store.jdbc;

import dev.erasmo.store.SchemaException;
import dev.erasmo.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and checks the store's tables. The scripts ship in this jar under
 * {@code dev/erasmo/store/jdbc/schema/}: {@code common/} for every database, and a folder per
 * database ({@code sqlite/}, {@code mariadb/}, {@code h2/}) with its own version of a script where the common
 * one does not fit. They are listed here, not found by scanning, and each applied script is
 * recorded in {@code erasmo_schema_version}.
 *
 * <p>Stateless and thread-safe.
 */
final class Schema {

    /** A script that brings the schema to a version. */
    record Script(int version, String name) {
    }

    /** Creates {@code erasmo_schema_version} if it is missing; run before anything else. */
    static final String VERSION_TABLE = "erasmo_schema_version.sql";

    /** Every script, in the order they apply; the last one's version is the newest known. */
    static final List<Script> SCRIPTS = List.of(new Script(1, "V1__ledger.sql"), new Script(2, "V2__idempotency_key.sql"),
            new Script(3, "V3__portfolio_name_length.sql"));

    /** The newest schema version this code knows. */
    static final int LATEST = SCRIPTS.get(SCRIPTS.size() - 1).version();

    private Schema() {
    }

    /**
     * Brings the database's schema to {@link #LATEST}, applying the scripts it lacks; leaves the
     * connection's auto-commit as it found it.
     *
     * @param c the connection
     * @param dialect the database's dialect
     * @param clock for {@code applied_at}
     * @throws SchemaException if the database's schema is newer than this code knows, or a script
     *     fails
     */
    static void migrate(Connection c, Dialect dialect, Clock clock) {
        try {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            andThen(() -> {
                dialect.lockSchema(c);
                andThen(() -> {
                    for (int attempt = 1; ; attempt++) {
                        try {
                            // after a lost race, every script again: only H2 loses races, and its
                            // scripts create just what is missing
                            upgrade(c, dialect, clock, attempt > 1);
                            List<String> lacks = dialect.schemaLacks(c);
                            if (lacks.isEmpty()) {
                                break;
                            }
                            if (attempt == MAX_SCHEMA_ATTEMPTS) {
                                throw new SchemaException("the erasmo schema on " + dialect.database() + " still lacks "
                                        + String.join(", ", lacks) + " after " + attempt + " migrations: its scripts cannot make it "
                                        + "(a table changed by hand?) or other instances keep changing it");
                            }
                        } catch (SQLException e) {
                            if (attempt == MAX_SCHEMA_ATTEMPTS || !dialect.lostSchemaRace(e)) {
                                throw e;
                            }
                        }
                    }
                }, () -> dialect.unlockSchema(c));
            }, () -> c.setAutoCommit(autoCommit));
        } catch (SQLException e) {
            if (dialect.classify(e) == Dialect.Failure.UNAVAILABLE) {
                throw new StoreUnavailableException("could not create or check the erasmo schema on " + dialect.database()
                        + ", the database is unavailable: " + e.getMessage(), e);
            }
            throw new SchemaException("could not create or check the erasmo schema on " + dialect.database() + ": " + e.getMessage(), e);
        }
    }

    /** Work on a connection. */
    private interface SqlAction {
        void run() throws SQLException;
    }

    /**
     * Runs work, then a clean-up whatever happened; a clean-up that fails after the work failed
     * is added to the work's failure as suppressed, so the first cause (a lost connection, say)
     * is the one reported.
     */
    private static void andThen(SqlAction work, SqlAction cleanUp) throws SQLException {
        try {
            work.run();
        } catch (SQLException | RuntimeException | Error e) {
            try {
                cleanUp.run();
            } catch (SQLException | RuntimeException c) {
                e.addSuppressed(c);
            }
            throw e;
        }
        cleanUp.run();
    }

    /** How often a migration that lost a race with another instance's starts again (H2). */
    static final int MAX_SCHEMA_ATTEMPTS = 10;

    private static void upgrade(Connection c, Dialect dialect, Clock clock, boolean everyScript) throws SQLException {
        run(c, dialect, VERSION_TABLE);
        int current = currentVersion(c);
        if (current > LATEST) {
            throw new SchemaException("the database holds erasmo schema version " + current
                    + ", newer than the newest this erasmo-store-jdbc knows (" + LATEST + "): use a newer erasmo");
        }
        for (Script script : SCRIPTS) {
            if (everyScript || script.version() > current) {
                apply(c, dialect, script, clock, everyScript);
            }
        }
    }

    /**
     * Checks that the database's schema is the newest this code knows, changing nothing.
     *
     * @param c the connection
     * @param dialect the database's dialect
     * @throws SchemaException if there is no erasmo schema, or it is older or newer
     */
    static void validate(Connection c, Dialect dialect) {
        int current;
        try {
            current = currentVersion(c);
        } catch (SQLException e) {
            throw new SchemaException("there is no erasmo schema on " + dialect.database() + " (no erasmo_schema_version table):"
                    + " apply the scripts under dev/erasmo/store/jdbc/schema/ or build the store with SchemaMode.MIGRATE", e);
        }
        if (current != LATEST) {
            throw new SchemaException("the database holds erasmo schema version " + current + " but this erasmo-store-jdbc needs version "
                    + LATEST + (current < LATEST ? ": apply the newer scripts, or build the store with SchemaMode.MIGRATE" : ": use a newer erasmo"));
        }
    }

    /**
     * Reads the newest recorded version.
     *
     * @param c the connection
     * @return the version, 0 when none is recorded
     * @throws SQLException from the driver
     */
    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM erasmo_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Applies one script and records it, in one transaction where the database's DDL is
     * transactional, unless another instance recorded it in the meantime (then only if asked to
     * run it even so).
     */
    private static void apply(Connection c, Dialect dialect, Script script, Clock clock, boolean evenIfRecorded) throws SQLException {
        c.setAutoCommit(!dialect.transactionalSchemaChanges());
        andThen(() -> applyIn(c, dialect, script, clock, evenIfRecorded), () -> c.setAutoCommit(true));
    }

    private static void applyIn(Connection c, Dialect dialect, Script script, Clock clock, boolean evenIfRecorded) throws SQLException {
        String path = path(dialect, script.name());
        try {
            dialect.beginSchemaChange(c);
            boolean recorded = currentVersion(c) >= script.version();
            if ((evenIfRecorded || !recorded) && !dialect.alreadyApplied(c, script.name())) {
                run(c, dialect, script.name());
            }
            if (!recorded) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO erasmo_schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, script.version());
                    ps.setString(2, path);
                    ps.setString(3, clock.instant().toString());
                    ps.executeUpdate();
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            try {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            } catch (SQLException r) {
                e.addSuppressed(r);
                throw e;
            }
            // another instance applied the same script at the same moment where no lock keeps
            // them apart (H2, whose scripts only create what is missing): start again, or go on
            // if it is recorded
            if (dialect.lostSchemaRace(e)) {
                throw e;
            }
            if (dialect.classify(e) == Dialect.Failure.UNAVAILABLE) {
                throw e;
            }
            if (dialect.classify(e) != Dialect.Failure.INTEGRITY || currentVersion(c) < script.version()) {
                throw new SchemaException("could not apply " + path + " (erasmo schema version " + script.version() + ") on "
                        + dialect.database() + ": " + e.getMessage(), e);
            }
        }
    }

    private static void run(Connection c, Dialect dialect, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements(read(path(dialect, name)))) {
                s.execute(sql);
            }
        }
    }

    /**
     * Finds a script: the database's own version if it has one, else the common one.
     *
     * @param dialect the database's dialect
     * @param name the script's file name
     * @return its path under {@code schema/}, e.g. {@code sqlite/V1__ledger.sql}
     */
    static String path(Dialect dialect, String name) {
        String own = dialect.folder() + "/" + name;
        return Schema.class.getResource("schema/" + own) != null ? own : "common/" + name;
    }

    private static String read(String path) {
        try (InputStream in = Schema.class.getResourceAsStream("schema/" + path)) {
            if (in == null) {
                throw new SchemaException("schema script " + path + " is missing from the erasmo-store-jdbc jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SchemaException("could not read schema script " + path, e);
        }
    }

    /**
     * Splits a script into statements: lines starting with {@code --} are comments, and a
     * statement ends with a semicolon at the end of a line.
     *
     * @param script the script
     * @return its statements, without the semicolons
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            if (t.endsWith(";")) {
                current.append(t, 0, t.length() - 1);
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(t).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
