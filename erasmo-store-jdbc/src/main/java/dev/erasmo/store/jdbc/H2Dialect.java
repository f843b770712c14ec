package dev.erasmo.store.jdbc;

import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import java.sql.SQLException;

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
