package dev.erasmo.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The same app on a database server: {@code --db} takes a JDBC URL. PostgreSQL and MariaDB are
 * the local servers (or {@code ERASMO_TEST_POSTGRES_URL} / {@code ERASMO_TEST_MARIADB_URL}, as
 * {@code .ci/start-databases} exports them), each test in a schema or database of its own;
 * skipped with the reason when a server does not answer, failed instead when
 * {@code ERASMO_TEST_DATABASES=required} (CI).
 */
class ServerDatabaseAppTest extends AppTest {

    /** The same session on any database: two owners, a deposit, a buy at a sample close, a show. */
    private void session(String db) {
        AppRunner.Run created = app.runRaw("--db", db, "--owner", "alice", "create", "tech", "--cash", "10000", "--at", "2013-01-02");
        assertThat(created.err()).isEmpty();
        assertThat(app.runRaw("--db", db, "--owner", "alice", "buy", "tech", "AAPL", "10", "--at", "2013-01-02", "--key", "o-1").out())
                .startsWith("bought 10 AAPL @ USD 549.03 (close of 2013-01-02)");
        // again with its key: nothing new
        assertThat(app.runRaw("--db", db, "--owner", "alice", "buy", "tech", "AAPL", "10", "--key", "o-1").out())
                .endsWith("booked before with --key o-1, nothing new" + System.lineSeparator());
        assertThat(app.runRaw("--db", db, "--owner", "bob", "list").out()).contains("no portfolios of owner bob");
        // show books the sample's four 2013 AAPL dividends first (2.65 + 3 x 3.05 = 11.80 a share, 118.00 on 10):
        // 10 AAPL at the last 2013 close, 561.02, plus cash 4,509.70 + 118.00 = 4,627.70: 10,237.90
        assertThat(app.runRaw("--db", db, "--owner", "alice", "show", "tech", "--at", "2013-12-31", "--json").out())
                .contains("\"equity\": \"10237.90\"");
    }

    @Test
    void db_h2FileUrl_keepsPortfoliosAcrossRuns() {
        session("jdbc:h2:file:" + dir.resolve("paper").toAbsolutePath());
    }

    @Test
    void db_postgresqlUrl_runsTheAppOnTheServer() throws SQLException {
        String url = server("ERASMO_TEST_POSTGRES_URL", "PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = "erasmo_app_" + UUID.randomUUID().toString().replace("-", "");
        execute(url, "CREATE SCHEMA " + schema);
        try {
            session(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            execute(url, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void db_mariadbUrl_runsTheAppOnTheServer() throws SQLException {
        String url = server("ERASMO_TEST_MARIADB_URL", "MariaDB", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        String database = "erasmo_app_" + UUID.randomUUID().toString().replace("-", "");
        execute(url, "CREATE DATABASE " + database);
        try {
            session(url.replaceFirst("(jdbc:mariadb://[^/?]+)/?[^?]*", "$1/" + database));
        } finally {
            execute(url, "DROP DATABASE " + database);
        }
    }

    @Test
    void db_serverNotAnswering_saysSoInOneLineAndNeverShowsThePassword() {
        AppRunner.Run r = app.runRaw("--db", "jdbc:postgresql://127.0.0.1:9/paper?user=me&password=s3cret&connectTimeout=2", "list");

        assertThat(r.exitCode()).isEqualTo(ErasmoApp.EXIT_REJECTED);
        assertThat(r.err()).startsWith("erasmo list: could not connect to the database").doesNotContain("s3cret")
                .hasLineCount(1);
    }

    @Test
    void db_passwordsInEveryFormOfUrl_neverShow() {
        for (String db : new String[] {"jdbc:mariadb://root:s3cr3tPW@127.0.0.1:9/test?connectTimeout=2000",
            "jdbc:postgresql://127.0.0.1:9/x?user=me&password=s3cr)3tPW&connectTimeout=2", "jdbc:mariadb://127.0.0.1:9/x?user=me&pwd=s3cr3tPW"}) {
            AppRunner.Run r = app.runRaw("--db", db, "list");
            assertThat(r.exitCode()).as(db).isEqualTo(ErasmoApp.EXIT_REJECTED);
            assertThat(r.err()).as(db).doesNotContain("s3cr").hasLineCount(1);
        }
        assertThat(UrlDataSource.masked("Incorrect port value : s3cr3tPW@127.0.0.1", "jdbc:mariadb://root:s3cr3tPW@127.0.0.1/test"))
                .isEqualTo("Incorrect port value : ***@127.0.0.1");
    }

    @Test
    void db_unknownKindOfUrl_saysThereIsNoDriver() {
        AppRunner.Run r = app.runRaw("--db", "jdbc:oracle:thin:@//db:1521/x", "list");

        assertThat(r.exitCode()).isEqualTo(ErasmoApp.EXIT_REJECTED);
        assertThat(r.err()).contains("No suitable driver").hasLineCount(1);
    }

    /** The URL of a server that answers, or the test skipped (failed when databases are required). */
    private static String server(String variable, String name, String local) {
        String configured = System.getenv(variable);
        String url = configured != null && !configured.isBlank() ? configured : local;
        try (Connection c = DriverManager.getConnection(url)) {
            return url;
        } catch (SQLException e) {
            String message = name + " at " + url + " does not answer (" + e.getMessage() + "): its app test is skipped";
            if ("required".equals(System.getenv("ERASMO_TEST_DATABASES"))) {
                throw new IllegalStateException(message.replace("is skipped", "is required by ERASMO_TEST_DATABASES=required"), e);
            }
            System.err.println("[erasmo] " + message);
            assumeTrue(false, message);
            return url;
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
