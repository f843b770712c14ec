package dev.erasmo.store.jdbc;

import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Runs the store contract on an in-memory H2 database of its own per test. */
class H2JdbcPortfolioStoreTest extends JdbcPortfolioStoreContract {

    @Override
    DataSource createDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:erasmo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Override
    void dropDatabase() throws Exception {
        execute("SHUTDOWN");
    }

    @Override
    Database database() {
        return Database.H2;
    }
}
