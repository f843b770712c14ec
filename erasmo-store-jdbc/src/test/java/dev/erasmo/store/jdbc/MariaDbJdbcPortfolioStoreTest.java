package dev.erasmo.store.jdbc;

import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Runs the store contract on MariaDB, in a database of its own per test, through a HikariCP pool
 * as a deployment would, when {@value #URL_VARIABLE} names a server, else on the local server (see
 * {@code .ci/start-databases}); skipped, with the reason, when it does not answer. The session
 * time zone is +05:45, which no instant may depend on.
 */
class MariaDbJdbcPortfolioStoreTest extends ServerJdbcPortfolioStoreContract {

    static final String URL_VARIABLE = "ERASMO_TEST_MARIADB_URL";
    /** {@code jdbc:mariadb://host:port}, then the database, then the options. */
    private static final Pattern URL = Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/?]+)/?([^?]*)(\\?.*)?");

    private String url;
    private String database;
    private HikariDataSource pool;

    @Override
    DataSource createDatabase() throws Exception {
        url = urlFromEnvironment(URL_VARIABLE, "MariaDB", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException(URL_VARIABLE + " '" + url + "' is not of the form jdbc:mariadb://host:port/db?options");
        }
        database = "erasmo_test_" + UUID.randomUUID().toString().replace("-", "");
        executeAt(url, "CREATE DATABASE " + database);
        MariaDbDataSource ds = new MariaDbDataSource();
        String options = m.group(3) == null ? "?" : m.group(3) + "&";
        ds.setUrl(m.group(1) + "/" + database + options + "sessionVariables=time_zone='+05:45'");
        pool = pool(ds, database);
        return pool;
    }

    @Override
    void dropDatabase() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (database != null) {
            executeAt(url, "DROP DATABASE " + database);
        }
    }

    @Override
    int killConnections() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM information_schema.processlist WHERE db = '" + database + "'")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            int killed = 0;
            for (long id : ids) {
                try {
                    s.execute("KILL CONNECTION " + id);
                    killed++;
                } catch (SQLException gone) {
                    // it closed by itself meanwhile
                }
            }
            return killed;
        }
    }

    @Override
    String sessionTimeZone() throws Exception {
        return query("SELECT @@session.time_zone").get(0).get(0);
    }

    @Override
    Database database() {
        return Database.MARIADB;
    }
}
