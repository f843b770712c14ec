package dev.erasmo.examples;

import static dev.erasmo.examples.AppRunner.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --owner} scopes every command to one owner; {@code --key} books a command once however often it is sent. */
class OwnerAndKeyAppTest extends AppTest {

    @Test
    void owner_anotherOwner_seesNoneOfTheFirstOnesPortfolios() {
        app.ok("--owner", "alice", "create", "tech", "--cash", "1000", "--at", "2013-01-02");

        assertThat(app.ok("--owner", "bob", "list")).isEqualTo(lines("no portfolios of owner bob yet: create one with 'erasmo create NAME --cash AMOUNT'"));
        app.fails(1, "erasmo show: no portfolio named 'tech' of owner bob (see 'erasmo list')", "--owner", "bob", "show", "tech");
        app.fails(1, "erasmo deposit: no portfolio named 'tech' of owner bob (see 'erasmo list')", "--owner", "bob", "deposit", "tech", "5");
        // bob may have a 'tech' of his own, and alice's stays as it was
        app.ok("--owner", "bob", "create", "tech", "--cash", "7", "--at", "2013-01-02");
        assertThat(app.ok("--owner", "alice", "show", "tech", "--json")).contains("\"owner\": \"alice\"", "\"equity\": \"1000.00\"");
        assertThat(app.ok("--owner", "bob", "show", "tech", "--json")).contains("\"owner\": \"bob\"", "\"equity\": \"7.00\"");
    }

    @Test
    void owner_default_isTheOperatingSystemUser() {
        AppRunner asCarol = new AppRunner(dir, Map.of(ErasmoApp.QUOTES_ENV, QuoteData.SAMPLE, ErasmoApp.OWNER_ENV, "", "USER", "carol"));

        asCarol.ok("create", "mine");

        assertThat(app.ok("--owner", "carol", "list")).contains("mine");
        assertThat(app.ok("list")).doesNotContain("mine");
    }

    @Test
    void owner_invalid_isAUsageError() {
        assertThat(app.run("--owner", " ", "list").exitCode()).isEqualTo(ErasmoApp.EXIT_USAGE);
    }

    @Test
    void key_sameDepositTwice_booksOnceAndPrintsTheFirst() {
        app.ok("create", "t");
        String first = app.ok("deposit", "t", "100", "--at", "2013-01-02", "--key", "req-1");

        // sent again later, "now": the same deposit, not a second one
        String again = app.ok("deposit", "t", "100", "--key", "req-1");

        assertThat(first).isEqualTo(lines("deposited USD 100.00 on 2013-01-02; cash: USD 100.00"));
        assertThat(again).isEqualTo(lines("deposited USD 100.00 on 2013-01-02; cash: USD 100.00; booked before with --key req-1, nothing new"));
        assertThat(app.ok("ledger", "t")).containsOnlyOnce("deposit");
    }

    @Test
    void key_usedForAnotherCommand_isRejectedAndWritesNothing() {
        app.ok("create", "t");
        app.ok("deposit", "t", "100", "--at", "2013-01-02", "--key", "req-1");

        app.fails(1, "erasmo withdraw: rejected: idempotency key req-1 already booked #1 (deposit of USD 100.00 at 2013-01-02T00:00:00Z),"
                + " another command than this withdrawal USD 100; use a new key for a new command", "withdraw", "t", "100", "--key", "req-1");
    }

    /*
     * A buy sent again with its key needs no price: it is answered from the ledger even when the
     * quote source cannot be reached (port 9, discard, refuses). 10 AAPL at the 2013-01-02 close of
     * the sample data, 549.03: paid 5,490.30, cash 10,000 - 5,490.30 = 4,509.70.
     */
    @Test
    void key_buySentAgain_isAnsweredWithoutAQuote() {
        app.ok("create", "t", "--cash", "10000", "--at", "2013-01-02");
        String first = app.ok("buy", "t", "AAPL", "10", "--at", "2013-01-02", "--key", "order-77");

        String again = app.ok("--quotes", "yahoo=http://127.0.0.1:9", "buy", "t", "AAPL", "10", "--key", "order-77");

        assertThat(first).isEqualTo(lines("bought 10 AAPL @ USD 549.03 (close of 2013-01-02) on 2013-01-02, fee USD 0.00: paid USD 5490.30;"
                + " cash: USD 4509.70"));
        assertThat(again).isEqualTo(lines("bought 10 AAPL @ USD 549.03 on 2013-01-02, fee USD 0.00: paid USD 5490.30; cash: USD 4509.70;"
                + " booked before with --key order-77, nothing new"));
    }

    @Test
    void key_createSentAgain_createsOnceAndPrintsTheFirst() {
        String first = app.ok("create", "t", "--cash", "50", "--at", "2013-01-02", "--key", "signup-1");

        String again = app.ok("create", "t", "--cash", "50", "--key", "signup-1");

        assertThat(first).isEqualTo(lines("created portfolio 't' (USD, FIFO)", "deposited USD 50.00 on 2013-01-02; cash: USD 50.00"));
        assertThat(again).isEqualTo(lines("created portfolio 't' (USD, FIFO); booked before with --key signup-1, nothing new",
                "deposited USD 50.00 on 2013-01-02; cash: USD 50.00"));
        app.fails(1, "erasmo create: a portfolio named 't' exists already (see 'erasmo list')", "create", "t", "--cash", "50", "--key", "other");
        // the same key for another command: another amount, currency or cost method
        String reused = "erasmo create: rejected: idempotency key signup-1 already created portfolio 't' (USD, FIFO, deposit of USD 50.00"
                + " at 2013-01-02T00:00:00Z), another command than this; use a new key for a new command (portfolio 't' not created)";
        app.fails(1, reused, "create", "t", "--cash", "20", "--key", "signup-1");
        app.fails(1, reused, "create", "t", "--cash", "50", "--currency", "EUR", "--key", "signup-1");
        app.fails(1, reused, "create", "t", "--cash", "50", "--cost-method", "average", "--key", "signup-1");
    }

    @Test
    void key_createWithoutCash_isAUsageError() {
        app.fails(2, "erasmo create: --key goes with --cash: the key is kept with the opening deposit, the one thing create books",
                "create", "t", "--key", "k");
    }

    @Test
    void key_withSpaces_isAUsageError() {
        app.ok("create", "t");
        assertThat(app.run("deposit", "t", "1", "--key", "a b").exitCode()).isEqualTo(ErasmoApp.EXIT_USAGE);
    }
}
