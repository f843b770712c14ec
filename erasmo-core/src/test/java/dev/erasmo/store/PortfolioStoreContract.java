package dev.erasmo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.Dividend;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.Fee;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.ledger.Sell;
import dev.erasmo.ledger.Split;
import dev.erasmo.ledger.Withdrawal;
import dev.erasmo.money.Currencies;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.CostMethod;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every {@link PortfolioStore} must show: extend this class in the store's own
 * tests and return a fresh, empty store from {@link #newStore()}. erasmo runs it against the
 * in-memory store and the JDBC store on SQLite, H2, PostgreSQL and MariaDB; a third-party store
 * can check itself the same way (the class ships in erasmo-core's test jar).
 *
 * <p>Every test calls {@link #newStore()} exactly once, after the subclass's own
 * {@code @BeforeEach} methods have run; releasing the store (closing it, dropping its tables) is
 * the subclass's job, in its {@code @AfterEach}.
 *
 * <p>The values below are chosen to break lossy storage: {@code 0.1} and {@code 0.2} have no
 * exact binary form, {@code 12345678901234.567890123} needs 23 significant digits, JPY has no
 * decimals and BHD three, prices have eight decimals, instants have nanoseconds and lie before
 * 1970 too, and texts hold quotes, SQL and characters outside the Basic Multilingual Plane.
 */
public abstract class PortfolioStoreContract {

    private static final Currency USD = Currencies.of("USD");
    private static final Currency JPY = Currencies.of("JPY");
    private static final Currency BHD = Currencies.of("BHD");
    private static final Owner ALICE = Owner.of("alice");
    private static final Owner BOB = Owner.of("bob");
    private static final Instant CREATED = Instant.parse("2013-01-02T14:30:00.123456789Z");
    private static final Instant AT = Instant.parse("2013-01-03T15:00:00Z");
    private static final Instrument GSPC = Instrument.of(Symbol.of("^GSPC"), USD);
    private static final Instrument EURUSD = Instrument.of(Symbol.of("EURUSD=X"), USD);
    private static final Instrument BRK_B = Instrument.of(Symbol.of("BRK-B"), USD);
    private static final Instrument TOYOTA = Instrument.of(Symbol.of("7203.T"), JPY);
    private static final Instrument BATELCO = Instrument.of(Symbol.of("BATELCO.BH"), BHD);
    /** How long a concurrency test may take before it counts as hung. */
    private static final long TIMEOUT_SECONDS = 60;

    /** For subclasses. */
    protected PortfolioStoreContract() {
    }

    /**
     * Creates the store under test: fresh and empty, not shared with any other test.
     *
     * @return the store
     */
    protected abstract PortfolioStore newStore();

    // ------------------------------------------------------------------ create, find, list, delete

    @Test
    void create_newPortfolio_isFoundAtVersionZeroWithNoEntries() {
        PortfolioStore store = newStore();
        PortfolioInfo info = info("p-1", ALICE, "tech");

        store.create(info);

        StoredPortfolio loaded = store.load(PortfolioId.of("p-1"));
        assertThat(loaded.info()).isEqualTo(info);
        assertThat(loaded.version()).isZero();
        assertThat(loaded.entries()).isEmpty();
    }

    @Test
    void create_settingsWithQuotesSqlAndUnicode_readBackEqual() {
        PortfolioStore store = newStore();
        PortfolioInfo info = new PortfolioInfo(PortfolioId.of("p-'\"ü😀"), Owner.of("Zoë O'Brien \"zo\" 😀"),
                "x'); DROP TABLE erasmo_event;--", JPY, CostMethod.AVERAGE,
                Instant.parse("1969-12-31T23:59:59.999999999Z"));

        store.create(info);

        assertThat(store.load(PortfolioId.of("p-'\"ü😀")).info()).isEqualTo(info);
        assertThat(store.findByName(Owner.of("Zoë O'Brien \"zo\" 😀"), "x'); DROP TABLE erasmo_event;--"))
                .contains(info);
    }

    /** 100 characters outside Unicode's basic plane: 200 UTF-16 code units, which H2 counted against the column. */
    @Test
    void create_nameOfHundredEmoji_readsBackEqual() {
        PortfolioStore store = newStore();
        PortfolioInfo info = info("p-1", ALICE, "\uD83D\uDE00".repeat(100));

        store.create(info);

        assertThat(store.load(PortfolioId.of("p-1")).info()).isEqualTo(info);
        assertThat(store.findByName(ALICE, "\uD83D\uDE00".repeat(100))).contains(info);
    }

    @Test
    void find_unknownId_isEmpty() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));

        assertThat(store.find(PortfolioId.of("p-2"))).isEmpty();
    }

    @Test
    void load_unknownId_throwsPortfolioNotFound() {
        PortfolioStore store = newStore();

        assertThatThrownBy(() -> store.load(PortfolioId.of("p-404"))).isInstanceOf(PortfolioNotFoundException.class);
    }

    @Test
    void findByName_ownerAndExactName_returnsSettings() {
        PortfolioStore store = newStore();
        PortfolioInfo tech = info("p-1", ALICE, "tech");
        store.create(tech);
        store.create(info("p-2", BOB, "tech"));

        assertThat(store.findByName(ALICE, "tech")).contains(tech);
        assertThat(store.findByName(ALICE, "other")).isEmpty();
        assertThat(store.findByName(Owner.of("carol"), "tech")).isEmpty();
    }

    @Test
    void create_namesDifferingInCase_areDistinctPortfolios() {
        PortfolioStore store = newStore();
        store.create(info("p-lower", ALICE, "tech"));
        store.create(info("p-upper", ALICE, "Tech"));

        assertThat(store.findByName(ALICE, "tech")).map(PortfolioInfo::id).contains(PortfolioId.of("p-lower"));
        assertThat(store.findByName(ALICE, "Tech")).map(PortfolioInfo::id).contains(PortfolioId.of("p-upper"));
        assertThat(store.findByName(ALICE, "TECH")).isEmpty();
    }

    @Test
    void create_namesThatOnlyLookDifferent_areTheSamePortfolio() {
        PortfolioStore store = newStore();
        // "\u00e9" (NFC) and "e\u0301" (NFD) are both the name "caf\u00e9"; surrounding space is removed
        store.create(info("p-nfc", ALICE, "caf\u00e9"));
        assertThatThrownBy(() -> store.create(info("p-nfd", ALICE, "cafe\u0301"))).isInstanceOf(DuplicatePortfolioException.class);
        assertThatThrownBy(() -> store.create(info("p-space", ALICE, " caf\u00e9 "))).isInstanceOf(DuplicatePortfolioException.class);
        // no-break spaces around it are surrounding space too
        assertThatThrownBy(() -> store.create(info("p-nbsp", ALICE, "\u202fcaf\u00e9\u00a0"))).isInstanceOf(DuplicatePortfolioException.class);
        assertThat(store.findByName(ALICE, "cafe\u0301 ")).map(PortfolioInfo::id).contains(PortfolioId.of("p-nfc"));
        assertThat(store.list(ALICE)).hasSize(1);
    }

    @Test
    void create_withEntries_storesThemAtomically() {
        PortfolioStore store = newStore();
        LedgerEntry opening = new LedgerEntry(1, new dev.erasmo.ledger.Deposit(EventId.of("open"), AT, Money.of("USD", "100")));
        store.create(info("p1", ALICE, "tech"), List.of(opening));
        assertThat(store.load(PortfolioId.of("p1")).entries()).containsExactly(opening);
        assertThat(store.load(PortfolioId.of("p1")).version()).isEqualTo(1);
        // a clash with an existing portfolio writes neither the portfolio nor its entries
        assertThatThrownBy(() -> store.create(info("p2", ALICE, "tech"), List.of(opening))).isInstanceOf(DuplicatePortfolioException.class);
        assertThat(store.find(PortfolioId.of("p2"))).isEmpty();
        // entries not numbered from 1 are refused before anything is written
        LedgerEntry second = new LedgerEntry(2, opening.event());
        assertThatThrownBy(() -> store.create(info("p3", ALICE, "other"), List.of(second))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.find(PortfolioId.of("p3"))).isEmpty();
    }

    @Test
    void list_owner_returnsOnlyTheirPortfoliosOrderedByName() {
        PortfolioStore store = newStore();
        store.create(info("p-g", ALICE, "gamma"));
        store.create(info("p-a", ALICE, "alpha"));
        store.create(info("p-d", BOB, "delta"));
        store.create(info("p-b", ALICE, "beta"));

        assertThat(store.list(ALICE)).extracting(PortfolioInfo::name).containsExactly("alpha", "beta", "gamma");
        assertThat(store.list(BOB)).extracting(PortfolioInfo::id).containsExactly(PortfolioId.of("p-d"));
        assertThat(store.list(Owner.of("carol"))).isEmpty();
    }

    @Test
    void create_duplicateId_throwsDuplicateAndKeepsTheFirst() {
        PortfolioStore store = newStore();
        PortfolioInfo first = info("p-1", ALICE, "tech");
        store.create(first);

        assertThatThrownBy(() -> store.create(info("p-1", BOB, "other"))).isInstanceOf(DuplicatePortfolioException.class);

        assertThat(store.load(PortfolioId.of("p-1")).info()).isEqualTo(first);
        assertThat(store.list(BOB)).isEmpty();
    }

    @Test
    void create_duplicateOwnerAndName_throwsDuplicateAndWritesNothing() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));

        assertThatThrownBy(() -> store.create(info("p-2", ALICE, "tech"))).isInstanceOf(DuplicatePortfolioException.class);

        assertThat(store.find(PortfolioId.of("p-2"))).isEmpty();
        assertThat(store.list(ALICE)).extracting(PortfolioInfo::id).containsExactly(PortfolioId.of("p-1"));
    }

    @Test
    void create_sameNameForAnotherOwner_isAccepted() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));

        store.create(info("p-2", BOB, "tech"));

        assertThat(store.findByName(BOB, "tech")).map(PortfolioInfo::id).contains(PortfolioId.of("p-2"));
    }

    @Test
    void delete_existing_removesPortfolioAndLedger() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        store.create(info("p-2", ALICE, "value"));
        store.append(PortfolioId.of("p-1"), 0, entries(1, deposit("e-1", "100"), deposit("e-2", "200")));

        store.delete(PortfolioId.of("p-1"));

        assertThat(store.find(PortfolioId.of("p-1"))).isEmpty();
        assertThat(store.findByName(ALICE, "tech")).isEmpty();
        assertThat(store.list(ALICE)).extracting(PortfolioInfo::id).containsExactly(PortfolioId.of("p-2"));
    }

    @Test
    void delete_thenCreateSameId_startsWithEmptyLedgerAndFreeEventIds() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        store.append(PortfolioId.of("p-1"), 0, entries(1, deposit("e-1", "100")));
        store.delete(PortfolioId.of("p-1"));

        store.create(info("p-1", ALICE, "tech"));

        assertThat(store.load(PortfolioId.of("p-1")).entries()).isEmpty();
        assertThat(store.append(PortfolioId.of("p-1"), 0, entries(1, deposit("e-1", "5")))).isEqualTo(1);
        assertThat(store.load(PortfolioId.of("p-1")).entries()).containsExactly(new LedgerEntry(1, deposit("e-1", "5")));
    }

    @Test
    void delete_unknownId_throwsPortfolioNotFound() {
        PortfolioStore store = newStore();

        assertThatThrownBy(() -> store.delete(PortfolioId.of("p-404"))).isInstanceOf(PortfolioNotFoundException.class);
    }

    // ------------------------------------------------------------------ append

    @Test
    void append_expectedVersion_returnsNewVersionAndStoresEntriesInOrder() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        List<LedgerEntry> first = entries(1, deposit("e-1", "100"), deposit("e-2", "200"), deposit("e-3", "300"));
        List<LedgerEntry> second = entries(4, deposit("e-4", "400"));

        assertThat(store.append(PortfolioId.of("p-1"), 0, first)).isEqualTo(3);
        assertThat(store.append(PortfolioId.of("p-1"), 3, second)).isEqualTo(4);

        StoredPortfolio loaded = store.load(PortfolioId.of("p-1"));
        assertThat(loaded.version()).isEqualTo(4);
        assertThat(loaded.entries()).extracting(LedgerEntry::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(loaded.entries()).extracting(e -> e.event().id().value()).containsExactly("e-1", "e-2", "e-3", "e-4");
    }

    @Test
    void append_staleExpectedVersion_throwsStaleAndWritesNothing() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        store.append(PortfolioId.of("p-1"), 0, entries(1, deposit("e-1", "100"), deposit("e-2", "200")));

        assertThatThrownBy(() -> store.append(PortfolioId.of("p-1"), 1, entries(2, deposit("e-3", "300"))))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> store.append(PortfolioId.of("p-1"), 5, entries(6, deposit("e-4", "400"))))
                .isInstanceOf(StaleVersionException.class);

        StoredPortfolio loaded = store.load(PortfolioId.of("p-1"));
        assertThat(loaded.version()).isEqualTo(2);
        assertThat(loaded.entries()).extracting(e -> e.event().id().value()).containsExactly("e-1", "e-2");
    }

    @Test
    void append_unknownPortfolio_throwsPortfolioNotFound() {
        PortfolioStore store = newStore();

        assertThatThrownBy(() -> store.append(PortfolioId.of("p-404"), 0, entries(1, deposit("e-1", "100"))))
                .isInstanceOf(PortfolioNotFoundException.class);
    }

    @Test
    void append_entriesNotNumberedFromExpectedVersionPlusOne_throwsIllegalArgumentAndWritesNothing() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        store.append(PortfolioId.of("p-1"), 0, entries(1, deposit("e-1", "100")));
        List<LedgerEntry> startsTooLate = entries(3, deposit("e-2", "200"));
        List<LedgerEntry> gap = List.of(new LedgerEntry(2, deposit("e-2", "200")), new LedgerEntry(4, deposit("e-3", "300")));
        List<LedgerEntry> repeats = List.of(new LedgerEntry(2, deposit("e-2", "200")), new LedgerEntry(2, deposit("e-3", "300")));

        assertThatThrownBy(() -> store.append(PortfolioId.of("p-1"), 1, startsTooLate)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.append(PortfolioId.of("p-1"), 1, gap)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.append(PortfolioId.of("p-1"), 1, repeats)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.append(PortfolioId.of("p-1"), 1, List.of())).isInstanceOf(IllegalArgumentException.class);

        StoredPortfolio loaded = store.load(PortfolioId.of("p-1"));
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.entries()).containsExactly(new LedgerEntry(1, deposit("e-1", "100")));
    }

    @Test
    void append_eventIdAlreadyInLedger_throwsStoreExceptionAndWritesNothing() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        store.append(PortfolioId.of("p-1"), 0, entries(1, deposit("e-1", "100")));

        assertThatThrownBy(() -> store.append(PortfolioId.of("p-1"), 1, entries(2, deposit("e-2", "200"), deposit("e-1", "300"))))
                .isInstanceOf(StoreException.class)
                .isNotInstanceOf(StaleVersionException.class)
                .isNotInstanceOf(PortfolioNotFoundException.class);

        StoredPortfolio loaded = store.load(PortfolioId.of("p-1"));
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.entries()).containsExactly(new LedgerEntry(1, deposit("e-1", "100")));
        assertThat(store.append(PortfolioId.of("p-1"), 1, entries(2, deposit("e-2", "200")))).isEqualTo(2);
    }

    @Test
    void append_sameEventIdTwiceInOneCall_throwsStoreExceptionAndWritesNothing() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));

        assertThatThrownBy(() -> store.append(PortfolioId.of("p-1"), 0, entries(1, deposit("e-1", "100"), deposit("e-1", "200"))))
                .isInstanceOf(StoreException.class)
                .isNotInstanceOf(StaleVersionException.class);

        assertThat(store.load(PortfolioId.of("p-1")).version()).isZero();
    }

    // ------------------------------------------------------------------ idempotency keys

    @Test
    void append_entriesWithAndWithoutKeys_readBackWithTheirKeys() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"), List.of(new LedgerEntry(1, deposit("e-1", "100"), IdempotencyKey.of("open-1"))));
        store.append(PortfolioId.of("p-1"), 1, List.of(new LedgerEntry(2, deposit("e-2", "5")),
                new LedgerEntry(3, deposit("e-3", "7"), IdempotencyKey.of("x');DROP/**/TABLE/**/erasmo_event;--"))));

        assertThat(store.load(PortfolioId.of("p-1")).entries()).containsExactly(
                new LedgerEntry(1, deposit("e-1", "100"), IdempotencyKey.of("open-1")),
                new LedgerEntry(2, deposit("e-2", "5"), null),
                new LedgerEntry(3, deposit("e-3", "7"), IdempotencyKey.of("x');DROP/**/TABLE/**/erasmo_event;--")));
    }

    @Test
    void append_keyAlreadyInLedger_throwsStoreExceptionAndWritesNothing() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        store.append(PortfolioId.of("p-1"), 0, List.of(new LedgerEntry(1, deposit("e-1", "100"), IdempotencyKey.of("k"))));

        assertThatThrownBy(() -> store.append(PortfolioId.of("p-1"), 1, List.of(new LedgerEntry(2, deposit("e-2", "200")),
                new LedgerEntry(3, deposit("e-3", "300"), IdempotencyKey.of("k")))))
                .isInstanceOf(StoreException.class)
                .isNotInstanceOf(StaleVersionException.class);

        assertThat(store.load(PortfolioId.of("p-1")).version()).isEqualTo(1);
    }

    @Test
    void append_sameKeyTwiceInOneCall_throwsStoreExceptionAndWritesNothing() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));

        assertThatThrownBy(() -> store.append(PortfolioId.of("p-1"), 0, List.of(new LedgerEntry(1, deposit("e-1", "100"),
                IdempotencyKey.of("k")), new LedgerEntry(2, deposit("e-2", "200"), IdempotencyKey.of("k")))))
                .isInstanceOf(StoreException.class);

        assertThat(store.load(PortfolioId.of("p-1")).version()).isZero();
    }

    @Test
    void append_sameKeyInTwoPortfolios_isAccepted() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        store.create(info("p-2", BOB, "tech"));

        store.append(PortfolioId.of("p-1"), 0, List.of(new LedgerEntry(1, deposit("e-1", "100"), IdempotencyKey.of("k"))));
        store.append(PortfolioId.of("p-2"), 0, List.of(new LedgerEntry(1, deposit("e-1", "100"), IdempotencyKey.of("k"))));

        assertThat(store.load(PortfolioId.of("p-2")).entries().get(0).key()).isEqualTo(IdempotencyKey.of("k"));
    }

    @Test
    void delete_thenCreateSameId_freesItsKeys() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"), List.of(new LedgerEntry(1, deposit("e-1", "100"), IdempotencyKey.of("k"))));
        store.delete(PortfolioId.of("p-1"));

        store.create(info("p-1", ALICE, "tech"), List.of(new LedgerEntry(1, deposit("e-1", "100"), IdempotencyKey.of("k"))));

        assertThat(store.load(PortfolioId.of("p-1")).version()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ tail reads

    @Test
    void findTail_afterAVersion_returnsOnlyTheLaterEntriesAndTheCurrentVersion() {
        PortfolioStore store = newStore();
        PortfolioInfo info = info("p-1", ALICE, "tech");
        store.create(info);
        store.append(PortfolioId.of("p-1"), 0, entries(1, deposit("e-1", "1"), deposit("e-2", "2"), deposit("e-3", "3")));

        LedgerTail tail = store.findTail(PortfolioId.of("p-1"), 1).orElseThrow();

        assertThat(tail.info()).isEqualTo(info);
        assertThat(tail.version()).isEqualTo(3);
        assertThat(tail.after()).isEqualTo(1);
        assertThat(tail.entries()).containsExactly(new LedgerEntry(2, deposit("e-2", "2")), new LedgerEntry(3, deposit("e-3", "3")));
    }

    @Test
    void findTail_atTheCurrentVersion_isEmpty_andFromZero_isEverything() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        store.append(PortfolioId.of("p-1"), 0, entries(1, deposit("e-1", "1"), deposit("e-2", "2")));

        LedgerTail none = store.findTail(PortfolioId.of("p-1"), 2).orElseThrow();
        LedgerTail all = store.findTail(PortfolioId.of("p-1"), 0).orElseThrow();

        assertThat(none.version()).isEqualTo(2);
        assertThat(none.entries()).isEmpty();
        assertThat(all.after()).isZero();
        assertThat(all.entries()).containsExactly(new LedgerEntry(1, deposit("e-1", "1")), new LedgerEntry(2, deposit("e-2", "2")));
    }

    @Test
    void findTail_beyondTheVersion_portfolioCreatedAgain_startsFromEntryOne() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        store.append(PortfolioId.of("p-1"), 0, entries(1, deposit("e-1", "1"), deposit("e-2", "2"), deposit("e-3", "3")));
        store.delete(PortfolioId.of("p-1"));
        store.create(info("p-1", ALICE, "tech"), entries(1, deposit("f-1", "9")));

        LedgerTail tail = store.findTail(PortfolioId.of("p-1"), 3).orElseThrow();

        assertThat(tail.after()).isZero();
        assertThat(tail.entries()).containsExactly(new LedgerEntry(1, deposit("f-1", "9")));
    }

    @Test
    void findTail_unknownId_isEmpty() {
        assertThat(newStore().findTail(PortfolioId.of("nope"), 0)).isEmpty();
    }

    @Test
    void append_sameEventIdInTwoPortfolios_isAccepted() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        store.create(info("p-2", ALICE, "value"));

        store.append(PortfolioId.of("p-1"), 0, entries(1, deposit("e-1", "100")));
        store.append(PortfolioId.of("p-2"), 0, entries(1, deposit("e-1", "200")));

        assertThat(store.load(PortfolioId.of("p-1")).entries()).containsExactly(new LedgerEntry(1, deposit("e-1", "100")));
        assertThat(store.load(PortfolioId.of("p-2")).entries()).containsExactly(new LedgerEntry(1, deposit("e-1", "200")));
    }

    @Test
    void append_manyEntriesOneFailing_writesNoneOfThem() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        store.append(PortfolioId.of("p-1"), 0, entries(1, deposit("e-1", "100")));
        List<LedgerEntry> batch = new ArrayList<>();
        for (int i = 2; i <= 50; i++) {
            batch.add(new LedgerEntry(i, deposit("e-new-" + i, "1")));
        }
        batch.add(new LedgerEntry(51, deposit("e-1", "1")));

        assertThatThrownBy(() -> store.append(PortfolioId.of("p-1"), 1, batch)).isInstanceOf(StoreException.class);

        StoredPortfolio loaded = store.load(PortfolioId.of("p-1"));
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.entries()).hasSize(1);
    }

    @Test
    void append_manyEntries_areAllStoredInOneStep() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        List<LedgerEntry> batch = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            batch.add(new LedgerEntry(i, deposit("e-" + i, "0.01")));
        }

        assertThat(store.append(PortfolioId.of("p-1"), 0, batch)).isEqualTo(250);

        assertThat(store.load(PortfolioId.of("p-1")).entries()).isEqualTo(batch);
    }

    // ------------------------------------------------------------------ exact round trips

    /**
     * Every kind of event with every field, each with values that lossy storage gets wrong.
     *
     * @return the events
     */
    protected static Stream<LedgerEvent> everyKindOfEvent() {
        return Stream.of(
                new Deposit(EventId.of("dep-usd"), Instant.parse("2013-01-02T14:30:00.123456789Z"),
                        Money.of("USD", "12345678901234.56")),
                new Deposit(EventId.of("dep-jpy"), Instant.parse("2013-01-02T14:30:00.000000001Z"), Money.of("JPY", "1234567")),
                new Deposit(EventId.of("dep-bhd"), Instant.parse("1900-01-01T00:00:00.000000001Z"), Money.of("BHD", "0.001")),
                new Withdrawal(EventId.of("wd-bhd"), Instant.parse("1969-12-31T23:59:59.999999999Z"), Money.of("BHD", "1.234")),
                new Withdrawal(EventId.of("wd-usd"), Instant.EPOCH, Money.of("USD", "0.1")),
                new Buy(EventId.of("buy-gspc"), Instant.parse("2013-01-02T21:00:00.5Z"), GSPC, Quantity.parse("0.1"),
                        Price.of("USD", "1462.42000001"), Money.of("USD", "0.2")),
                new Buy(EventId.of("buy-brk-b"), Instant.parse("9999-12-31T23:59:59.999999999Z"), BRK_B,
                        Quantity.parse("12345678901234.567890123"), Price.of("USD", "0.00000001"), Money.zero(USD)),
                new Buy(EventId.of("buy-jpy"), AT, TOYOTA, Quantity.parse("100"), Price.of("JPY", "4290.5"), Money.of("JPY", "500")),
                new Sell(EventId.of("sell-eurusd"), AT, EURUSD, Quantity.parse("0.2"), Price.of("USD", "1.31927501"),
                        Money.of("USD", "0.01")),
                new Sell(EventId.of("sell-bhd"), AT, BATELCO, Quantity.parse("0.000000001"), Price.of("BHD", "0.12345678"),
                        Money.of("BHD", "0.005")),
                new Dividend(EventId.of("div-brk-b"), AT, BRK_B, Price.of("USD", "0.00012345")),
                new Dividend(EventId.of("div-jpy"), AT, TOYOTA, Price.of("JPY", "45")),
                new Split(EventId.of("split-3-for-2"), AT, Symbol.of("BRK-B"), 3, 2),
                new Split(EventId.of("split-1-for-10"), AT, Symbol.of("^GSPC"), 1, 10),
                new Split(EventId.of("split-huge"), AT, Symbol.of("EURUSD=X"), Integer.MAX_VALUE, 1),
                new Fee(EventId.of("fee-text"), AT, Money.of("USD", "0.99"),
                        "Kontoführung \"Premium\" – 'monthly' \\ 月額 😀 '); DROP TABLE erasmo_event;--"),
                new Fee(EventId.of("fee-empty"), AT, Money.of("BHD", "0.005"), ""),
                new Deposit(EventId.of("id-'\"ü😀"), AT, Money.of("USD", "0.2")));
    }

    /**
     * The same event under another id.
     *
     * @param e the event
     * @param id the id
     * @return the event with that id
     */
    protected static LedgerEvent withId(LedgerEvent e, String id) {
        EventId i = EventId.of(id);
        if (e instanceof Deposit d) {
            return new Deposit(i, d.at(), d.amount());
        } else if (e instanceof Withdrawal w) {
            return new Withdrawal(i, w.at(), w.amount());
        } else if (e instanceof Fee f) {
            return new Fee(i, f.at(), f.amount(), f.description());
        } else if (e instanceof Buy b) {
            return new Buy(i, b.at(), b.instrument(), b.quantity(), b.price(), b.fee());
        } else if (e instanceof Sell x) {
            return new Sell(i, x.at(), x.instrument(), x.quantity(), x.price(), x.fee());
        } else if (e instanceof Dividend d) {
            return new Dividend(i, d.at(), d.instrument(), d.perShare());
        } else if (e instanceof Split x) {
            return new Split(i, x.at(), x.symbol(), x.numerator(), x.denominator());
        }
        throw new IllegalArgumentException("unknown event " + e);
    }

    @ParameterizedTest
    @MethodSource("everyKindOfEvent")
    void append_eachKindOfEvent_readsBackEqual(LedgerEvent event) {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));

        store.append(PortfolioId.of("p-1"), 0, List.of(new LedgerEntry(1, event)));

        assertThat(store.load(PortfolioId.of("p-1")).entries()).containsExactly(new LedgerEntry(1, event));
    }

    @Test
    void append_everyKindOfEventInOneCall_readsBackEqualInSequence() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        List<LedgerEvent> events = everyKindOfEvent().toList();
        List<LedgerEntry> appended = IntStream.range(0, events.size()).mapToObj(i -> new LedgerEntry(i + 1, events.get(i))).toList();

        assertThat(store.append(PortfolioId.of("p-1"), 0, appended)).isEqualTo(18);

        StoredPortfolio loaded = store.load(PortfolioId.of("p-1"));
        assertThat(loaded.version()).isEqualTo(18);
        assertThat(loaded.entries()).isEqualTo(appended);
    }

    @Test
    void append_decimalsWithoutBinaryForm_readBackIdentical() {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        store.append(PortfolioId.of("p-1"), 0, entries(1,
                new Buy(EventId.of("b-1"), AT, GSPC, Quantity.parse("0.1"), Price.of("USD", "0.2"), Money.of("USD", "0.1")),
                new Buy(EventId.of("b-2"), AT, GSPC, Quantity.parse("12345678901234.567890123"), Price.of("USD", "1234.56789012"),
                        Money.of("USD", "0.2"))));

        List<LedgerEntry> loaded = store.load(PortfolioId.of("p-1")).entries();

        Buy first = (Buy) loaded.get(0).event();
        Buy second = (Buy) loaded.get(1).event();
        assertThat(first.quantity().value()).isEqualTo(new BigDecimal("0.1"));
        assertThat(first.price().amount()).isEqualTo(new BigDecimal("0.2"));
        assertThat(first.fee().amount()).isEqualTo(new BigDecimal("0.10"));
        assertThat(second.quantity().value()).isEqualTo(new BigDecimal("12345678901234.567890123"));
        assertThat(second.price().amount()).isEqualTo(new BigDecimal("1234.56789012"));
        assertThat(second.at()).isEqualTo(Instant.ofEpochSecond(1357225200L));
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void append_concurrentWritersWithSameExpectedVersion_exactlyOneWins() throws Exception {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        store.append(PortfolioId.of("p-1"), 0, entries(1, deposit("e-0", "100")));
        int writers = 8;
        CyclicBarrier start = new CyclicBarrier(writers);

        List<Object> outcomes = runConcurrently(writers, i -> {
            start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return store.append(PortfolioId.of("p-1"), 1, entries(2, deposit("w-" + i, "1")));
        });

        assertThat(outcomes).filteredOn(o -> o.equals(2L)).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof StaleVersionException).hasSize(7);
        StoredPortfolio loaded = store.load(PortfolioId.of("p-1"));
        assertThat(loaded.version()).isEqualTo(2);
        assertThat(loaded.entries()).hasSize(2);
        String winner = "w-" + outcomes.indexOf(2L);
        assertThat(loaded.entries().get(1)).isEqualTo(new LedgerEntry(2, deposit(winner, "1")));
    }

    @Test
    void append_concurrentWritersRetryingOnStaleVersion_loseAndDoubleNothing() throws Exception {
        PortfolioStore store = newStore();
        store.create(info("p-1", ALICE, "tech"));
        int writers = 4;
        int appendsEach = 5;
        CyclicBarrier start = new CyclicBarrier(writers);

        List<Object> outcomes = runConcurrently(writers, i -> {
            start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            int conflicts = 0;
            for (int n = 0; n < appendsEach; n++) {
                while (true) {
                    long version = store.load(PortfolioId.of("p-1")).version();
                    try {
                        store.append(PortfolioId.of("p-1"), version, entries(version + 1, deposit("w-" + i + "-" + n, "1")));
                        break;
                    } catch (StaleVersionException e) {
                        if (++conflicts > 1000) {
                            throw e;
                        }
                    }
                }
            }
            return "done";
        });

        assertThat(outcomes).containsOnly("done");
        StoredPortfolio loaded = store.load(PortfolioId.of("p-1"));
        assertThat(loaded.version()).isEqualTo(20);
        assertThat(loaded.entries()).extracting(LedgerEntry::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(loaded.entries()).extracting(e -> e.event().id().value()).containsExactlyInAnyOrder(
                "w-0-0", "w-0-1", "w-0-2", "w-0-3", "w-0-4", "w-1-0", "w-1-1", "w-1-2", "w-1-3", "w-1-4",
                "w-2-0", "w-2-1", "w-2-2", "w-2-3", "w-2-4", "w-3-0", "w-3-1", "w-3-2", "w-3-3", "w-3-4");
    }

    // ------------------------------------------------------------------ helpers

    /** A task of one of several concurrent workers, given the worker's index. */
    private interface Worker {
        Object run(int index) throws Exception;
    }

    /**
     * Runs the workers on their own threads and returns, per worker, its result or the exception
     * it threw; fails the test if any takes longer than {@link #TIMEOUT_SECONDS}.
     */
    private static List<Object> runConcurrently(int workers, Worker worker) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                int index = i;
                Callable<Object> task = () -> worker.run(index);
                futures.add(pool.submit(task));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                try {
                    outcomes.add(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("a writer took longer than " + TIMEOUT_SECONDS + " s", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static PortfolioInfo info(String id, Owner owner, String name) {
        return new PortfolioInfo(PortfolioId.of(id), owner, name, USD, CostMethod.FIFO, CREATED);
    }

    private static Deposit deposit(String eventId, String usd) {
        return new Deposit(EventId.of(eventId), AT, Money.of("USD", usd));
    }

    private static List<LedgerEntry> entries(long firstSequence, LedgerEvent... events) {
        List<LedgerEntry> list = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            list.add(new LedgerEntry(firstSequence + i, events[i]));
        }
        return list;
    }
}
