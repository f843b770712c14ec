package dev.erasmo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.CostMethod;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.Portfolio;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.store.ForwardingPortfolioStore;
import dev.erasmo.store.InMemoryPortfolioStore;
import dev.erasmo.store.LedgerTail;
import dev.erasmo.store.PortfolioNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The portfolios an entry point keeps folded: always as stored, reading only what is new. */
class PortfolioCacheTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant AT = Instant.parse("2013-01-02T00:00:00Z");
    private static final PortfolioInfo INFO = new PortfolioInfo(PortfolioId.of("p-1"), Owner.of("alice"), "tech", USD,
            CostMethod.FIFO, AT);

    /** An in-memory store that records the versions after which each tail read starts. */
    private static final class RecordingStore extends ForwardingPortfolioStore {
        final List<Long> tailsAfter = new ArrayList<>();

        RecordingStore() {
            super(new InMemoryPortfolioStore());
        }

        @Override
        public synchronized Optional<LedgerTail> findTail(PortfolioId id, long afterVersion) {
            tailsAfter.add(afterVersion);
            return super.findTail(id, afterVersion);
        }
    }

    private final RecordingStore store = new RecordingStore();

    private static LedgerEntry deposit(long sequence, String usd) {
        return new LedgerEntry(sequence, new Deposit(EventId.of("e-" + sequence), AT.plusSeconds(sequence), Money.of("USD", usd)));
    }

    @Test
    void load_again_readsOnlyTheEntriesStoredSinceByAnotherWriter() {
        store.create(INFO, List.of(deposit(1, "10"), deposit(2, "20")));
        PortfolioCache cache = new PortfolioCache(store, 10);

        Portfolio first = cache.load(INFO.id());
        store.append(INFO.id(), 2, List.of(deposit(3, "30")));
        Portfolio second = cache.load(INFO.id());

        // the second read starts at the last entry kept (#2), to check it is still there
        assertThat(store.tailsAfter).containsExactly(0L, 1L);
        assertThat(first.version()).isEqualTo(2);
        assertThat(second.version()).isEqualTo(3);
        // 10 + 20 + 30, folded from the kept state plus the one new entry
        assertThat(second.state().cash(USD)).isEqualTo(Money.of("USD", "60.00"));
        assertThat(second.entries()).isEqualTo(Portfolio.of(INFO, store.load(INFO.id()).entries()).entries());
    }

    @Test
    void load_backDatedEntryStoredElsewhere_foldsItInItsPlace() {
        store.create(INFO, List.of(deposit(1, "10")));
        PortfolioCache cache = new PortfolioCache(store, 10);
        cache.load(INFO.id());
        // dated before entry 1
        store.append(INFO.id(), 1, List.of(new LedgerEntry(2, new Deposit(EventId.of("early"), AT.minusSeconds(60), Money.of("USD", "5")))));

        Portfolio p = cache.load(INFO.id());

        assertThat(p.state()).isEqualTo(Portfolio.of(INFO, store.load(INFO.id()).entries()).state());
        assertThat(p.state().cash(USD)).isEqualTo(Money.of("USD", "15.00"));
    }

    @Test
    void load_deletedElsewhere_isNotFound_andCreatedAgain_isReadWhole() {
        store.create(INFO, List.of(deposit(1, "10"), deposit(2, "20")));
        PortfolioCache cache = new PortfolioCache(store, 10);
        cache.load(INFO.id());

        store.delete(INFO.id());
        assertThatThrownBy(() -> cache.load(INFO.id())).isInstanceOf(PortfolioNotFoundException.class);
        PortfolioInfo again = new PortfolioInfo(INFO.id(), Owner.of("alice"), "tech", USD, CostMethod.FIFO, AT.plusSeconds(1));
        store.create(again, List.of(deposit(1, "7")));

        Portfolio p = cache.load(INFO.id());
        assertThat(p.info()).isEqualTo(again);
        assertThat(p.state().cash(USD)).isEqualTo(Money.of("USD", "7.00"));
    }

    /*
     * Deleted elsewhere and created again under the same id and settings, with another ledger at
     * least as long (a backup restored): the kept portfolio is not taken for it. Kept: 10; now:
     * 5 + 7 = 12.00, not 10 + 7.
     */
    @Test
    void load_ledgerReplacedUnderTheSameIdAndSettings_isReadWhole() {
        store.create(INFO, List.of(deposit(1, "10")));
        PortfolioCache cache = new PortfolioCache(store, 10);
        cache.load(INFO.id());
        store.delete(INFO.id());
        store.create(INFO, List.of(new LedgerEntry(1, new Deposit(EventId.of("other-1"), AT, Money.of("USD", "5"))),
                new LedgerEntry(2, new Deposit(EventId.of("other-2"), AT, Money.of("USD", "7")))));

        Portfolio p = cache.load(INFO.id());

        assertThat(p.state().cash(USD)).isEqualTo(Money.of("USD", "12.00"));
        assertThat(p.entries()).isEqualTo(store.load(INFO.id()).entries());
    }

    @Test
    void load_beyondCapacity_dropsTheLeastRecentlyUsed() {
        PortfolioInfo other = new PortfolioInfo(PortfolioId.of("p-2"), Owner.of("alice"), "value", USD, CostMethod.FIFO, AT);
        store.create(INFO, List.of(deposit(1, "10")));
        store.create(other, List.of(deposit(1, "10")));
        PortfolioCache cache = new PortfolioCache(store, 1);

        cache.load(INFO.id());
        cache.load(other.id());
        cache.load(INFO.id());

        // p-1 was dropped for p-2, so it was read whole twice
        assertThat(store.tailsAfter).containsExactly(0L, 0L, 0L);
    }

    @Test
    void load_capacityZero_readsTheWholeLedgerEveryTime() {
        store.create(INFO, List.of(deposit(1, "10")));
        PortfolioCache cache = new PortfolioCache(store, 0);

        cache.load(INFO.id());
        Portfolio p = cache.load(INFO.id());

        assertThat(store.tailsAfter).isEmpty();
        assertThat(p.version()).isEqualTo(1);
    }
}
