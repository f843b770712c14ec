package dev.erasmo.store.jdbc;

import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Runs the store contract on MariaDB, in a database of its own per test, when
 * {@value #URL_VARIABLE} names a server (see {@code .ci/start-databases}); skipped otherwise.
 */
class MariaDbJdbcPortfolioStoreTest extends JdbcPortfolioStoreContract {

    static final String URL_VARIABLE = "ERASMO_TEST_MARIADB_URL";
    /** {@code jdbc:mariadb://host:port}, then the database, then the options. */
    private static final Pattern URL = Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/?]+)/?([^?]*)(\\?.*)?");

    private String url;
    private String database;

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
        ds.setUrl(m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3)));
        return ds;
    }

    @Override
    void dropDatabase() throws Exception {
        if (database != null) {
            executeAt(url, "DROP DATABASE " + database);
        }
    }

    @Override
    Database database() {
        return Database.MARIADB;
    }
}
