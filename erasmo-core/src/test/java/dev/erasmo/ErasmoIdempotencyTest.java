package dev.erasmo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.portfolio.Rejection.Reason;
import dev.erasmo.quote.Bar;
import dev.erasmo.quote.InMemoryQuoteSource;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.Quote;
import dev.erasmo.quote.QuoteSource;
import dev.erasmo.store.InMemoryPortfolioStore;
import dev.erasmo.store.StoredPortfolio;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Commands carrying a client's idempotency key: sent twice, booked once. */
class ErasmoIdempotencyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Owner ALICE = Owner.of("alice");
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Instant NOW = Instant.parse("2014-01-06T12:00:00Z");
    private static final IdempotencyKey K1 = IdempotencyKey.of("9b2f6c1e-req-1");

    /** Real AAPL closes (ta4j-examples 0.15 data): 2013-01-02 549.03, 2013-01-03 542.10. */
    private final CountingQuotes quotes = new CountingQuotes(InMemoryQuoteSource.builder()
            .history(new PriceHistory(AAPL, USD, List.of(close("2013-01-02", "549.03"), close("2013-01-03", "542.10")), List.of(),
                    List.of()))
            .build());
    private final InMemoryPortfolioStore store = new InMemoryPortfolioStore();
    private final Erasmo erasmo = Erasmo.builder().store(store).quotes(quotes).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    private static Bar close(String date, String close) {
        return new Bar(LocalDate.parse(date), null, null, null, new BigDecimal(close), null, null);
    }

    private static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Money usd(String amount) {
        return Money.of("USD", amount);
    }

    @Test
    void bookAll_sameListAndKeyTwice_booksOnce_anotherListUnderTheKeyIsRejected() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "import");
        Instrument aapl = new Instrument(AAPL, USD);
        // an import: 1,000 deposited, 1 AAPL bought at 549.03 (fee 1): cash 1,000 - 550.03 = 449.97
        List<LedgerEvent> events = List.of(new Deposit(EventId.random(), day("2013-01-02"), usd("1000")),
                new Buy(EventId.random(), day("2013-01-02"), aapl, Quantity.of(1), Price.of("USD", "549.03"), usd("1")));
        CommandResult first = erasmo.bookAll(p.id(), events, K1);
        // sent again, as a client that lost the answer would: new event ids, the same requests
        List<LedgerEvent> resent = List.of(new Deposit(EventId.random(), day("2013-01-02"), usd("1000")),
                new Buy(EventId.random(), day("2013-01-02"), aapl, Quantity.of(1), Price.of("USD", "549.03"), usd("1")));
        CommandResult again = erasmo.bookAll(p.id(), resent, K1);

        assertThat(first).isInstanceOfSatisfying(CommandResult.Booked.class, b -> assertThat(b.replayed()).isFalse());
        assertThat(again).isInstanceOfSatisfying(CommandResult.Booked.class, b -> {
            assertThat(b.replayed()).isTrue();
            assertThat(b.entry()).isEqualTo(first.orElseThrow());
        });
        assertThat(first.orElseThrow().sequence()).isEqualTo(2);
        assertThat(first.orElseThrow().key()).isEqualTo(K1);
        assertThat(store.load(p.id()).version()).isEqualTo(2);
        assertThat(erasmo.portfolio(p.id()).state().cash(USD)).isEqualTo(usd("449.97"));

        // the key with another list: only the last event the same, or one event more
        List<LedgerEvent> other = List.of(new Deposit(EventId.random(), day("2013-01-02"), usd("999")),
                new Buy(EventId.random(), day("2013-01-02"), aapl, Quantity.of(1), Price.of("USD", "549.03"), usd("1")));
        for (List<LedgerEvent> list : List.of(other, List.of(new Deposit(EventId.random(), day("2013-01-02"), usd("1")), events.get(0),
                events.get(1)))) {
            CommandResult r = erasmo.bookAll(p.id(), list, K1);
            assertThat(r).isInstanceOfSatisfying(CommandResult.Rejected.class,
                    x -> assertThat(x.rejection().reason()).isEqualTo(Reason.IDEMPOTENCY_KEY_REUSED));
        }
        assertThat(store.load(p.id()).version()).isEqualTo(2);
    }

    @Test
    void deposit_sameKeyTwice_booksOnceAndReturnsTheFirstEntry() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");

        CommandResult first = erasmo.deposit(p.id(), usd("100"), day("2013-01-02"), K1);
        CommandResult again = erasmo.deposit(p.id(), usd("100"), day("2013-01-02"), K1);

        assertThat(first).isInstanceOfSatisfying(CommandResult.Booked.class, b -> assertThat(b.replayed()).isFalse());
        assertThat(again).isInstanceOfSatisfying(CommandResult.Booked.class, b -> {
            assertThat(b.replayed()).isTrue();
            assertThat(b.entry()).isEqualTo(first.orElseThrow());
        });
        assertThat(first.orElseThrow().key()).isEqualTo(K1);
        StoredPortfolio stored = store.load(p.id());
        assertThat(stored.version()).isEqualTo(1);
        // one deposit of 100.00, not two
        assertThat(erasmo.portfolio(p.id()).state().cash(USD)).isEqualTo(usd("100.00"));
    }

    /*
     * A buy "now" retried after the first reply was lost: the retry is another request in time,
     * but the same order (AAPL, 3 shares). It returns the first fill, at 549.03 on 2013-01-02,
     * without asking the quote source again, although the close as of the retry's date differs.
     */
    @Test
    void buy_retriedWithItsKey_returnsTheFirstFillWithoutAskingForAQuote() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        erasmo.deposit(p.id(), usd("10000"), day("2013-01-02")).orElseThrow();
        LedgerEntry first = erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(3)).at(day("2013-01-02")), K1).orElseThrow();
        int asked = quotes.requests.get();

        CommandResult retry = erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(3)).at(day("2013-01-03")), K1);

        assertThat(retry).isInstanceOfSatisfying(CommandResult.Booked.class, b -> {
            assertThat(b.replayed()).isTrue();
            assertThat(b.entry()).isEqualTo(first);
        });
        assertThat(((Buy) first.event()).price()).isEqualTo(Price.of("USD", "549.03"));
        assertThat(quotes.requests.get()).isEqualTo(asked);
        // 10,000 - 3 x 549.03 = 8,352.91: one buy
        assertThat(erasmo.portfolio(p.id()).state().cash(USD)).isEqualTo(usd("8352.91"));
    }

    @Test
    void command_keyUsedForAnotherCommand_isRejectedAndWritesNothing() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        erasmo.deposit(p.id(), usd("100"), day("2013-01-02"), K1).orElseThrow();
        StoredPortfolio before = store.load(p.id());

        CommandResult otherAmount = erasmo.deposit(p.id(), usd("200"), day("2013-01-02"), K1);
        CommandResult otherKind = erasmo.withdraw(p.id(), usd("100"), day("2013-01-02"), K1);
        CommandResult trade = erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(1)).at(day("2013-01-02")), K1);

        for (CommandResult r : List.of(otherAmount, otherKind, trade)) {
            assertThat(r).isInstanceOfSatisfying(CommandResult.Rejected.class, x -> {
                assertThat(x.rejection().reason()).isEqualTo(Reason.IDEMPOTENCY_KEY_REUSED);
                assertThat(x.rejection().message()).contains(K1.value()).contains("#1");
            });
        }
        assertThat(store.load(p.id())).isEqualTo(before);
    }

    @Test
    void command_rejectedByARule_leavesItsKeyFreeForTheRetry() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        TradeRequest buy = TradeRequest.of(AAPL, Quantity.of(1)).at(day("2013-01-02"));

        CommandResult noCash = erasmo.buy(p.id(), buy, K1);
        erasmo.deposit(p.id(), usd("1000"), day("2013-01-02")).orElseThrow();
        CommandResult retried = erasmo.buy(p.id(), buy, K1);

        assertThat(noCash).isInstanceOfSatisfying(CommandResult.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Reason.INSUFFICIENT_CASH));
        assertThat(retried).isInstanceOfSatisfying(CommandResult.Booked.class, b -> assertThat(b.replayed()).isFalse());
        assertThat(retried.orElseThrow().key()).isEqualTo(K1);
    }

    @Test
    void key_sameKeyInTwoPortfolios_booksInEach() {
        PortfolioInfo a = erasmo.createPortfolio(ALICE, "a");
        PortfolioInfo b = erasmo.createPortfolio(ALICE, "b");

        erasmo.deposit(a.id(), usd("1"), day("2013-01-02"), K1).orElseThrow();
        CommandResult inB = erasmo.deposit(b.id(), usd("1"), day("2013-01-02"), K1);

        assertThat(inB).isInstanceOfSatisfying(CommandResult.Booked.class, x -> assertThat(x.replayed()).isFalse());
    }

    @Test
    void dividendAndSplit_withKeys_areBookedOnceEach() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        erasmo.deposit(p.id(), usd("1000"), day("2013-01-02")).orElseThrow();
        erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(1)).at(day("2013-01-02"))).orElseThrow();
        IdempotencyKey div = IdempotencyKey.of("div-1");
        IdempotencyKey split = IdempotencyKey.of("split-1");

        erasmo.dividend(p.id(), AAPL, new BigDecimal("2.65"), day("2013-02-07"), div).orElseThrow();
        CommandResult divAgain = erasmo.dividend(p.id(), AAPL, new BigDecimal("2.650"), day("2013-02-07"), div);
        erasmo.split(p.id(), AAPL, 7, 1, day("2014-01-02"), split).orElseThrow();
        CommandResult splitAgain = erasmo.split(p.id(), AAPL, 7, 1, day("2014-01-02"), split);

        assertThat(divAgain).isInstanceOfSatisfying(CommandResult.Booked.class, b -> assertThat(b.replayed()).isTrue());
        assertThat(splitAgain).isInstanceOfSatisfying(CommandResult.Booked.class, b -> assertThat(b.replayed()).isTrue());
        // 1 share x 2.65 once; 1 share split 7-for-1 once
        assertThat(erasmo.portfolio(p.id()).state().dividends().get(USD)).isEqualTo(usd("2.65"));
        assertThat(erasmo.portfolio(p.id()).state().findPosition(AAPL).orElseThrow().quantity()).isEqualTo(Quantity.of(7));
    }

    /*
     * A user's double click reaches eight application instances at once (each its own Erasmo over
     * the same store): one deposit is booked, the seven others return it as replayed.
     */
    @Test
    void deposit_sameKeyFromManyInstancesAtOnce_booksOnce() throws Exception {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        int instances = 8;
        CyclicBarrier together = new CyclicBarrier(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        List<Future<CommandResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                Erasmo instance = Erasmo.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).maxRetries(20).build();
                results.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return instance.deposit(p.id(), usd("25"), day("2013-01-02"), K1);
                }));
            }
            List<CommandResult.Booked> booked = new ArrayList<>();
            for (Future<CommandResult> f : results) {
                booked.add((CommandResult.Booked) f.get(30, TimeUnit.SECONDS));
            }
            assertThat(booked).filteredOn(b -> !b.replayed()).hasSize(1);
            assertThat(booked).extracting(CommandResult.Booked::entry).containsOnly(booked.get(0).entry());
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.load(p.id()).version()).isEqualTo(1);
        assertThat(erasmo.portfolio(p.id()).state().cash(USD)).isEqualTo(usd("25.00"));
    }

    @Test
    void createPortfolio_sameKeyAgain_returnsTheFirst_andAnotherCommandUnderIt_isRejected() {
        List<dev.erasmo.ledger.LedgerEvent> opening = List.of(new dev.erasmo.ledger.Deposit(dev.erasmo.ledger.EventId.random(),
                day("2013-01-02"), usd("500")));
        dev.erasmo.portfolio.Portfolio first = erasmo.createPortfolio(ALICE, "opened", USD, dev.erasmo.portfolio.CostMethod.FIFO,
                opening, K1);

        // sent again later: another event id and time, the same command
        dev.erasmo.portfolio.Portfolio again = erasmo.createPortfolio(ALICE, "opened", USD, dev.erasmo.portfolio.CostMethod.FIFO,
                List.of(new dev.erasmo.ledger.Deposit(dev.erasmo.ledger.EventId.random(), day("2013-01-05"), usd("500"))), K1);

        assertThat(again.info()).isEqualTo(first.info());
        assertThat(again.version()).isEqualTo(1);
        for (Runnable other : List.<Runnable>of(
                () -> erasmo.createPortfolio(ALICE, "opened", USD, dev.erasmo.portfolio.CostMethod.FIFO,
                        List.of(new dev.erasmo.ledger.Deposit(dev.erasmo.ledger.EventId.random(), day("2013-01-02"), usd("700"))), K1),
                () -> erasmo.createPortfolio(ALICE, "opened", Currency.getInstance("EUR"), dev.erasmo.portfolio.CostMethod.FIFO,
                        List.of(new dev.erasmo.ledger.Deposit(dev.erasmo.ledger.EventId.random(), day("2013-01-02"), Money.of("EUR", "500"))), K1),
                () -> erasmo.createPortfolio(ALICE, "opened", USD, dev.erasmo.portfolio.CostMethod.AVERAGE, opening, K1))) {
            assertThatThrownBy(other::run).isInstanceOfSatisfying(dev.erasmo.portfolio.RejectedException.class,
                    r -> assertThat(r.rejection().reason()).isEqualTo(Reason.IDEMPOTENCY_KEY_REUSED));
        }
        // USD 500.00 once
        assertThat(erasmo.portfolio(first.info().id()).state().cash(USD)).isEqualTo(usd("500.00"));
        assertThat(store.load(first.info().id()).version()).isEqualTo(1);
    }

    @Test
    void key_blankTooLongOrWithSpaces_isRefused() {
        assertThatThrownBy(() -> IdempotencyKey.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("tab\there")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("x".repeat(IdempotencyKey.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64");
        assertThat(IdempotencyKey.of("x".repeat(IdempotencyKey.MAX_LENGTH)).value()).hasSize(64);
        // half of a character, which databases store as '?' (so a retry would not find it)
        assertThatThrownBy(() -> IdempotencyKey.of("a\uD800")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> IdempotencyKey.of("\uDC00a")).isInstanceOf(IllegalArgumentException.class);
        assertThat(IdempotencyKey.of("k-\uD83D\uDE00").value()).isEqualTo("k-\uD83D\uDE00");
    }

    /** Counts the requests that reach a quote source. */
    private static final class CountingQuotes implements QuoteSource {
        private final QuoteSource delegate;
        final AtomicInteger requests = new AtomicInteger();

        CountingQuotes(QuoteSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<Symbol, Quote> latest(Collection<Symbol> symbols) {
            requests.incrementAndGet();
            return delegate.latest(symbols);
        }

        @Override
        public PriceHistory history(Symbol symbol, LocalDate from, LocalDate to) {
            requests.incrementAndGet();
            return delegate.history(symbol, from, to);
        }
    }
}
