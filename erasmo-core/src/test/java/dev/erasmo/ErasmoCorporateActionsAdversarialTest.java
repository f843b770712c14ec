package dev.erasmo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Dividend;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.ledger.Split;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.portfolio.Rejection;
import dev.erasmo.quote.Bar;
import dev.erasmo.quote.DividendEvent;
import dev.erasmo.quote.InMemoryQuoteSource;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.Quote;
import dev.erasmo.quote.QuoteSource;
import dev.erasmo.quote.QuoteUnavailableException;
import dev.erasmo.quote.SplitEvent;
import dev.erasmo.store.InMemoryPortfolioStore;
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
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Tries to get a dividend or a split booked twice, or half-booked, by mixing hand booking,
 * automatic booking, back-dated trades, repeated calls, failing sources and racing writers.
 */
class ErasmoCorporateActionsAdversarialTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Owner ALICE = Owner.of("alice");
    private static final Symbol NVDA = Symbol.of("NVDA");
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Instant NOW = Instant.parse("2022-01-03T00:00:00Z");
    private static final LocalDate SPLIT_DAY = LocalDate.parse("2021-07-20");
    private static final LocalDate DIV_DAY = LocalDate.parse("2021-06-09");

    /** NVDA: a dividend of 0.16 on 2021-06-09, a 4:1 split on 2021-07-20; AAPL: a dividend of 0.22 on 2021-08-06. */
    private static final InMemoryQuoteSource QUOTES = InMemoryQuoteSource.builder()
            .history(new PriceHistory(NVDA, USD, List.of(close("2021-06-01", "650.00"), close("2021-07-15", "758.65"),
                    close("2021-07-19", "751.19"), close("2021-07-20", "186.12"), close("2021-08-02", "197.99")),
                    List.of(new DividendEvent(DIV_DAY, new BigDecimal("0.16"))), List.of(new SplitEvent(SPLIT_DAY, 4, 1))))
            .history(new PriceHistory(AAPL, USD, List.of(close("2021-06-01", "124.28"), close("2021-08-06", "146.14")),
                    List.of(new DividendEvent(LocalDate.parse("2021-08-06"), new BigDecimal("0.22"))), List.of()))
            .build();

    private final InMemoryPortfolioStore store = new InMemoryPortfolioStore();

    private Erasmo erasmo(QuoteSource quotes) {
        return Erasmo.builder().store(store).quotes(quotes).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private final Erasmo erasmo = erasmo(QUOTES);

    private PortfolioId portfolio() {
        PortfolioInfo p = erasmo.createPortfolio(ALICE, "p");
        erasmo.deposit(p.id(), Money.of("USD", "100000"), day("2021-01-04")).orElseThrow();
        return p.id();
    }

    @Test
    void bookingARawDividendOnADateThatHasOne_isRefusedWhateverItsTimeOfDay() {
        PortfolioId id = portfolio();
        erasmo.buy(id, TradeRequest.of(NVDA, Quantity.of(10)).at(day("2021-06-01"))).orElseThrow();
        assertThat(erasmo.bookCorporateActions(id, LocalDate.parse("2021-12-31"))).hasSize(2);

        CommandResult dividend = erasmo.book(id, new Dividend(EventId.random(), Instant.parse("2021-06-09T15:00:00Z"),
                new Instrument(NVDA, USD), Price.of("USD", "0.16")));
        CommandResult split = erasmo.book(id, new Split(EventId.random(), Instant.parse("2021-07-20T09:30:00Z"), NVDA, 4, 1));

        assertThat(reason(dividend)).isEqualTo(Rejection.Reason.ALREADY_BOOKED);
        assertThat(reason(split)).isEqualTo(Rejection.Reason.ALREADY_BOOKED);
        assertOnce(id);
    }

    @Test
    void aDividendBookedByAnotherWriterWhileTheSourceIsAsked_isNotBookedAgain() {
        PortfolioId id = portfolio();
        erasmo.buy(id, TradeRequest.of(NVDA, Quantity.of(10)).at(day("2021-06-01"))).orElseThrow();
        // another process (another instance on the same store) books the dividend and split by hand
        // while this one is reading the quote source
        Erasmo other = erasmo(QUOTES);
        Erasmo racing = erasmo(new Asking(QUOTES, s -> {
            other.dividend(id, NVDA, new BigDecimal("0.16"), day("2021-06-09"));
            other.split(id, NVDA, 4, 1, day("2021-07-20"));
        }));

        List<CommandResult> results = racing.bookCorporateActions(id, LocalDate.parse("2021-12-31"));

        assertOnce(id);
        // what the other writer booked first is not reported as a rejection either
        assertThat(results).isEmpty();
    }

    @Test
    void aSourceFailingForTheSecondSymbol_booksNothingForTheFirst() {
        PortfolioId id = portfolio();
        erasmo.buy(id, TradeRequest.of(NVDA, Quantity.of(10)).at(day("2021-06-01"))).orElseThrow();
        erasmo.buy(id, TradeRequest.of(AAPL, Quantity.of(10)).at(day("2021-06-01"))).orElseThrow();
        String before = ledger(id);
        for (Symbol failing : List.of(NVDA, AAPL)) {
            Erasmo e = erasmo(new Asking(QUOTES, s -> {
                if (s.equals(failing)) {
                    throw new QuoteUnavailableException(failing + " down", true, null, null);
                }
            }));
            assertThatThrownBy(() -> e.bookCorporateActions(id, LocalDate.parse("2021-12-31"))).isInstanceOf(QuoteUnavailableException.class);
            assertThat(ledger(id)).isEqualTo(before);
        }
        assertThat(erasmo.bookCorporateActions(id, LocalDate.parse("2021-12-31"))).hasSize(3);
        assertOnce(id);
    }

    @Test
    void everyOrderOfHandAutoAndBackDatedBooking_booksEachOnce() {
        List<String> steps = List.of("auto", "handDividend", "handSplit", "backDatedBuy", "auto");
        for (List<String> order : permutations(steps)) {
            InMemoryPortfolioStore s = new InMemoryPortfolioStore();
            Erasmo e = Erasmo.builder().store(s).quotes(QUOTES).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
            PortfolioId id = e.createPortfolio(ALICE, "p").id();
            e.deposit(id, Money.of("USD", "100000"), day("2021-01-04")).orElseThrow();
            e.buy(id, TradeRequest.of(NVDA, Quantity.of(10)).at(day("2021-06-01"))).orElseThrow();
            for (String step : order) {
                switch (step) {
                    case "auto" -> e.bookCorporateActions(id, LocalDate.parse("2021-12-31"));
                    case "handDividend" -> e.dividend(id, NVDA, new BigDecimal("0.16"), Instant.parse("2021-06-09T20:00:00Z"));
                    case "handSplit" -> e.split(id, NVDA, 4, 1, Instant.parse("2021-07-20T13:00:00Z"));
                    default -> e.buy(id, TradeRequest.of(NVDA, Quantity.of(5)).at(day("2021-07-15"))).orElseThrow();
                }
            }
            e.bookCorporateActions(id, LocalDate.parse("2021-12-31"));
            List<LedgerEntry> entries = e.portfolio(id).entries();
            assertThat(entries.stream().filter(x -> x.event() instanceof Dividend).count()).as("dividends after %s", order).isEqualTo(1);
            assertThat(entries.stream().filter(x -> x.event() instanceof Split).count()).as("splits after %s", order).isEqualTo(1);
            // 10 held through the split, 5 bought before it: 15 x 4 = 60 whatever the order
            assertThat(e.portfolio(id).state().findPosition(NVDA).orElseThrow().quantity()).as("after %s", order).isEqualTo(Quantity.of(60));
            // the dividend of 0.16 is on the 10 held on 2021-06-09: 1.60
            assertThat(e.portfolio(id).state().dividends().get(USD)).as("after %s", order).isEqualTo(Money.of("USD", "1.60"));
        }
    }

    @Test
    void dividendsRoundHalfEvenAtBooking() {
        Symbol x = Symbol.of("X");
        InMemoryQuoteSource q = InMemoryQuoteSource.builder()
                .history(new PriceHistory(x, USD, List.of(close("2021-06-01", "1.00")),
                        List.of(new DividendEvent(LocalDate.parse("2021-06-02"), new BigDecimal("0.005")),
                                new DividendEvent(LocalDate.parse("2021-06-03"), new BigDecimal("0.005"))), List.of()))
                .build();
        Erasmo e = erasmo(q);
        PortfolioId id = portfolio();
        e.buy(id, TradeRequest.of(x, Quantity.of(3)).at(day("2021-06-01"))).orElseThrow();
        e.bookCorporateActions(id, LocalDate.parse("2021-06-02")); // 3 x 0.005 = 0.015 -> 0.02
        e.buy(id, TradeRequest.of(x, Quantity.of(2)).at(day("2021-06-02"))).orElseThrow();
        e.bookCorporateActions(id, LocalDate.parse("2021-06-03")); // 5 x 0.005 = 0.025 -> 0.02
        assertThat(e.portfolio(id).state().dividends().get(USD)).isEqualTo(Money.of("USD", "0.04"));
    }

    // ---------------------------------------------------------------- helpers

    private void assertOnce(PortfolioId id) {
        List<LedgerEntry> entries = erasmo.portfolio(id).entries();
        assertThat(entries.stream().filter(x -> x.event() instanceof Dividend d && d.instrument().symbol().equals(NVDA)).count())
                .as("NVDA dividends in %s", entries).isEqualTo(1);
        assertThat(entries.stream().filter(x -> x.event() instanceof Split).count()).as("splits in %s", entries).isEqualTo(1);
    }

    private String ledger(PortfolioId id) {
        return erasmo.portfolio(id).entries().toString();
    }

    private static Rejection.Reason reason(CommandResult r) {
        assertThat(r).isInstanceOf(CommandResult.Rejected.class);
        return ((CommandResult.Rejected) r).rejection().reason();
    }

    private static Bar close(String date, String close) {
        return new Bar(LocalDate.parse(date), null, null, null, new BigDecimal(close), null, null);
    }

    private static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static List<List<String>> permutations(List<String> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<String>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<String> rest = new ArrayList<>(items);
            String first = rest.remove(i);
            for (List<String> p : permutations(rest)) {
                List<String> one = new ArrayList<>();
                one.add(first);
                one.addAll(p);
                if (!all.contains(one)) {
                    all.add(one);
                }
            }
        }
        return all;
    }

    /** A source that runs something each time a history is asked, then answers from another source. */
    private static final class Asking implements QuoteSource {
        private final QuoteSource data;
        private final Consumer<Symbol> onHistory;

        Asking(QuoteSource data, Consumer<Symbol> onHistory) {
            this.data = data;
            this.onHistory = onHistory;
        }

        @Override
        public Map<Symbol, Quote> latest(Collection<Symbol> symbols) {
            return data.latest(symbols);
        }

        @Override
        public PriceHistory history(Symbol symbol, LocalDate from, LocalDate to) {
            onHistory.accept(symbol);
            return data.history(symbol, from, to);
        }
    }
}
