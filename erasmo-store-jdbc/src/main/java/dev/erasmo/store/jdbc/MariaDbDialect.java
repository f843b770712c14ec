package dev.erasmo.store.jdbc;

import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * MariaDB (and MySQL, untested): the portable SQL works; the difference is in the schema
 * ({@code schema/mariadb/}: InnoDB, exact binary collation, {@code MEDIUMTEXT}). Duplicate keys
 * report SQLState {@code 23000} and deadlocks {@code 40001}, as the default expects. DDL commits
 * by itself there, so a migration holds a named lock ({@code GET_LOCK}) for the session, named
 * after the current database.
 *
 * <p>Stateless and thread-safe.
 */
final class MariaDbDialect extends Dialect {

    @Override
    Database database() {
        return Database.MARIADB;
    }

    /** The lock's name: at most 64 characters whatever the database's name. */
    private static final String NAME = "CONCAT('erasmo_schema:', SHA1(COALESCE(DATABASE(), '')))";

    @Override
    void lockSchema(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(" + NAME + ", " + SCHEMA_LOCK_TIMEOUT_SECONDS + ")");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getInt(1) != 1) {
                throw new SQLException("another instance kept the erasmo schema lock for " + SCHEMA_LOCK_TIMEOUT_SECONDS + " s");
            }
        }
    }

    @Override
    void unlockSchema(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(" + NAME + ")")) {
            ps.execute();
        }
    }
}
