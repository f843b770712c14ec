package dev.erasmo.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Runs the store contract on an SQLite file per test, opened as the app opens it
 * ({@link JdbcPortfolioStore#sqlite(Path)}), and checks what is particular to files.
 */
class SqliteJdbcPortfolioStoreTest extends JdbcPortfolioStoreContract {

    @TempDir
    Path folder;

    private Path file;

    @Override
    DataSource createDatabase() {
        file = folder.resolve("erasmo.db");
        return plain(file);
    }

    /** A data source of the driver's defaults: no WAL, no foreign keys, no busy timeout. */
    private static DataSource plain(Path file) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }

    @Override
    void dropDatabase() {
        // the temporary folder goes with the test
    }

    @Override
    Database database() {
        return Database.SQLITE;
    }

    @Override
    JdbcPortfolioStore createStore() {
        return JdbcPortfolioStore.sqlite(file);
    }

    @Test
    void sqlite_missingParentFolders_createsThemTheFileAndTheSchema() throws Exception {
        Path nested = folder.resolve("a/b/c/paper.db");

        JdbcPortfolioStore store = track(JdbcPortfolioStore.sqlite(nested));
        store.create(info("p-1", "tech"));

        assertThat(nested).isRegularFile();
        try (var c = plain(nested).getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT MAX(version) FROM erasmo_schema_version")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(Schema.LATEST);
        }
    }

    @Test
    void sqlite_reopenedFile_keepsPortfoliosAndLedgers() {
        List<LedgerEntry> entries = List.of(deposit(1, "e-1", "0.1"), buy(2, "b-1", "12345678901234.567890123", "0.2"));
        try (JdbcPortfolioStore first = JdbcPortfolioStore.sqlite(file)) {
            first.create(info("p-1", "tech"));
            first.append(PortfolioId.of("p-1"), 0, entries);
        }

        JdbcPortfolioStore reopened = track(JdbcPortfolioStore.sqlite(file));

        assertThat(reopened.load(PortfolioId.of("p-1")).info()).isEqualTo(info("p-1", "tech"));
        assertThat(reopened.load(PortfolioId.of("p-1")).entries()).isEqualTo(entries);
    }

    @Test
    void sqlite_decimals_areStoredAsPlainText() throws Exception {
        JdbcPortfolioStore store = track(JdbcPortfolioStore.sqlite(file));
        store.create(info("p-1", "tech"));

        store.append(PortfolioId.of("p-1"), 0, List.of(buy(1, "b-1", "12345678901234.567890123", "0.00000001"),
                deposit(2, "e-1", "0.1")));

        assertThat(query("SELECT typeof(quantity), quantity, typeof(price), price, fee FROM erasmo_event WHERE seq = 1"))
                .containsExactly(List.of("text", "12345678901234.567890123", "text", "0.00000001", "1.50"));
        assertThat(query("SELECT amount FROM erasmo_event WHERE seq = 2")).containsExactly(List.of("0.10"));
    }

    @Test
    void sqlite_file_usesWriteAheadLogUntilClosed() throws Exception {
        JdbcPortfolioStore store = JdbcPortfolioStore.sqlite(file);
        store.create(info("p-1", "tech"));
        Path wal = file.resolveSibling(file.getFileName() + "-wal");

        assertThat(query("PRAGMA journal_mode")).containsExactly(List.of("wal"));
        assertThat(wal).exists();

        store.close();

        // the last connection to close checkpoints the log into the file and removes it
        assertThat(wal).doesNotExist();
        assertThat(Files.size(file)).isPositive();
    }
}
