package dev.erasmo.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.store.jdbc.JdbcPortfolioStore.Database;
import org.junit.jupiter.api.Test;

class SchemaTest {

    @Test
    void statements_scriptWithCommentsAndBlankLines_splitAtSemicolonsThatEndALine() {
        String script = "-- a comment; with a semicolon\n"
                + "CREATE TABLE a (\n"
                + "    x INT\n"
                + ");\n"
                + "\n"
                + "  -- another\n"
                + "CREATE TABLE b (y INT);\n";

        assertThat(Schema.statements(script)).containsExactly("CREATE TABLE a (\nx INT\n)", "CREATE TABLE b (y INT)");
    }

    @Test
    void path_databaseWithItsOwnScript_prefersItOverTheCommonOne() {
        assertThat(Schema.path(Dialect.of(Database.SQLITE), "V1__ledger.sql")).isEqualTo("sqlite/V1__ledger.sql");
        assertThat(Schema.path(Dialect.of(Database.MARIADB), "V1__ledger.sql")).isEqualTo("mariadb/V1__ledger.sql");
        assertThat(Schema.path(Dialect.of(Database.H2), "V1__ledger.sql")).isEqualTo("common/V1__ledger.sql");
        assertThat(Schema.path(Dialect.of(Database.POSTGRESQL), "V1__ledger.sql")).isEqualTo("common/V1__ledger.sql");
        assertThat(Schema.path(Dialect.of(Database.SQLITE), Schema.VERSION_TABLE)).isEqualTo("common/erasmo_schema_version.sql");
    }

    @Test
    void scripts_everyListedScript_isInTheJarForEveryDatabase() {
        for (Database database : Database.values()) {
            for (Schema.Script script : Schema.SCRIPTS) {
                String path = Schema.path(Dialect.of(database), script.name());
                assertThat(Schema.class.getResource("schema/" + path)).as(path).isNotNull();
            }
        }
        assertThat(Schema.LATEST).isEqualTo(3);
    }
}
