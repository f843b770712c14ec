package dev.erasmo.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.Dividend;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.Fee;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.ledger.Sell;
import dev.erasmo.ledger.Split;
import dev.erasmo.ledger.Withdrawal;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.valuation.FxRates;
import dev.erasmo.valuation.MarketPrice;
import dev.erasmo.valuation.PriceSnapshot;
import dev.erasmo.valuation.Valuation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the fold over thousands of random ledgers (seeded, so a failure repeats), with
 * back-dated events and rejections mixed in. Expected sums are computed here from the events'
 * own fields with BigDecimal, independently of the fold.
 */
class PortfolioInvariantsTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final String[] SYMBOLS = {"A", "B", "C"};

    @Test
    void randomLedgers_cashQuantityAndPnlIdentitiesHold() {
        Random random = new Random(20261203);
        Map<dev.erasmo.ledger.EventKind, Integer> accepted = new java.util.EnumMap<>(dev.erasmo.ledger.EventKind.class);
        for (int run = 0; run < 400; run++) {
            CostMethod method = run % 2 == 0 ? CostMethod.FIFO : CostMethod.AVERAGE;
            Portfolio p = Portfolio.create(new PortfolioInfo(PortfolioId.of("p" + run), Owner.of("o"), "n", USD, method, Instant.EPOCH));
            for (int i = 0; i < 40; i++) {
                LedgerEvent e = randomEvent(random, i);
                PortfolioState before = p.state();
                try {
                    p = p.append(e);
                    accepted.merge(e.kind(), 1, Integer::sum);
                } catch (RejectedException rejected) {
                    assertThat(p.state()).isEqualTo(before);
                }
            }
            check(p, random);
        }
        // the generator must exercise every kind of event, not just deposits
        for (dev.erasmo.ledger.EventKind kind : dev.erasmo.ledger.EventKind.values()) {
            assertThat(accepted.getOrDefault(kind, 0)).as(kind.name()).isGreaterThan(100);
        }
    }

    private static void check(Portfolio p, Random random) {
        // replay the accepted events in effective order with plain BigDecimal arithmetic
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal dividends = BigDecimal.ZERO;
        BigDecimal feeEvents = BigDecimal.ZERO;
        Map<String, BigDecimal> held = new HashMap<>();
        for (LedgerEntry entry : p.entriesInEffectiveOrder()) {
            LedgerEvent e = entry.event();
            if (e instanceof Deposit d) {
                cash = cash.add(d.amount().amount());
                net = net.add(d.amount().amount());
            } else if (e instanceof Withdrawal w) {
                cash = cash.subtract(w.amount().amount());
                net = net.subtract(w.amount().amount());
            } else if (e instanceof Fee f) {
                cash = cash.subtract(f.amount().amount());
                feeEvents = feeEvents.add(f.amount().amount());
            } else if (e instanceof Buy b) {
                cash = cash.subtract(cents(b.price().amount().multiply(b.quantity().value())).add(b.fee().amount()));
                held.merge(b.instrument().symbol().value(), b.quantity().value(), BigDecimal::add);
            } else if (e instanceof Sell s) {
                cash = cash.add(cents(s.price().amount().multiply(s.quantity().value())).subtract(s.fee().amount()));
                held.merge(s.instrument().symbol().value(), s.quantity().value().negate(), BigDecimal::add);
            } else if (e instanceof Dividend d) {
                BigDecimal paid = cents(d.perShare().amount().multiply(held.get(d.instrument().symbol().value())));
                cash = cash.add(paid);
                dividends = dividends.add(paid);
            } else if (e instanceof Split s) {
                held.computeIfPresent(s.symbol().value(), (k, q) -> q.multiply(BigDecimal.valueOf(s.numerator()))
                        .divide(BigDecimal.valueOf(s.denominator()), 9, RoundingMode.HALF_EVEN));
            }
            assertThat(cash.signum()).as("cash never negative").isGreaterThanOrEqualTo(0);
        }
        PortfolioState s = p.state();
        assertThat(s.cash(USD).amount()).isEqualByComparingTo(cash);
        assertThat(s.netDeposits().getOrDefault(USD, Money.zero(USD)).amount()).isEqualByComparingTo(net);
        for (String sym : SYMBOLS) {
            BigDecimal expected = held.getOrDefault(sym, BigDecimal.ZERO);
            BigDecimal actual = s.findPosition(Symbol.of(sym)).map(x -> x.quantity().value()).orElse(BigDecimal.ZERO);
            // lots are split one by one, so their rounded sum may differ from the rounded total by 1e-9 per lot
            assertThat(actual.subtract(expected).abs()).as(sym).isLessThanOrEqualTo(new BigDecimal("0.00000004"));
        }
        // equity - net deposits = realized + unrealized + dividends - fee events, to the cent
        Map<Symbol, MarketPrice> prices = new HashMap<>();
        for (String sym : SYMBOLS) {
            prices.put(Symbol.of(sym), new MarketPrice(Price.of("USD", randomPrice(random)), LocalDate.EPOCH));
        }
        Valuation v = Valuation.of(s, PriceSnapshot.of(prices), FxRates.none(USD));
        assertThat(v.equity().minus(v.netDeposits()))
                .isEqualTo(v.realizedPnl().plus(v.unrealizedPnl()).plus(v.dividends()).minus(Money.of(USD, feeEvents)));
        assertThat(v.dividends().amount()).isEqualByComparingTo(dividends);
    }

    private static BigDecimal cents(BigDecimal x) {
        return x.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static LedgerEvent randomEvent(Random r, int i) {
        EventId id = EventId.of("e" + i);
        Instant at = Instant.parse("2013-01-01T00:00:00Z").plusSeconds(86_400L * r.nextInt(60));
        Instrument instrument = Instrument.of(Symbol.of(SYMBOLS[r.nextInt(SYMBOLS.length)]), USD);
        int kind = r.nextInt(10);
        return switch (kind) {
            case 0, 1 -> new Deposit(id, at, Money.of("USD", (1 + r.nextInt(5000)) + "." + r.nextInt(100)));
            case 2 -> new Withdrawal(id, at, Money.of("USD", (1 + r.nextInt(2000)) + ""));
            case 3 -> new Fee(id, at, Money.of("USD", "0." + (1 + r.nextInt(99))), "fee");
            case 4, 5 -> new Buy(id, at, instrument, Quantity.parse(randomQuantity(r)), Price.of("USD", randomPrice(r)), Money.of("USD", r.nextInt(3) + ".5"));
            case 6, 7 -> new Sell(id, at, instrument, Quantity.parse(randomQuantity(r)), Price.of("USD", randomPrice(r)), Money.of("USD", r.nextInt(2) + ""));
            case 8 -> new Dividend(id, at, instrument, Price.of("USD", "0." + (1 + r.nextInt(999))));
            default -> r.nextBoolean() ? new Split(id, at, instrument.symbol(), 3, 2) : new Split(id, at, instrument.symbol(), 1, 3);
        };
    }

    private static String randomQuantity(Random r) {
        return r.nextInt(20) + "." + String.format("%09d", r.nextInt(1_000_000_000)).substring(0, r.nextInt(9)) + "1";
    }

    private static String randomPrice(Random r) {
        return (1 + r.nextInt(500)) + "." + String.format("%06d", r.nextInt(1_000_000));
    }
}
