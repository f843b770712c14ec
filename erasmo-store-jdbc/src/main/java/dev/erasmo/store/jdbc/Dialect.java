package dev.erasmo.store.jdbc;

import dev.erasmo.store.StoreException;
import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What differs between databases, with the portable behaviour as the default: one small subclass
 * per database overrides what its database does differently.
 *
 * <p>Stateless and thread-safe.
 */
abstract class Dialect {

    /** Digits in all of a decimal column: {@code DECIMAL(38,12)} in the schema scripts. */
    static final int DECIMAL_PRECISION = 38;
    /** Digits after the point in a decimal column. */
    static final int DECIMAL_SCALE = 12;

    /** How a failed statement is to be understood. */
    enum Failure {
        /** A constraint (primary key, unique, foreign key, not null) rejected the write. */
        INTEGRITY,
        /** The database gave up the transaction because of a concurrent one: retrying may work. */
        CONFLICT,
        /**
         * The database could not be reached or the connection broke (it went down, restarted,
         * or the connection was killed): nothing of the transaction was kept, unless it broke
         * while committing.
         */
        UNAVAILABLE,
        /** Anything else: the SQL is wrong, a timeout, a disk full. */
        OTHER
    }

    /**
     * Names the database.
     *
     * @return the database
     */
    abstract Database database();

    /**
     * Names the folder under {@code schema/} with this database's versions of the common scripts.
     *
     * @return the folder's name
     */
    final String folder() {
        return database().name().toLowerCase(Locale.ROOT);
    }

