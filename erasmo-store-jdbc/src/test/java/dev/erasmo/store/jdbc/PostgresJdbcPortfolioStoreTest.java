package dev.erasmo.store.jdbc;

import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs the store contract on PostgreSQL, in a schema of its own per test, when
 * {@value #URL_VARIABLE} names a database (see {@code .ci/start-databases}); skipped otherwise.
 */
class PostgresJdbcPortfolioStoreTest extends JdbcPortfolioStoreContract {

    static final String URL_VARIABLE = "ERASMO_TEST_POSTGRES_URL";

    private String url;
    private String schema;

    @Override
    DataSource createDatabase() throws Exception {
        url = urlFromEnvironment(URL_VARIABLE, "PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        schema = "erasmo_test_" + UUID.randomUUID().toString().replace("-", "");
        executeAt(url, "CREATE SCHEMA " + schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setCurrentSchema(schema);
        return ds;
    }

    @Override
    void dropDatabase() throws Exception {
        if (schema != null) {
            executeAt(url, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Override
    Database database() {
        return Database.POSTGRESQL;
    }
}
