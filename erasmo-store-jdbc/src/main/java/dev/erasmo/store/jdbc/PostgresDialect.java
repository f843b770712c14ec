package dev.erasmo.store.jdbc;

import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;

/**
 * PostgreSQL: the portable behaviour throughout. Exact {@code NUMERIC}, SQLStates by the
 * standard, transactional DDL.
 *
 * <p>Stateless and thread-safe.
 */
final class PostgresDialect extends Dialect {

    @Override
    Database database() {
        return Database.POSTGRESQL;
    }
}
