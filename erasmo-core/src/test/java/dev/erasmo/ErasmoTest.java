package dev.erasmo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.Dividend;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.ledger.Sell;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.CostMethod;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.portfolio.Rejection.Reason;
import dev.erasmo.quote.Bar;
import dev.erasmo.quote.InMemoryQuoteSource;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.QuoteNotFoundException;
import dev.erasmo.store.DuplicatePortfolioException;
import dev.erasmo.store.ForwardingPortfolioStore;
import dev.erasmo.store.InMemoryPortfolioStore;
import dev.erasmo.store.PortfolioStore;
import dev.erasmo.store.StaleVersionException;
import dev.erasmo.store.StoredPortfolio;
import dev.erasmo.valuation.Valuation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ErasmoTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Owner ALICE = Owner.of("alice");
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Instant NOW = Instant.parse("2014-01-06T12:00:00Z");

    private static Bar close(String date, String close) {
        return new Bar(LocalDate.parse(date), null, null, null, new BigDecimal(close), null, null);
    }

    // real AAPL closes (ta4j-examples 0.15 data): 2013-01-02 549.03, 2013-01-03 542.10, 2013-12-31 561.02
    private static final InMemoryQuoteSource QUOTES = InMemoryQuoteSource.builder()
            .history(new PriceHistory(AAPL, USD, List.of(close("2013-01-02", "549.03"), close("2013-01-03", "542.10"),
                    close("2013-12-31", "561.02")), List.of(), List.of()))
            .build();

    private final InMemoryPortfolioStore store = new InMemoryPortfolioStore();
    private final Erasmo erasmo = Erasmo.builder().store(store).quotes(QUOTES).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    private static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Money usd(String amount) {
        return Money.of("USD", amount);
    }

    @Test
    void buy_withoutPrice_fillsAtTheCloseAsOfItsDate() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        erasmo.deposit(p.id(), usd("10000"), day("2013-01-02"));
        CommandResult r = erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(10)).at(day("2013-01-03")).fee(new BigDecimal("1")));
        assertThat(r.isBooked()).isTrue();
        Buy buy = (Buy) r.orElseThrow().event();
        assertThat(buy.price()).isEqualTo(Price.of("USD", "542.10"));
        assertThat(buy.at()).isEqualTo(day("2013-01-03"));
        // 10 x 542.10 + 1.00 = 5,422.00; cash 10,000 - 5,422 = 4,578.00
        assertThat(erasmo.portfolio(p.id()).state().cash(USD)).isEqualTo(usd("4578.00"));
    }

    @Test
    void buy_withoutPriceOrDate_fillsAtTheLatestQuoteNow() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        erasmo.deposit(p.id(), usd("1000"));
        Buy buy = (Buy) erasmo.buy(p.id(), AAPL, Quantity.of(1)).orElseThrow().event();
        assertThat(buy.price()).isEqualTo(Price.of("USD", "561.02"));
        assertThat(buy.at()).isEqualTo(NOW);
    }

    @Test
    void buy_withPrice_usesTheSourcesCurrencyAndThePrice() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        erasmo.deposit(p.id(), usd("1000"), day("2013-01-02"));
        Buy buy = (Buy) erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(1)).at(day("2013-01-02")).price(new BigDecimal("500")))
                .orElseThrow().event();
        assertThat(buy.price()).isEqualTo(Price.of("USD", "500"));
    }

    @Test
    void buy_unknownSymbol_throwsNotFoundAndWritesNothing() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        erasmo.deposit(p.id(), usd("1000"));
        StoredPortfolio before = store.load(p.id());
        assertThatThrownBy(() -> erasmo.buy(p.id(), Symbol.of("NOPE"), Quantity.of(1))).isInstanceOf(QuoteNotFoundException.class)
                .hasMessageContaining("NOPE");
        assertThat(store.load(p.id())).isEqualTo(before);
    }

    @Test
    void command_rejected_returnsTheReasonAndLeavesTheStoreUnchanged() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        erasmo.deposit(p.id(), usd("1000"), day("2013-01-02"));
        erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(1)).at(day("2013-01-02")));
        StoredPortfolio before = store.load(p.id());

        CommandResult tooMuch = erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(1)).at(day("2013-01-03")));
        assertThat(tooMuch).isInstanceOfSatisfying(CommandResult.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Reason.INSUFFICIENT_CASH));
        assertThat(erasmo.sell(p.id(), TradeRequest.of(AAPL, Quantity.of(2)).at(day("2013-01-03"))).isBooked()).isFalse();
        assertThat(erasmo.withdraw(p.id(), usd("451"), day("2013-01-03")).isBooked()).isFalse();
        assertThat(erasmo.dividend(p.id(), Symbol.of("MSFT"), BigDecimal.ONE, day("2013-01-03")).isBooked()).isFalse();
        assertThat(erasmo.split(p.id(), Symbol.of("MSFT"), 2, 1, day("2013-01-03")).isBooked()).isFalse();
        // a back-dated withdrawal that would starve the 2013-01-02 buy
        assertThat(erasmo.withdraw(p.id(), usd("500"), day("2013-01-01")).isBooked()).isFalse();

        assertThat(store.load(p.id())).isEqualTo(before);
        assertThatThrownBy(tooMuch::orElseThrow).hasMessageContaining("needs USD 542.10 but only USD 450.97");
    }

    @Test
    void createPortfolio_sameNameTwice_isRefused() {
        erasmo.createPortfolio(ALICE, "tech");
        assertThatThrownBy(() -> erasmo.createPortfolio(ALICE, "tech")).isInstanceOf(DuplicatePortfolioException.class);
        // another owner may use the name
        erasmo.createPortfolio(Owner.of("bob"), "tech");
        assertThat(erasmo.portfolios(ALICE)).extracting(PortfolioInfo::name).containsExactly("tech");
    }

    @Test
    void deletePortfolio_removesIt() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech", USD, CostMethod.AVERAGE);
        assertThat(erasmo.findPortfolio(ALICE, "tech")).contains(p);
        erasmo.deletePortfolio(p.id());
        assertThat(erasmo.findPortfolio(ALICE, "tech")).isEmpty();
    }

    /*
     * Valuation at the latest quote: 1,000 deposited, 1 AAPL at 549.03; cash 450.97; AAPL at 561.02
     * (2013-12-31): equity 1,011.99. As of 2013-01-03: AAPL at 542.10, equity 993.07.
     */
    @Test
    void valuation_latestAndAsOfADate() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        erasmo.deposit(p.id(), usd("1000"), day("2013-01-02"));
        erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(1)).at(day("2013-01-02")));
        Valuation now = erasmo.valuation(p.id());
        assertThat(now.equity()).isEqualTo(usd("1011.99"));
        assertThat(now.positions().get(0).price().date()).isEqualTo(LocalDate.parse("2013-12-31"));
        Valuation then = erasmo.valuation(p.id(), LocalDate.parse("2013-01-03"));
        assertThat(then.equity()).isEqualTo(usd("993.07"));
        // before the buy: cash only
        Valuation before = erasmo.valuation(p.id(), LocalDate.parse("2013-01-01"));
        assertThat(before.equity()).isEqualTo(usd("0.00"));
        assertThat(before.positions()).isEmpty();
    }

    @Test
    void valuation_asOfADateWithoutPrice_isIncomplete() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        erasmo.deposit(p.id(), usd("1000"), day("2013-01-02"));
        erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(1)).at(day("2013-01-02")));
        // no AAPL close within 14 days before 2013-06-01 in this source
        Valuation v = erasmo.valuation(p.id(), LocalDate.parse("2013-06-01"));
        assertThat(v.isComplete()).isFalse();
        assertThat(v.missing()).containsExactly("AAPL: no price");
    }

    @Test
    void book_lostRace_isRevalidatedAndRetried() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        AtomicInteger appends = new AtomicInteger();
        // a store where another writer slips a deposit in before our first append
        PortfolioStore racy = new ForwardingPortfolioStore(store) {
            @Override
            public long append(PortfolioId id, long expectedVersion, List<LedgerEntry> entries) {
                if (appends.getAndIncrement() == 0) {
                    store.append(id, expectedVersion, List.of(new LedgerEntry(expectedVersion + 1,
                            new Deposit(EventId.of("other-writer"), day("2013-01-01"), usd("5")))));
                }
                return super.append(id, expectedVersion, entries);
            }
        };
        Erasmo e = Erasmo.builder().store(racy).quotes(QUOTES).build();
        assertThat(e.deposit(p.id(), usd("10"), day("2013-01-02")).isBooked()).isTrue();
        assertThat(appends.get()).isEqualTo(2);
        assertThat(e.portfolio(p.id()).state().cash(USD)).isEqualTo(usd("15.00"));
    }

    @Test
    void book_lostEveryRace_throwsStaleVersion() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        PortfolioStore alwaysStale = new ForwardingPortfolioStore(store) {
            @Override
            public long append(PortfolioId id, long expectedVersion, List<LedgerEntry> entries) {
                throw new StaleVersionException("portfolio " + id + " expected version " + expectedVersion + " but found more");
            }
        };
        Erasmo e = Erasmo.builder().store(alwaysStale).quotes(QUOTES).maxRetries(2).build();
        assertThatThrownBy(() -> e.deposit(p.id(), usd("10"))).isInstanceOf(StaleVersionException.class);
        assertThat(store.load(p.id()).version()).isZero();
    }

    @Test
    void bookAll_manyEvents_oneAppendAllOrNone() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "backtest");
        List<List<LedgerEntry>> appends = new ArrayList<>();
        PortfolioStore recording = new ForwardingPortfolioStore(store) {
            @Override
            public long append(PortfolioId id, long expectedVersion, List<LedgerEntry> entries) {
                appends.add(List.copyOf(entries));
                return super.append(id, expectedVersion, entries);
            }
        };
        Erasmo e = Erasmo.builder().store(recording).quotes(QUOTES).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        Instrument aapl = new Instrument(AAPL, USD);
        // a backtest's fills: 1,000 deposited, then 250 round trips of 1 AAPL bought at 100 and sold at 101 (fee 0.25 each way)
        List<LedgerEvent> fills = new ArrayList<>();
        fills.add(new Deposit(EventId.random(), day("2013-01-02"), usd("1000")));
        for (int i = 0; i < 250; i++) {
            Instant t = day("2013-01-02").plusSeconds(60L * (i + 1));
            fills.add(new Buy(EventId.random(), t, aapl, Quantity.of(1), Price.of("USD", "100"), usd("0.25")));
            fills.add(new Sell(EventId.random(), t.plusSeconds(30), aapl, Quantity.of(1), Price.of("USD", "101"), usd("0.25")));
        }
        CommandResult r = e.bookAll(p.id(), fills);

        assertThat(r.isBooked()).isTrue();
        assertThat(appends).hasSize(1);
        assertThat(appends.get(0)).extracting(LedgerEntry::event).containsExactlyElementsOf(fills);
        assertThat(store.load(p.id()).version()).isEqualTo(501);
        assertThat(r.orElseThrow().sequence()).isEqualTo(501);
        // each round trip: 101 - 0.25 - (100 + 0.25) = +0.50; 250 of them: 1,000 + 125.00
        assertThat(e.portfolio(p.id()).state().cash(USD)).isEqualTo(usd("1125.00"));

        // one event that breaks a rule (selling 2 where none is held) and nothing of the list is written
        List<LedgerEvent> bad = List.of(new Deposit(EventId.random(), day("2013-01-03"), usd("5")),
                new Sell(EventId.random(), day("2013-01-03"), aapl, Quantity.of(2), Price.of("USD", "100"), usd("0")),
                new Deposit(EventId.random(), day("2013-01-03"), usd("7")));
        CommandResult rejected = e.bookAll(p.id(), bad);
        assertThat(rejected).isInstanceOfSatisfying(CommandResult.Rejected.class, x -> {
            assertThat(x.rejection().reason()).isEqualTo(Reason.INSUFFICIENT_QUANTITY);
            assertThat(x.rejection().message()).startsWith("event 2 of 3 (").endsWith("; none of the 3 was booked");
        });
        assertThat(appends).hasSize(1);
        assertThat(store.load(p.id()).version()).isEqualTo(501);

        // a dividend booked twice on one date within the list is refused as a single one would be
        List<LedgerEvent> twice = List.of(new Buy(EventId.random(), day("2013-01-03"), aapl, Quantity.of(1), Price.of("USD", "100"), usd("0")),
                new Dividend(EventId.random(), day("2013-01-04"), aapl, Price.of("USD", "1")),
                new Dividend(EventId.random(), day("2013-01-04").plusSeconds(60), aapl, Price.of("USD", "1")));
        assertThat(((CommandResult.Rejected) e.bookAll(p.id(), twice)).rejection().reason()).isEqualTo(Reason.ALREADY_BOOKED);
        assertThatThrownBy(() -> e.bookAll(p.id(), List.of())).isInstanceOf(IllegalArgumentException.class);
        // a null, an id twice in the list, or a date after now: refused before any rule is checked, naming the event's place
        Deposit five = new Deposit(EventId.random(), day("2013-01-03"), usd("5"));
        assertThatThrownBy(() -> e.bookAll(p.id(), java.util.Arrays.asList(five, null))).isInstanceOf(NullPointerException.class)
                .hasMessage("event 2 of 2 is null");
        assertThatThrownBy(() -> e.bookAll(p.id(), List.of(five, new Deposit(five.id(), day("2013-01-04"), usd("6")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("event 2 of 2 has the id " + five.id() + " of an event before it in the list");
        assertThatThrownBy(() -> e.bookAll(p.id(), List.of(bad.get(1), new Deposit(EventId.random(), NOW.plusSeconds(1), usd("1")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after now");
        assertThatThrownBy(() -> e.bookAll(p.id(), List.of(new Deposit(EventId.random(), NOW.plusSeconds(1), usd("1")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after now");
        assertThat(store.load(p.id()).version()).isEqualTo(501);
    }

    @Test
    void buy_withoutQuoteSource_saysHowToConfigureOne() {
        Erasmo bare = Erasmo.builder().build();
        PortfolioInfo p = bare.createPortfolio(ALICE, "x");
        assertThatThrownBy(() -> bare.buy(p.id(), AAPL, Quantity.of(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Erasmo.builder().quotes");
    }

    @Test
    void book_eventAfterNow_isRefused() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        assertThatThrownBy(() -> erasmo.deposit(p.id(), usd("10"), NOW.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after now");
        assertThat(store.load(p.id()).version()).isZero();
    }

    @Test
    void valuation_cashOnlyWithoutQuoteSource_works() {
        Erasmo bare = Erasmo.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        PortfolioInfo p = bare.createPortfolio(ALICE, "cash");
        bare.deposit(p.id(), usd("10"));
        assertThat(bare.valuation(p.id()).equity()).isEqualTo(usd("10.00"));
    }

    /*
     * A dividend booked through the entry point after a buy on the ex-date itself: the dividend
     * is paid on the 1 share held before that day (1 x 2.65 = 2.65), not on the 2 held after it.
     */
    @Test
    void dividend_bookedAfterABuyOnTheExDate_isPaidOnTheSharesHeldBefore() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "tech");
        erasmo.deposit(p.id(), usd("10000"), day("2013-01-02"));
        erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(1)).at(day("2013-01-02"))).orElseThrow();
        erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(1)).at(day("2013-02-07")).price(new BigDecimal("468.22"))).orElseThrow();
        erasmo.dividend(p.id(), AAPL, new BigDecimal("2.65"), day("2013-02-07")).orElseThrow();
        assertThat(erasmo.portfolio(p.id()).state().dividends().get(USD)).isEqualTo(usd("2.65"));
        Reconciliations.verifyEveryPeriod(erasmo, p.id());
    }

    /*
     * 8 threads x 25 deposits of 1.00 into one portfolio through one instance: every one is booked
     * (writers take turns, none loses a race), the ledger has 200 entries and the cash is 200.00.
     */
    @Test
    void book_manyThreadsOnePortfolio_allBooked() throws Exception {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "busy");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<CommandResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> erasmo.deposit(p.id(), usd("1"), day("2013-01-02"))));
            }
            for (java.util.concurrent.Future<CommandResult> r : results) {
                assertThat(r.get(30, java.util.concurrent.TimeUnit.SECONDS).isBooked()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.load(p.id()).version()).isEqualTo(200);
        assertThat(erasmo.portfolio(p.id()).state().cash(USD)).isEqualTo(usd("200.00"));
    }

    /*
     * NVIDIA's real 2021 actions (a 0.16 dividend, ex-date 2021-06-09; a 4-for-1 split on
     * 2021-07-20), as a quote source reports them. 10 shares held before both, 4 more bought on
     * the split date at the post-split close 186.12. Booked: dividend 10 x 0.16 = 1.60 (the 4
     * bought later get none), split 10 -> 40, plus the 4 bought that day: 44 shares; the 4-share
     * lot keeps its cost 744.48 and the split lot keeps 7,000.00.
     */
    @Test
    void bookCorporateActions_booksWhatWasHeldOnceAndOnlyOnce() {
        Symbol nvda = Symbol.of("NVDA");
        InMemoryQuoteSource source = InMemoryQuoteSource.builder()
                .history(new PriceHistory(nvda, USD, List.of(close("2021-06-08", "700.00"), close("2021-07-19", "751.19"),
                        close("2021-07-20", "186.12")), List.of(new dev.erasmo.quote.DividendEvent(LocalDate.parse("2021-06-09"),
                        new BigDecimal("0.16"))), List.of(new dev.erasmo.quote.SplitEvent(LocalDate.parse("2021-07-20"), 4, 1))))
                .build();
        Erasmo e = Erasmo.builder().quotes(source).clock(Clock.fixed(Instant.parse("2022-01-03T00:00:00Z"), ZoneOffset.UTC)).build();
        PortfolioInfo p = e.createPortfolio(ALICE, "gpu");
        e.deposit(p.id(), usd("10000"), day("2021-06-01"));
        e.buy(p.id(), TradeRequest.of(nvda, Quantity.of(10)).at(day("2021-06-08"))).orElseThrow();
        e.buy(p.id(), TradeRequest.of(nvda, Quantity.of(4)).at(day("2021-07-20"))).orElseThrow();

        List<CommandResult> booked = e.bookCorporateActions(p.id(), LocalDate.parse("2021-12-31"));
        assertThat(booked).hasSize(2).allMatch(CommandResult::isBooked);
        dev.erasmo.portfolio.PortfolioState s = e.portfolio(p.id()).state();
        assertThat(s.dividends().get(USD)).isEqualTo(usd("1.60"));
        assertThat(s.findPosition(nvda).orElseThrow().quantity()).isEqualTo(Quantity.of(44));
        assertThat(s.findPosition(nvda).orElseThrow().cost()).isEqualTo(usd("7744.48"));

        assertThat(e.bookCorporateActions(p.id(), LocalDate.parse("2021-12-31"))).isEmpty();
        assertThat(e.portfolio(p.id()).version()).isEqualTo(5);
        Reconciliations.verifyEveryPeriod(e, p.id());
    }

    /*
     * A live quote during the session fills a buy at the ask and a sell at the bid: 10 bought at
     * the ask 100.10 cost 1001.00; 4 sold at the bid 99.90 bring 399.60. When the market is
     * closed, the same quote fills both at its last price 100.00 (a closed market's spread is stale).
     */
    @Test
    void buyAndSell_atALiveQuote_fillAtTheAskAndTheBidOnlyWhileTheMarketIsOpen() {
        Symbol x = Symbol.of("X");
        Price last = new Price(USD, new BigDecimal("100.00"));
        Price bid = new Price(USD, new BigDecimal("99.90"));
        Price ask = new Price(USD, new BigDecimal("100.10"));
        for (dev.erasmo.quote.MarketState state : dev.erasmo.quote.MarketState.values()) {
            InMemoryQuoteSource source = InMemoryQuoteSource.builder()
                    .quote(new dev.erasmo.quote.Quote(x, last, LocalDate.parse("2014-01-06"), NOW, bid, ask, state)).build();
            Erasmo e = Erasmo.builder().quotes(source).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
            PortfolioInfo p = e.createPortfolio(ALICE, "live");
            e.deposit(p.id(), usd("2000"), day("2014-01-02"));
            boolean open = state == dev.erasmo.quote.MarketState.REGULAR;
            e.buy(p.id(), x, Quantity.of(10)).orElseThrow();
            e.sell(p.id(), x, Quantity.of(4)).orElseThrow();
            // open: 2000 - 1001.00 + 399.60; otherwise 2000 - 1000.00 + 400.00
            assertThat(e.portfolio(p.id()).state().cash().get(USD)).as(state.name()).isEqualTo(usd(open ? "1398.60" : "1400.00"));
        }
    }

    @Test
    void dividendAndSplit_bookedTwiceOnOneDate_areRefusedNamingTheFirst() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "twice");
        erasmo.deposit(p.id(), usd("10000"), day("2013-01-02"));
        erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(10)).at(day("2013-01-02"))).orElseThrow();
        erasmo.dividend(p.id(), AAPL, new BigDecimal("2.65"), day("2013-02-07")).orElseThrow();
        erasmo.split(p.id(), AAPL, 2, 1, day("2013-02-08")).orElseThrow();

        CommandResult dividend = erasmo.dividend(p.id(), AAPL, new BigDecimal("2.65"), Instant.parse("2013-02-07T15:00:00Z"));
        CommandResult split = erasmo.split(p.id(), AAPL, 2, 1, day("2013-02-08"));

        assertThat(((CommandResult.Rejected) dividend).rejection().reason()).isEqualTo(dev.erasmo.portfolio.Rejection.Reason.ALREADY_BOOKED);
        assertThat(((CommandResult.Rejected) dividend).rejection().message()).startsWith("a dividend of AAPL on 2013-02-07 is already booked (#3: ");
        assertThat(((CommandResult.Rejected) split).rejection().reason()).isEqualTo(dev.erasmo.portfolio.Rejection.Reason.ALREADY_BOOKED);
        // 10 x 2.65 once; 20 shares after one split
        assertThat(erasmo.portfolio(p.id()).state().dividends().get(USD)).isEqualTo(usd("26.50"));
        assertThat(erasmo.portfolio(p.id()).state().findPosition(AAPL).orElseThrow().quantity()).isEqualTo(Quantity.of(20));
        Reconciliations.verifyEveryPeriod(erasmo, p.id());
    }

    @Test
    void bookCorporateActions_alreadyBookedByHandOrNotYetDue_booksNothing() {
        Symbol nvda = Symbol.of("NVDA");
        InMemoryQuoteSource source = InMemoryQuoteSource.builder()
                .history(new PriceHistory(nvda, USD, List.of(close("2021-07-19", "751.19"), close("2021-07-20", "186.12")), List.of(),
                        List.of(new dev.erasmo.quote.SplitEvent(LocalDate.parse("2021-07-20"), 4, 1))))
                .build();
        Erasmo e = Erasmo.builder().quotes(source).clock(Clock.fixed(Instant.parse("2022-01-03T00:00:00Z"), ZoneOffset.UTC)).build();
        PortfolioInfo p = e.createPortfolio(ALICE, "gpu");
        e.deposit(p.id(), usd("10000"), day("2021-06-01"));
        e.buy(p.id(), TradeRequest.of(nvda, Quantity.of(1)).at(day("2021-07-19"))).orElseThrow();
        // before the split date: nothing due yet
        assertThat(e.bookCorporateActions(p.id(), LocalDate.parse("2021-07-19"))).isEmpty();
        // booked by hand (another id): not booked again
        e.split(p.id(), nvda, 4, 1, day("2021-07-20")).orElseThrow();
        assertThat(e.bookCorporateActions(p.id(), LocalDate.parse("2021-12-31"))).isEmpty();
        assertThat(e.portfolio(p.id()).state().findPosition(nvda).orElseThrow().quantity()).isEqualTo(Quantity.of(4));
    }

    /*
     * A dividend and a split booked with a time of day take effect at the start of their date:
     * 10 X held, 5 bought on 2013-01-03 at 10:00, a dividend of 1.00 "at 23:00" that day is paid
     * on the 10 held before the day's trades (10.00), and a 2-for-1 split "at 23:00" the next day
     * doubles only what was held before that day: 15 -> 30 (nothing was traded on 2013-01-04).
     */
    @Test
    void dividendAndSplit_withATimeOfDay_takeEffectAtTheStartOfTheirDate() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "t");
        erasmo.deposit(p.id(), usd("10000"), day("2013-01-02"));
        erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(10)).at(day("2013-01-02"))).orElseThrow();
        erasmo.buy(p.id(), TradeRequest.of(AAPL, Quantity.of(5)).at(Instant.parse("2013-01-03T10:00:00Z"))).orElseThrow();
        erasmo.dividend(p.id(), AAPL, BigDecimal.ONE, Instant.parse("2013-01-03T23:00:00Z")).orElseThrow();
        assertThat(erasmo.portfolio(p.id()).state().dividends().get(USD)).isEqualTo(usd("10.00"));
        LedgerEntry split = erasmo.split(p.id(), AAPL, 2, 1, Instant.parse("2013-01-04T23:00:00Z")).orElseThrow();
        assertThat(split.event().at()).isEqualTo(day("2013-01-04"));
        assertThat(erasmo.portfolio(p.id()).state().findPosition(AAPL).orElseThrow().quantity()).isEqualTo(Quantity.of(30));
        Reconciliations.verifyEveryPeriod(erasmo, p.id());
    }
}
