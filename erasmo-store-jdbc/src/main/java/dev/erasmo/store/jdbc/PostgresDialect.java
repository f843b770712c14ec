package dev.erasmo.store.jdbc;

import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * PostgreSQL: the portable behaviour throughout. Exact {@code NUMERIC}, SQLStates by the
 * standard, transactional DDL. A migration holds a session-level advisory lock keyed by the
 * current schema's name, so instances using other schemas of one database do not wait for each
 * other.
 *
 * <p>Stateless and thread-safe.
 */
final class PostgresDialect extends Dialect {

    @Override
    Database database() {
        return Database.POSTGRESQL;
    }

    /** The advisory lock's key: a hash of the schema the connection works in. */
    private static final String KEY = "hashtext(current_schema() || '.erasmo_schema')";

    @Override
    void lockSchema(Connection c) throws SQLException {
        // a statement timeout, so a migration stuck elsewhere fails here instead of hanging
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(" + KEY + ")")) {
            ps.setQueryTimeout(SCHEMA_LOCK_TIMEOUT_SECONDS);
            ps.execute();
        }
    }

    @Override
    void unlockSchema(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(" + KEY + ")")) {
            ps.execute();
        }
    }
}
