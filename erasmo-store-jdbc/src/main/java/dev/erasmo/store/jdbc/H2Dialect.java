package dev.erasmo.store.jdbc;

import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * H2: portable SQL; a concurrent update of the same row is reported with H2's own SQLState
 * {@value #CONCURRENT_UPDATE} rather than {@code 40001}.
 *
 * <p>Stateless and thread-safe.
 */
final class H2Dialect extends Dialect {

    /** H2's "concurrent update" (error code 90131, ErrorCode.CONCURRENT_UPDATE_1). */
    static final String CONCURRENT_UPDATE = "90131";

    @Override
    Database database() {
        return Database.H2;
    }

    /**
     * Without a lock between instances, a script can time out waiting for another instance's DDL
     * (H2 locks its system table meanwhile), find a table that another instance's failing
     * statement then takes away, or meet half-done work: any failure but a lost connection may be such a race, and H2's
     * scripts create only what is missing, so the migration runs every script again (a failure
     * of another kind fails each time, and is reported after the last attempt).
     */
    @Override
    boolean lostSchemaRace(SQLException e) {
        // but a database gone away is not a race: trying on a dead connection would only hide why
        return classify(e) != Failure.UNAVAILABLE;
    }

    /**
     * What H2's catalog must hold once the scripts ran: the five constraints of version 1, the
     * idempotency key's column and unique index of version 2, and version 3's longer names, each
     * counted in the connection's schema.
     */
    private static final String COMPLETE = "SELECT"
            + " (SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND CONSTRAINT_NAME IN"
            + " ('ERASMO_PORTFOLIO_PK', 'ERASMO_PORTFOLIO_OWNER_NAME_UK', 'ERASMO_EVENT_PK', 'ERASMO_EVENT_EVENT_ID_UK',"
            + " 'ERASMO_EVENT_PORTFOLIO_FK')),"
            + " (SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = 'ERASMO_EVENT'"
            + " AND COLUMN_NAME = 'IDEMPOTENCY_KEY'),"
            + " (SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = 'ERASMO_EVENT'"
            + " AND INDEX_NAME = 'ERASMO_EVENT_IDEMPOTENCY_KEY_UK'),"
            + " (SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = 'ERASMO_PORTFOLIO'"
            + " AND COLUMN_NAME = 'NAME' AND CHARACTER_MAXIMUM_LENGTH >= 200)";

    /**
     * H2 rebuilds a table to add a column or change one's type, and a rebuild racing another
     * instance's script can leave out what that script added meanwhile (seen: the idempotency
     * key's unique index, after eight instances started at once): the catalog is checked after
     * every migration, and a schema short of anything is migrated again.
     */
    @Override
    boolean schemaComplete(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(COMPLETE)) {
            rs.next();
            return rs.getInt(1) == 5 && rs.getInt(2) == 1 && rs.getInt(3) == 1 && rs.getInt(4) == 1;
        }
    }

    /**
     * H2's connection broken (90067), database closed (90098) and database called at shutdown
     * (90121) error codes: the database went away.
     */
    private static final java.util.Set<Integer> GONE = java.util.Set.of(90067, 90098, 90121);

    @Override
    Failure classify(SQLException e) {
        for (SQLException s : chain(e)) {
            if (GONE.contains(s.getErrorCode())) {
                return Failure.UNAVAILABLE;
            }
        }
        for (SQLException s : chain(e)) {
            if (CONCURRENT_UPDATE.equals(s.getSQLState())) {
                return Failure.CONFLICT;
            }
        }
        return super.classify(e);
    }
}
