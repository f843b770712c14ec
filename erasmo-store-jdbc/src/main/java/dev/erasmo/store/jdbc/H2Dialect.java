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

    @Override
    Failure classify(SQLException e) {
        for (SQLException s : chain(e)) {
            if (CONCURRENT_UPDATE.equals(s.getSQLState())) {
                return Failure.CONFLICT;
            }
        }
        return super.classify(e);
    }
}
