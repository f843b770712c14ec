package dev.erasmo.portfolio;

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
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ledgers longer than the spacing of the kept checkpoints, with events back-dated into them, and
 * portfolios that share their lists with the next version: every state equals the reference, a
 * portfolio built by appending the same events one by one in effective order (each at the end,
 * so no checkpoint and no refold is involved).
 */
class PortfolioLongLedgerTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant T0 = Instant.parse("2010-01-04T00:00:00Z");
    private static final List<Instrument> SYMBOLS = List.of(Instrument.of(Symbol.of("A"), USD), Instrument.of(Symbol.of("B"), USD),
            Instrument.of(Symbol.of("C"), USD));

    private static PortfolioInfo info(CostMethod method) {
        return new PortfolioInfo(PortfolioId.of("p-1"), Owner.of("alice"), "long", USD, method, T0);
    }

    /** The reference: the events appended one by one in effective order. */
    private static Portfolio reference(PortfolioInfo info, List<LedgerEntry> entries) {
        List<LedgerEntry> ordered = new ArrayList<>(entries);
        ordered.sort(LedgerEntry.EFFECTIVE_ORDER);
        Portfolio p = Portfolio.create(info);
        for (LedgerEntry e : ordered) {
            p = p.append(e.event(), e.key());
        }
        return p;
    }

    /** A random event at a time: cash in or out, a trade, a dividend, a split, a fee. */
    private static LedgerEvent randomEvent(Random r, int n, Instant at) {
        EventId id = EventId.of("e-" + n);
        Instrument x = SYMBOLS.get(r.nextInt(SYMBOLS.size()));
        Price price = Price.of("USD", (10 + r.nextInt(90)) + "." + r.nextInt(100));
        Quantity qty = Quantity.parse((1 + r.nextInt(5)) + "." + r.nextInt(10));
        return switch (r.nextInt(10)) {
            case 0, 1 -> new Deposit(id, at, Money.of("USD", String.valueOf(100 + r.nextInt(1000))));
            case 2 -> new Withdrawal(id, at, Money.of("USD", String.valueOf(1 + r.nextInt(200))));
            case 3, 4, 5 -> new Buy(id, at, x, qty, price, Money.of("USD", "0." + r.nextInt(100)));
            case 6, 7 -> new Sell(id, at, x, qty, price, Money.of("USD", "0." + r.nextInt(100)));
            case 8 -> new Dividend(id, at, x, Price.of("USD", "0." + (1 + r.nextInt(99))));
            default -> r.nextInt(4) == 0 ? new Split(id, at, x.symbol(), 3, 2) : new Fee(id, at, Money.of("USD", "1.25"), "fee");
        };
    }

    /*
     * 2,000 attempts on FIFO and on average cost: four in five dated after everything, one in five
     * back-dated by up to the whole ledger. Each is booked exactly when the reference accepts the
     * ledger with it; after each booking the state equals the reference's, and at the end so do
     * the states at 50 random times and before and after 50 random entries.
     */
    @Test
    void append_longLedgerWithBackDatedEvents_equalsTheReference() {
        for (CostMethod method : CostMethod.values()) {
            Random r = new Random(20261204L + method.ordinal());
            PortfolioInfo info = info(method);
            Portfolio p = Portfolio.create(info).append(new Deposit(EventId.of("seed"), T0, Money.of("USD", "100000")));
            // the reference of p's ledger, kept alongside: appended to at the end, rebuilt after a back-dated event
            Portfolio ref = p;
            long latest = 0;
            int booked = 0;
            int backDated = 0;
            for (int n = 0; n < 2_000; n++) {
                boolean back = r.nextInt(5) == 0 && latest > 0;
                long second = back ? 1 + (long) (r.nextDouble() * latest) : latest + 1 + r.nextInt(3_600);
                LedgerEvent e = randomEvent(r, n, T0.plusSeconds(second * 60));
                Portfolio refWith;
                try {
                    if (back) {
                        List<LedgerEntry> with = new ArrayList<>(p.entries());
                        with.add(new LedgerEntry(p.version() + 1, e));
                        refWith = reference(info, with);
                    } else {
                        refWith = ref.append(e);
                    }
                } catch (RejectedException rejected) {
                    refWith = null;
                }
                if (refWith != null) {
                    p = p.append(e);
                    ref = refWith;
                    booked++;
                    backDated += back ? 1 : 0;
                    latest = Math.max(latest, second);
                    assertThat(p.state()).isEqualTo(ref.state());
                } else {
                    Portfolio before = p;
                    assertThatThrownBy(() -> before.append(e)).isInstanceOf(RejectedException.class);
                }
            }
            assertThat(booked).isGreaterThan(800);
            assertThat(backDated).isGreaterThan(80);
            for (int k = 0; k < 50; k++) {
                Instant t = T0.plusSeconds((long) (r.nextDouble() * latest * 60));
                List<LedgerEntry> upTo = p.entries().stream().filter(x -> !x.event().at().isAfter(t)).toList();
                assertThat(p.stateAt(t)).isEqualTo(reference(info, renumber(upTo)).state());
                LedgerEntry entry = p.entries().get(r.nextInt((int) p.version()));
                List<LedgerEntry> ordered = p.entriesInEffectiveOrder();
                int at = ordered.indexOf(entry);
                assertThat(p.stateBefore(entry)).isEqualTo(reference(info, renumber(ordered.subList(0, at))).state());
                assertThat(p.stateAfter(entry)).isEqualTo(reference(info, renumber(ordered.subList(0, at + 1))).state());
            }
            List<Instant> days = new ArrayList<>();
            for (long s = 0; s <= latest * 60; s += latest * 60 / 40) {
                days.add(T0.plusSeconds(s));
            }
            List<PortfolioState> states = p.statesAt(days);
            for (int d = 0; d < days.size(); d++) {
                assertThat(states.get(d)).isEqualTo(p.stateAt(days.get(d)));
            }
        }
    }

    /** The same events numbered 1..n in their order, so that they make a ledger of their own. */
    private static List<LedgerEntry> renumber(List<LedgerEntry> entries) {
        List<LedgerEntry> out = new ArrayList<>();
        for (LedgerEntry e : entries) {
            out.add(new LedgerEntry(out.size() + 1L, e.event(), e.key()));
        }
        return out;
    }

    /*
     * Two events appended to one version, then each line grown on its own: neither sees the other's
     * entries, ids or keys, and the version they came from is unchanged.
     */
    @Test
    void append_twoLinesFromOneVersion_stayIndependent() {
        PortfolioInfo info = info(CostMethod.FIFO);
        Portfolio base = Portfolio.create(info).append(new Deposit(EventId.of("d"), T0, Money.of("USD", "1000")));
        List<LedgerEntry> baseEntries = List.copyOf(base.entries());
        Portfolio a = base;
        Portfolio b = base;
        for (int i = 1; i <= 600; i++) {
            a = a.append(new Deposit(EventId.of("a-" + i), T0.plusSeconds(i), Money.of("USD", "1")), IdempotencyKey.of("ka-" + i));
            b = b.append(new Withdrawal(EventId.of("b-" + i), T0.plusSeconds(i), Money.of("USD", "1")), IdempotencyKey.of("kb-" + i));
            // now and then back-dated, so that the lines also copy and refold
            if (i % 100 == 0) {
                a = a.append(new Deposit(EventId.of("a-back-" + i), T0.plusSeconds(i / 2), Money.of("USD", "2")));
            }
        }

        assertThat(base.entries()).isEqualTo(baseEntries);
        assertThat(base.findEntry(EventId.of("a-1"))).isEmpty();
        assertThat(a.findEntry(EventId.of("b-1"))).isEmpty();
        assertThat(b.findEntry(EventId.of("a-600"))).isEmpty();
        assertThat(a.findEntry(IdempotencyKey.of("kb-7"))).isEmpty();
        assertThat(b.findEntry(IdempotencyKey.of("kb-7")).orElseThrow().event().id()).isEqualTo(EventId.of("b-7"));
        assertThat(a.version()).isEqualTo(1 + 600 + 6);
        assertThat(b.version()).isEqualTo(1 + 600);
        // a: 1,000 + 600 x 1 + 6 x 2 = 1,612.00; b: 1,000 - 600 x 1 = 400.00
        assertThat(a.state().cash(USD)).isEqualTo(Money.of("USD", "1612.00"));
        assertThat(b.state().cash(USD)).isEqualTo(Money.of("USD", "400.00"));
        assertThat(a.state()).isEqualTo(reference(info, a.entries()).state());
        assertThat(b.state()).isEqualTo(reference(info, b.entries()).state());
    }

    /*
     * Eight threads grow eight lines from one version at once, 500 deposits each: every line holds
     * its own entries in order and finds only its own ids.
     */
    @Test
    void append_manyThreadsGrowingLinesFromOneVersion_eachSeesOnlyItsOwn() throws Exception {
        PortfolioInfo info = info(CostMethod.FIFO);
        Portfolio base = Portfolio.create(info).append(new Deposit(EventId.of("d"), T0, Money.of("USD", "1")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Portfolio>> lines = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int line = t;
                lines.add(pool.submit(() -> {
                    Portfolio p = base;
                    for (int i = 1; i <= 500; i++) {
                        p = p.append(new Deposit(EventId.of(line + "-" + i), T0.plusSeconds(i), Money.of("USD", "1")));
                    }
                    return p;
                }));
            }
            for (int t = 0; t < 8; t++) {
                Portfolio p = lines.get(t).get(1, TimeUnit.MINUTES);
                assertThat(p.version()).isEqualTo(501);
                for (int i = 1; i <= 500; i++) {
                    assertThat(p.entries().get(i).event().id()).isEqualTo(EventId.of(t + "-" + i));
                }
                int other = (t + 1) % 8;
                assertThat(p.findEntry(EventId.of(other + "-250"))).isEmpty();
                assertThat(p.findEntry(EventId.of(t + "-250"))).isPresent();
                // 1 + 500 x 1
                assertThat(p.state().cash(USD)).isEqualTo(Money.of("USD", "501.00"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /*
     * A portfolio kept in memory catches up with entries stored after it, some dated before its
     * own (a store's tail): the result equals the reference, and a tail that repeats an id it
     * holds is refused.
     */
    @Test
    void plus_tailWithBackDatedEntries_equalsTheReference() {
        PortfolioInfo info = info(CostMethod.AVERAGE);
        Random r = new Random(7);
        List<LedgerEntry> all = new ArrayList<>();
        all.add(new LedgerEntry(1, new Deposit(EventId.of("seed"), T0, Money.of("USD", "1000000"))));
        for (int n = 0; n < 1_500; n++) {
            long minute = n < 1_000 ? n + 1 : 1 + r.nextInt(1_500);
            all.add(new LedgerEntry(all.size() + 1L, new Buy(EventId.of("b-" + n), T0.plusSeconds(minute * 60),
                    SYMBOLS.get(n % 3), Quantity.of(1), Price.of("USD", "10." + (n % 100)), Money.of("USD", "0.5"))));
        }
        Portfolio kept = Portfolio.of(info, all.subList(0, 1_001));

        Portfolio caughtUp = kept.plus(all.subList(1_001, all.size()));

        assertThat(caughtUp.entries()).isEqualTo(all);
        assertThat(caughtUp.state()).isEqualTo(reference(info, all).state());
        assertThatThrownBy(() -> kept.plus(List.of(new LedgerEntry(1_002, all.get(5).event()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats event id");
        assertThat(kept.version()).isEqualTo(1_001);
        // 1,500 buys of 1 unit: the quantities held
        assertThat(caughtUp.state().positions().values().stream().map(Position::quantity).map(Quantity::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1500");
    }
}
