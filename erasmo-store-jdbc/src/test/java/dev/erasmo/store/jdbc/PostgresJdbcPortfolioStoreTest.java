package dev.erasmo.store.jdbc;

import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs the store contract on PostgreSQL, in a schema of its own per test, through a HikariCP pool
 * as a deployment would, when {@value #URL_VARIABLE} names a database, else on the local server
 * (see {@code .ci/start-databases}); skipped, with the reason, when it does not answer. The
 * session time zone is the JVM's, Asia/Kathmandu (UTC+05:45), which no instant may depend on.
 */
class PostgresJdbcPortfolioStoreTest extends ServerJdbcPortfolioStoreContract {

    static final String URL_VARIABLE = "ERASMO_TEST_POSTGRES_URL";

    private String url;
    private String schema;
    private HikariDataSource pool;

    @Override
    DataSource createDatabase() throws Exception {
        url = urlFromEnvironment(URL_VARIABLE, "PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        schema = "erasmo_test_" + UUID.randomUUID().toString().replace("-", "");
        executeAt(url, "CREATE SCHEMA " + schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setCurrentSchema(schema);
        ds.setApplicationName(schema);
        pool = pool(ds, schema);
        return pool;
    }

    @Override
    void dropDatabase() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (schema != null) {
            executeAt(url, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Override
    int killConnections() throws Exception {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, schema);
            int killed = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    killed += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return killed;
        }
    }

    @Override
    String sessionTimeZone() throws Exception {
        return query("SHOW TimeZone").get(0).get(0);
    }

    @Override
    Database database() {
        return Database.POSTGRESQL;
    }
}
