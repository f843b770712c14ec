package dev.erasmo.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.store.StoreException;
import dev.erasmo.store.jdbc.Dialect.Failure;
import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DialectTest {

    /** Metadata that answers only the product name. */
    private static DatabaseMetaData product(String name) {
        return (DatabaseMetaData) Proxy.newProxyInstance(DialectTest.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getDatabaseProductName")) {
                        return name;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void detect_knownProductNames_pickTheirDialect() throws SQLException {
        // the names the drivers report: sqlite-jdbc, H2, pgjdbc, MariaDB Connector/J on MariaDB and on MySQL
        assertThat(Dialect.detect(product("SQLite")).database()).isEqualTo(Database.SQLITE);
        assertThat(Dialect.detect(product("H2")).database()).isEqualTo(Database.H2);
        assertThat(Dialect.detect(product("PostgreSQL")).database()).isEqualTo(Database.POSTGRESQL);
        assertThat(Dialect.detect(product("MariaDB")).database()).isEqualTo(Database.MARIADB);
        assertThat(Dialect.detect(product("MySQL")).database()).isEqualTo(Database.MARIADB);
    }

    @Test
    void detect_unknownProduct_throwsStoreExceptionNamingIt() {
        assertThatThrownBy(() -> Dialect.detect(product("Oracle"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("'Oracle'")
                .hasMessageContaining("Builder.database");
    }

    @Test
    void classify_sqlStateClasses_integrityConflictOrOther() {
        Dialect postgres = Dialect.of(Database.POSTGRESQL);

        assertThat(postgres.classify(new SQLException("unique", "23505"))).isEqualTo(Failure.INTEGRITY);
        assertThat(postgres.classify(new SQLException("duplicate key", "23000"))).isEqualTo(Failure.INTEGRITY);
        assertThat(postgres.classify(new SQLException("serialization", "40001"))).isEqualTo(Failure.CONFLICT);
        assertThat(postgres.classify(new SQLException("deadlock", "40P01"))).isEqualTo(Failure.CONFLICT);
        assertThat(postgres.classify(new SQLException("no state"))).isEqualTo(Failure.OTHER);
    }

    @Test
    void classify_lostConnections_areUnavailableOnEveryDatabase() {
        for (Database database : Database.values()) {
            Dialect d = Dialect.of(database);
            assertThat(d.classify(new SQLException("connection lost", "08006"))).as(database.name()).isEqualTo(Failure.UNAVAILABLE);
            assertThat(d.classify(new SQLException("refused", "08001"))).isEqualTo(Failure.UNAVAILABLE);
            assertThat(d.classify(new SQLException("terminating connection due to administrator command", "57P01")))
                    .isEqualTo(Failure.UNAVAILABLE);
            assertThat(d.classify(new SQLException("the database system is starting up", "57P03"))).isEqualTo(Failure.UNAVAILABLE);
            assertThat(d.classify(new SQLException("Connection was killed", "70100", 1927))).isEqualTo(Failure.UNAVAILABLE);
            assertThat(d.classify(new java.sql.SQLNonTransientConnectionException("socket closed"))).isEqualTo(Failure.UNAVAILABLE);
            assertThat(d.classify(new java.sql.SQLTransientConnectionException("pool timed out"))).isEqualTo(Failure.UNAVAILABLE);
            // a lost connection wins over the constraint error of a statement that ran before it
            SQLException batch = new SQLException("batch failed", "23505");
            batch.setNextException(new SQLException("I/O error", "08006"));
            assertThat(d.classify(batch)).isEqualTo(Failure.UNAVAILABLE);
            assertThat(d.classify(new SQLException("disk full", "53100"))).isEqualTo(Failure.OTHER);
        }
        assertThat(Dialect.of(Database.H2).classify(new SQLException("Database is already closed", "90098", 90098)))
                .isEqualTo(Failure.UNAVAILABLE);
    }

    @Test
    void classify_batchFailureWithStateOnlyInTheChain_readsTheChain() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", (String) null, 0, new int[0]);
        batch.setNextException(new SQLException("unique", "23505"));
        SQLException wrapped = new SQLException("wrapper", null, 0, new SQLException("deadlock", "40001"));

        assertThat(Dialect.of(Database.POSTGRESQL).classify(batch)).isEqualTo(Failure.INTEGRITY);
        assertThat(Dialect.of(Database.MARIADB).classify(wrapped)).isEqualTo(Failure.CONFLICT);
    }

    @Test
    void classify_sqliteResultCodes_constraintIsIntegrityBusyIsOther() {
        Dialect sqlite = Dialect.of(Database.SQLITE);

        // SQLITE_CONSTRAINT = 19; SQLITE_CONSTRAINT_UNIQUE = 19 | 8 << 8 = 2067; SQLITE_BUSY = 5
        assertThat(sqlite.classify(new SQLException("constraint", null, 19))).isEqualTo(Failure.INTEGRITY);
        assertThat(sqlite.classify(new SQLException("unique", null, 2067))).isEqualTo(Failure.INTEGRITY);
        assertThat(sqlite.classify(new SQLException("busy", null, 5))).isEqualTo(Failure.OTHER);
    }

    @Test
    void classify_h2ConcurrentUpdate_isConflict() {
        assertThat(Dialect.of(Database.H2).classify(new SQLException("concurrent update", "90131", 90131)))
                .isEqualTo(Failure.CONFLICT);
    }

    @Test
    void checkFits_within26DigitsAnd12Decimals_passes() {
        Dialect.checkFits("quantity", new BigDecimal("12345678901234567890123456.123456789012"));
        Dialect.checkFits("quantity", new BigDecimal("0.100000000000000000000"));
        Dialect.checkFits("quantity", null);
    }

    @Test
    void checkFits_beyondTheColumns_throwsStoreExceptionWithTheValue() {
        assertThatThrownBy(() -> Dialect.checkFits("quantity", new BigDecimal("123456789012345678901234567")))
                .isInstanceOf(StoreException.class).hasMessageContaining("quantity 123456789012345678901234567");
        assertThatThrownBy(() -> Dialect.checkFits("price", new BigDecimal("0.0000000000001")))
                .isInstanceOf(StoreException.class).hasMessageContaining("price 0.0000000000001");
    }

    @Test
    void normalize_trailingZerosAndPositiveExponents_becomePlainEqualValues() {
        assertThat(Dialect.normalize(new BigDecimal("2.000000000000"))).isEqualTo(new BigDecimal("2"));
        assertThat(Dialect.normalize(new BigDecimal("1E+3"))).isEqualTo(new BigDecimal("1000"));
        assertThat(Dialect.normalize(new BigDecimal("0.100"))).isEqualTo(new BigDecimal("0.1"));
        assertThat(Dialect.normalize(null)).isNull();
    }
}
