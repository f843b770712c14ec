package dev.erasmo.store.jdbc;

import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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

    /** What a schema must hold once H2's scripts ran, each as a check of its catalog that finds at least one row. */
    private record Part(String what, String where) {
    }

    /** erasmo_portfolio's name column in the connection's schema. */
    private static final String NAME_COLUMN = "INFORMATION_SCHEMA.COLUMNS WHERE " + here()
            + " AND UPPER(TABLE_NAME) = 'ERASMO_PORTFOLIO' AND UPPER(COLUMN_NAME) = 'NAME'";

    /**
     * The structure the scripts make, found by table, column and kind whatever the names of the
     * constraints and indexes (a schema made by hand may have H2's own) and whatever the case of
     * the names (H2's DATABASE_TO_LOWER).
     */
    private static final List<Part> PARTS = List.of(
            uniqueOn("ERASMO_PORTFOLIO", "ID", "erasmo_portfolio's primary key"),
            uniqueOn("ERASMO_PORTFOLIO", "OWNER", "the unique (owner, name) of erasmo_portfolio"),
            uniqueOn("ERASMO_EVENT", "SEQ", "erasmo_event's primary key"),
            uniqueOn("ERASMO_EVENT", "EVENT_ID", "the unique (portfolio_id, event_id) of erasmo_event"),
            uniqueOn("ERASMO_EVENT", "IDEMPOTENCY_KEY", "the unique (portfolio_id, idempotency_key) of erasmo_event (version 2)"),
            new Part("erasmo_event's foreign key to erasmo_portfolio", "INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE " + here()
                    + " AND UPPER(TABLE_NAME) = 'ERASMO_EVENT' AND CONSTRAINT_TYPE = 'FOREIGN KEY'"),
            new Part("erasmo_portfolio.name of 200 characters (version 3)", NAME_COLUMN + " AND CHARACTER_MAXIMUM_LENGTH >= 200"));

    private static Part uniqueOn(String table, String column, String what) {
        return new Part(what, "INFORMATION_SCHEMA.INDEX_COLUMNS WHERE " + here() + " AND UPPER(TABLE_NAME) = '" + table
                + "' AND UPPER(COLUMN_NAME) = '" + column + "' AND IS_UNIQUE");
    }

    /** Rows of the connection's schema. */
    private static String here() {
        return "UPPER(TABLE_SCHEMA) = UPPER(CURRENT_SCHEMA)";
    }

    /**
     * H2 rebuilds a table to add a column or change one's type, and a rebuild racing another
     * instance's script can leave out what that script added meanwhile (seen: the idempotency
     * key's unique index, after eight instances started at once): the catalog is checked after
     * every migration, and a schema short of anything is migrated again.
     */
    @Override
    List<String> schemaLacks(Connection c) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int k = 0; k < PARTS.size(); k++) {
            sql.append(k == 0 ? "" : ", ").append("(SELECT COUNT(*) FROM ").append(PARTS.get(k).where()).append(')');
        }
        List<String> lacks = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            rs.next();
            for (int k = 0; k < PARTS.size(); k++) {
                if (rs.getInt(k + 1) == 0) {
                    lacks.add(PARTS.get(k).what());
                }
            }
        }
        return lacks;
    }

    /**
     * Version 3 only widens the name column: where it is 200 characters or more already (applied
     * before, or widened by hand), running it again would narrow it, so it is not run.
     */
    @Override
    boolean alreadyApplied(Connection c, String script) throws SQLException {
        if (!script.startsWith("V3__")) {
            return false;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(CHARACTER_MAXIMUM_LENGTH) FROM " + NAME_COLUMN)) {
            return rs.next() && rs.getLong(1) >= 200;
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
