package dev.erasmo.store.jdbc;

import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;

/**
 * MariaDB (and MySQL, untested): the portable SQL works; the difference is in the schema
 * ({@code schema/mariadb/}: InnoDB, exact binary collation, {@code MEDIUMTEXT}). Duplicate keys
 * report SQLState {@code 23000} and deadlocks {@code 40001}, as the default expects.
 *
 * <p>Stateless and thread-safe.
 */
final class MariaDbDialect extends Dialect {

    @Override
    Database database() {
        return Database.MARIADB;
    }
}
