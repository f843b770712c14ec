/**
 * A {@link dev.erasmo.store.PortfolioStore} over JDBC: {@link dev.erasmo.store.jdbc.JdbcPortfolioStore},
 * on an embedded SQLite file or on H2, PostgreSQL or MariaDB through a {@link javax.sql.DataSource}.
 */
@NullMarked
package dev.erasmo.store.jdbc;

import org.jspecify.annotations.NullMarked;
