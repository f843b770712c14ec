package dev.erasmo.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.money.Currencies;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.CostMethod;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.store.SchemaException;
import dev.erasmo.store.StoreException;
import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * H2's migration checks the schema's structure after it runs (H2 has no lock between instances,
 * and a table it rebuilds for one instance can lose what another added meanwhile): by table,
 * column and kind, whatever the names of constraints and indexes and the case H2 keeps names in,
 * and without narrowing a column widened since.
 */
class H2SchemaTest {

    private static final Instant AT = Instant.parse("2024-01-02T10:00:00Z");
    private static final PortfolioId P1 = PortfolioId.of("p-1");

    /** The columns of version 3's tables, without any constraint. */
    private static final String PORTFOLIO_COLUMNS = "id VARCHAR(64) NOT NULL, owner VARCHAR(128) NOT NULL, name VARCHAR(200) NOT NULL,"
            + " base_currency CHAR(3) NOT NULL, cost_method VARCHAR(16) NOT NULL, version BIGINT NOT NULL, created_at_second BIGINT NOT NULL,"
            + " created_at_nano INT NOT NULL";
    private static final String EVENT_COLUMNS = "portfolio_id VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, event_id VARCHAR(64) NOT NULL,"
            + " kind VARCHAR(16) NOT NULL, effective_at_second BIGINT NOT NULL, effective_at_nano INT NOT NULL, symbol VARCHAR(32),"
            + " currency CHAR(3), quantity DECIMAL(38,12), price DECIMAL(38,12), amount DECIMAL(38,12), fee DECIMAL(38,12), numerator INT,"
            + " denominator INT, description TEXT, idempotency_key VARCHAR(64)";

    private static JdbcDataSource h2(String settings) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + settings);
        return ds;
    }

    private static void execute(JdbcDataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String one(JdbcDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Starts a store, creates p-1 and books key k; a second entry under k must be refused. */
    private static void startsAndRefusesAKeyTwice(JdbcDataSource ds) {
        try (JdbcPortfolioStore store = JdbcPortfolioStore.builder(ds).database(Database.H2).build()) {
            store.create(new PortfolioInfo(P1, Owner.of("alice"), "tech", Currencies.of("USD"), CostMethod.FIFO, AT));
            store.append(P1, 0, List.of(entry(1, "e-1")));
            assertThatThrownBy(() -> store.append(P1, 1, List.of(entry(2, "e-2")))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("idempotency key k");
        }
    }

    /**
     * A database whose version-3 tables were made by hand, with H2's own names for their keys and
     * unique constraints, recorded at version 3; {@code more} is added to erasmo_event's constraints.
     */
    private static JdbcDataSource byHand(String more) throws SQLException {
        JdbcDataSource ds = h2("");
        execute(ds, "CREATE TABLE erasmo_schema_version (version INT NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                        + " applied_at VARCHAR(40) NOT NULL)",
                "CREATE TABLE erasmo_portfolio (" + PORTFOLIO_COLUMNS + ", PRIMARY KEY (id), UNIQUE (owner, name))",
                "CREATE TABLE erasmo_event (" + EVENT_COLUMNS + ", PRIMARY KEY (portfolio_id, seq), UNIQUE (portfolio_id, event_id),"
                        + " UNIQUE (portfolio_id, idempotency_key)" + more + ")",
                "INSERT INTO erasmo_schema_version VALUES (1, 'by hand', 'x'), (2, 'by hand', 'x'), (3, 'by hand', 'x')");
        return ds;
    }

    private static LedgerEntry entry(long sequence, String id) {
        return new LedgerEntry(sequence, new Deposit(EventId.of(id), AT, Money.of("USD", "1")), IdempotencyKey.of("k"));
    }

    @Test
    void namesKeptInLowerCase_asH2RecommendsForPostgresqlAndMysqlModes() throws SQLException {
        for (String settings : List.of(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", ";MODE=MySQL;DATABASE_TO_LOWER=TRUE",
                ";DATABASE_TO_UPPER=FALSE")) {
            JdbcDataSource ds = h2(settings);
            startsAndRefusesAKeyTwice(ds);
            // migrated once: every version recorded once
            assertThat(one(ds, "SELECT COUNT(*) FROM erasmo_schema_version")).isEqualTo("3");
        }
    }

    @Test
    void tablesMadeByHandWithH2sOwnConstraintNames_start() throws SQLException {
        JdbcDataSource ds = byHand(", FOREIGN KEY (portfolio_id) REFERENCES erasmo_portfolio (id)");
        startsAndRefusesAKeyTwice(ds);
        // nothing made twice: the hand-made unique (portfolio_id, idempotency_key) is the only one
        assertThat(one(ds, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_NAME = 'ERASMO_EVENT'"
                + " AND COLUMN_NAME = 'IDEMPOTENCY_KEY'")).isEqualTo("1");
    }

    @Test
    void aNameColumnWidenedSince_isNotNarrowedWhenAMissingIndexIsMadeAgain() throws SQLException {
        JdbcDataSource ds = h2("");
        try (JdbcPortfolioStore first = JdbcPortfolioStore.builder(ds).build()) {
            first.list(Owner.of("alice"));
        }
        String name300 = "n".repeat(300);
        execute(ds, "ALTER TABLE erasmo_portfolio ALTER COLUMN name SET DATA TYPE VARCHAR(1000)", "DROP INDEX erasmo_event_idempotency_key_uk",
                "INSERT INTO erasmo_portfolio VALUES ('p-9', 'bob', '" + name300 + "', 'USD', 'FIFO', 0, 0, 0)");

        startsAndRefusesAKeyTwice(ds);

        assertThat(one(ds, "SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'ERASMO_PORTFOLIO'"
                + " AND COLUMN_NAME = 'NAME'")).isEqualTo("1000");
        assertThat(one(ds, "SELECT LENGTH(name) FROM erasmo_portfolio WHERE id = 'p-9'")).isEqualTo("300");
    }

    @Test
    void aSchemaItsScriptsCannotComplete_isRefusedNamingWhatItLacks() throws SQLException {
        // tables made by hand without the foreign key: the scripts create only missing tables, so they never add it
        JdbcDataSource ds = byHand("");
        try (JdbcPortfolioStore store = JdbcPortfolioStore.builder(ds).build()) {
            assertThatThrownBy(() -> store.list(Owner.of("alice"))).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("still lacks erasmo_event's foreign key to erasmo_portfolio after 10 migrations");
        }
    }
}
