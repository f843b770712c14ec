package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeleteCommandTest extends AppTest {

    @Test
    void delete_existing_removesItAndItsLedger() {
        app.ok("create", "t", "--cash", "100", "--at", "2013-01-02");
        app.ok("create", "u");
        assertThat(app.ok("delete", "t")).isEqualTo(lines("deleted portfolio 't' and its 1 event"));
        assertThat(app.stored()).doesNotContain("'t'", "name=t,").contains("name=u,");
    }

    @Test
    void delete_unknown_isAnError() {
        app.ok("create", "t");
        app.fails(1, "erasmo delete: no portfolio named 'nope' of owner local (see 'erasmo list')", "delete", "nope");
    }
}