    /**
     * Binds an exact decimal, or SQL NULL.
     *
     * @param ps the statement
     * @param index the parameter's index
     * @param value the value, already checked by {@link #checkFits}
     * @throws SQLException from the driver
     */
    void setDecimal(PreparedStatement ps, int index, @Nullable BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DECIMAL);
        } else {
            ps.setBigDecimal(index, value);
        }
    }

    /**
     * Reads an exact decimal, without trailing zeros (H2 and PostgreSQL hand back a
     * {@code DECIMAL(38,12)} column's {@code 2} as {@code 2.000000000000}).
     *
     * @param rs the result set
     * @param column the column's index
     * @return the value, or null for SQL NULL
     * @throws SQLException from the driver
     */
    @Nullable BigDecimal getDecimal(ResultSet rs, int column) throws SQLException {
        return normalize(rs.getBigDecimal(column));
    }

    /**
     * Tells what a failure means, from the SQLState of the exception or of any exception chained
     * to it: a lost connection first ({@link #isUnavailable}), then class {@code 23} is an
     * integrity violation, class {@code 40} (serialization failure {@code 40001}, PostgreSQL's
     * deadlock {@code 40P01}) a conflict.
     *
     * @param e the failure
     * @return its meaning
     */
    Failure classify(SQLException e) {
        if (isUnavailable(e)) {
            return Failure.UNAVAILABLE;
        }
        for (SQLException s : chain(e)) {
            String state = s.getSQLState();
            if (state != null && state.startsWith("23")) {
                return Failure.INTEGRITY;
            }
            if (state != null && state.startsWith("40")) {
                return Failure.CONFLICT;
            }
        }
        return Failure.OTHER;
    }

    /**
     * Keeps other instances from changing the schema until {@link #unlockSchema}: called on a
     * connection in auto-commit mode before the store reads the recorded schema version, so two
     * instances starting at once against an empty database do not both apply a script. The
     * default does nothing: H2's scripts create only what is missing and a version recorded
     * twice is refused by its key, so a race there ends in one schema too.
     *
     * @param c the connection the migration runs on
     * @throws SQLException from the driver, or if the lock cannot be had in time
     */
    void lockSchema(Connection c) throws SQLException {
    }

    /**
     * Releases what {@link #lockSchema} took; called on the same connection, also after a failure.
     *
     * @param c the connection the migration ran on
     * @throws SQLException from the driver
     */
    void unlockSchema(Connection c) throws SQLException {
    }

    /**
     * Runs first in the transaction that applies one schema script, before the recorded version
     * is read again: SQLite takes its write lock there. The default does nothing.
     *
     * @param c the connection, not in auto-commit mode
     * @throws SQLException from the driver
     */
    void beginSchemaChange(Connection c) throws SQLException {
    }

    /**
     * Tells whether a failed schema script lost a race with another instance's migration, so that
     * the migration reads the recorded version again and goes on. The default: never (the lock of
     * {@link #lockSchema} keeps instances apart).
     *
     * @param e the failure
     * @return true to try again
     */
    boolean lostSchemaRace(SQLException e) {
        return false;
    }

    /**
     * What the schema lacks of the tables, columns, constraints and indexes the scripts make,
     * checked after a migration where no lock keeps instances apart. The default: nothing (the
     * lock of {@link #lockSchema} does).
     *
     * @param c the connection the migration ran on
     * @return what is missing, described; empty when nothing is (else every script runs again)
     * @throws SQLException from the driver
     */
    List<String> schemaLacks(Connection c) throws SQLException {
        return List.of();
    }

    /**
     * Tells whether what a script does is in the schema already, so that running it (again)
     * would change what is there rather than add what is missing. The default: no.
     *
     * @param c the connection the migration runs on
     * @param script the script's file name, e.g. {@code V3__portfolio_name_length.sql}
     * @return true to skip the script (it is still recorded)
     * @throws SQLException from the driver
     */
    boolean alreadyApplied(Connection c, String script) throws SQLException {
        return false;
    }

    /**
     * Tells whether a schema script and the record of its version run in one transaction. The
     * default: yes. H2 commits what a DDL statement did on its own; rolling such a transaction
     * back could take away what another instance's script already relied on.
     *
     * @return false to run each statement in auto-commit mode
     */
    boolean transactionalSchemaChanges() {
        return true;
    }

    /** How long {@link #lockSchema} waits for another instance's migration, in seconds. */
    static final int SCHEMA_LOCK_TIMEOUT_SECONDS = 60;

    /**
     * Tells whether a failure means the database could not be reached or the connection broke,
     * whatever the database: the driver's connection exception types, SQLState class {@code 08}
     * (connection exception), PostgreSQL's {@code 57P01} to {@code 57P03} (the server shutting
     * down, crashed or starting) and MariaDB's {@code 70100} (the connection or its query was
     * killed).
     *
     * @param e the failure
     * @return true if the database went away
     */
    static boolean isUnavailable(SQLException e) {
        for (SQLException s : chain(e)) {
            if (s instanceof java.sql.SQLTransientConnectionException || s instanceof java.sql.SQLNonTransientConnectionException
                    || s instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            String state = s.getSQLState();
            if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                    || state.equals("70100"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks that a decimal fits the schema's {@code DECIMAL(38,12)} columns exactly, so that no
     * database rounds or truncates it on the way in.
     *
     * @param column the column, for the message
     * @param value the value, or null
     * @throws StoreException if it needs more than 12 decimals or 26 digits before the point
     */
    static void checkFits(String column, @Nullable BigDecimal value) {
        BigDecimal n = normalize(value);
        if (n != null && (n.scale() > DECIMAL_SCALE || n.precision() - n.scale() > DECIMAL_PRECISION - DECIMAL_SCALE)) {
            throw new StoreException(column + " " + n.toPlainString() + " does not fit the store's decimals of at most "
                    + (DECIMAL_PRECISION - DECIMAL_SCALE) + " digits before the point and " + DECIMAL_SCALE + " after");
        }
    }

    /**
     * Removes trailing zeros without leaving a negative scale, so equal values are equal.
     *
     * @param value a decimal, or null
     * @return the normalized decimal, or null
     */
    static @Nullable BigDecimal normalize(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /**
     * The exception, the exceptions chained to it with {@link SQLException#getNextException()}
     * (batches) and its causes that are SQL exceptions, each once.
     *
     * @param e the failure
     * @return the chain, {@code e} first
     */
    static List<SQLException> chain(SQLException e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<SQLException> out = new ArrayList<>();
        List<SQLException> todo = new ArrayList<>(List.of(e));
        while (!todo.isEmpty()) {
            SQLException s = todo.remove(0);
            if (!seen.add(s)) {
                continue;
            }
            out.add(s);
            if (s.getNextException() != null) {
                todo.add(s.getNextException());
            }
            if (s.getCause() instanceof SQLException cause) {
                todo.add(cause);
            }
        }
        return out;
    }

    /**
     * The dialect of a database.
     *
     * @param database the database
     * @return its dialect
     */
    static Dialect of(Database database) {
        return switch (database) {
            case SQLITE -> new SqliteDialect();
            case H2 -> new H2Dialect();
            case POSTGRESQL -> new PostgresDialect();
            case MARIADB -> new MariaDbDialect();
        };
    }

    /**
     * Recognizes the database from the driver's product name.
     *
     * @param metaData the connection's metadata
     * @return its dialect
     * @throws SQLException from the driver
     * @throws StoreException for a database erasmo does not know
     */
    static Dialect detect(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (p.contains("sqlite")) {
            return of(Database.SQLITE);
        } else if (p.equals("h2")) {
            return of(Database.H2);
        } else if (p.contains("postgresql")) {
            return of(Database.POSTGRESQL);
        } else if (p.contains("mariadb") || p.contains("mysql")) {
            return of(Database.MARIADB);
        }
        throw new StoreException("unsupported database '" + product + "': JdbcPortfolioStore knows SQLite, H2, PostgreSQL and"
                + " MariaDB; if it speaks one of their dialects, name it with JdbcPortfolioStore.Builder.database(...)");
    }
}
