package dev.erasmo.store.jdbc;

import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/**
 * SQLite: decimals are TEXT, since SQLite has no exact decimal type (a {@code DECIMAL} column
 * turns {@code 12345678901234567.891234} into {@code 12345678901234568}); and failures carry
 * SQLite's result codes rather than SQLStates.
 *
 * <p>Stateless and thread-safe.
 */
final class SqliteDialect extends Dialect {

    /** SQLite's primary result code for a violated constraint ({@code SQLITE_CONSTRAINT}). */
    static final int SQLITE_CONSTRAINT = 19;

    @Override
    Database database() {
        return Database.SQLITE;
    }

    /**
     * Takes the database's write lock before the version is read again (a statement that writes,
     * though it changes no row), so a second process waits for the first one's script (up to
     * its busy timeout) and then finds it applied.
     */
    @Override
    void beginSchemaChange(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE erasmo_schema_version SET version = version WHERE version < 0");
        }
    }

    /** Binds the plain decimal string, e.g. {@code 0.1} or {@code 12345678901234.567890123}. */
    @Override
    void setDecimal(PreparedStatement ps, int index, @Nullable BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value.toPlainString());
        }
    }

    @Override
    @Nullable BigDecimal getDecimal(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return null;
        }
        try {
            return normalize(new BigDecimal(text));
        } catch (NumberFormatException e) {
            throw new SQLException("column " + column + " holds '" + text + "', which is not a decimal number", e);
        }
    }

    /**
     * Reads the result code: the driver reports it as the vendor code, extended codes
     * ({@code SQLITE_CONSTRAINT_UNIQUE} = 2067) carrying the primary code in their low byte.
     * Busy and locked databases are not conflicts here: the busy timeout has already waited.
     */
    @Override
    Failure classify(SQLException e) {
        for (SQLException s : chain(e)) {
            if ((s.getErrorCode() & 0xff) == SQLITE_CONSTRAINT) {
                return Failure.INTEGRITY;
            }
        }
        return super.classify(e);
    }
}
