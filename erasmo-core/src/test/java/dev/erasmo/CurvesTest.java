package dev.erasmo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.Fee;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import dev.erasmo.performance.EquityCurve;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.quote.Bar;
import dev.erasmo.quote.DividendEvent;
import dev.erasmo.quote.InMemoryQuoteSource;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.SplitEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The fast daily curve equals the general one (a Valuation a day), field for field. */
class CurvesTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void valueOf_roundsHalfEvenToTheMinorUnitLikeBigDecimal() {
        Random random = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            long q = random.nextInt(3) == 0 ? random.nextLong() >> random.nextInt(63) : random.nextInt(100_000);
            long p = random.nextInt(3) == 0 ? random.nextLong() >> random.nextInt(63) : random.nextInt(10_000_000);
            int qs = random.nextInt(10);
            int ps = random.nextInt(9);
            int minor = random.nextInt(4);
            BigDecimal exact = BigDecimal.valueOf(q, qs).multiply(BigDecimal.valueOf(p, ps)).setScale(minor, java.math.RoundingMode.HALF_EVEN);
            long fast = Curves.valueOf(q, qs, p, ps, minor);
            if (exact.unscaledValue().bitLength() <= 62) {
                assertThat(fast).as("%d e-%d x %d e-%d to %d", q, qs, p, ps, minor).isEqualTo(exact.unscaledValue().longValue());
            }
        }
        // ties: 0.125 -> 0.12, 0.135 -> 0.14, -0.125 -> -0.12
        assertThat(Curves.valueOf(125, 3, 1, 0, 2)).isEqualTo(12);
        assertThat(Curves.valueOf(135, 3, 1, 0, 2)).isEqualTo(14);
        assertThat(Curves.valueOf(-125, 3, 1, 0, 2)).isEqualTo(-12);
    }

    private static PriceHistory history(String symbol, String... dates) {
        List<Bar> bars = new ArrayList<>();
        for (String d : dates) {
            bars.add(new Bar(LocalDate.parse(d), null, null, null, BigDecimal.TEN, null, null));
        }
        return new PriceHistory(Symbol.of(symbol), USD, bars, List.of(), List.of());
    }

    @Test
    void tradingDays_ofSomeHistories_areEveryDateOneOfThemTradedBetweenTheDatesInOrder() {
        PriceHistory a = history("A", "2024-01-02", "2024-01-03", "2024-01-06");
        PriceHistory b = history("B", "2024-01-03", "2024-01-04", "2024-01-08");
        PriceHistory c = history("C", "2023-12-29", "2024-01-03", "2024-01-10");
        // 12-29 is before the first date and 01-10 after the last; 01-03 is traded by all three, counted once
        assertThat(Curves.tradingDays(List.of(a, b, c), LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-08")))
                .containsExactly(LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-04"),
                        LocalDate.parse("2024-01-06"), LocalDate.parse("2024-01-08"));
        assertThat(Curves.tradingDays(List.of(), LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-08"))).isEmpty();
    }

    @RepeatedTest(20)
    void tradingDays_randomHistories_equalTheSortedSetOfTheirDatesInTheRange(org.junit.jupiter.api.RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition());
        LocalDate first = LocalDate.of(2020, 1, 1);
        List<PriceHistory> histories = new ArrayList<>();
        java.util.TreeSet<LocalDate> expected = new java.util.TreeSet<>();
        LocalDate from = first.plusDays(random.nextInt(30));
        LocalDate to = from.plusDays(random.nextInt(60));
        for (int s = 0; s < 1 + random.nextInt(6); s++) {
            List<String> dates = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                if (random.nextInt(s + 2) == 0) {
                    LocalDate d = first.plusDays(i);
                    dates.add(d.toString());
                    if (!d.isBefore(from) && !d.isAfter(to)) {
                        expected.add(d);
                    }
                }
            }
            histories.add(history("S" + s, dates.toArray(String[]::new)));
        }
        assertThat(Curves.tradingDays(histories, from, to)).containsExactlyElementsOf(expected);
    }

    @RepeatedTest(20)
    void fastCurveEqualsTheGeneralOneOnARandomLedger(org.junit.jupiter.api.RepetitionInfo info) {
        fastCurveEqualsTheGeneralOne(new Random(info.getCurrentRepetition()), 6, 10);
    }

    /**
     * Hundreds of symbols held: the closes are laid out in several blocks of days (16,384 closes
     * a block: 54 days of 300 symbols, for a curve of 50 to 90 days); and a curve starting later,
     * so that the histories the source hands out are cut from longer ones (their bars a view
     * from an offset).
     */
    @RepeatedTest(5)
    void fastCurveEqualsTheGeneralOneOverManySymbolsAndCutHistories(org.junit.jupiter.api.RepetitionInfo info) {
        Random random = new Random(100 + info.getCurrentRepetition());
        fastCurveEqualsTheGeneralOne(random, 400, 30 + random.nextInt(40));
    }

    private static void fastCurveEqualsTheGeneralOne(Random random, int symbolCount, int fromIndex) {
        LocalDate first = LocalDate.of(2020, 1, 1);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            days.add(first.plusDays(i));
        }
        InMemoryQuoteSource.Builder quotes = InMemoryQuoteSource.builder();
        List<Symbol> symbols = new ArrayList<>();
        for (int s = 0; s < symbolCount; s++) {
            Symbol symbol = Symbol.of("S" + s);
            symbols.add(symbol);
            List<Bar> bars = new ArrayList<>();
            for (LocalDate d : days) {
                if (random.nextInt(6) > 0) { // gaps: closes carried forward, or too old
                    bars.add(new Bar(d, null, null, null, BigDecimal.valueOf(100 + random.nextInt(100_000), random.nextInt(5)), null, null));
                }
            }
            List<SplitEvent> splits = random.nextBoolean() ? List.of(new SplitEvent(days.get(30 + random.nextInt(60)), 2 + random.nextInt(3), 1))
                    : List.of();
            List<DividendEvent> dividends = List.of(new DividendEvent(days.get(20 + random.nextInt(80)), new BigDecimal("0.37")));
            quotes.history(new PriceHistory(symbol, USD, bars, dividends, splits));
        }
        Erasmo e = Erasmo.builder().quotes(quotes.build()).clock(Clock.fixed(Instant.parse("2021-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
        PortfolioInfo p = e.createPortfolio(Owner.of("o"), "r");
        e.deposit(p.id(), Money.of(USD, new BigDecimal("1000000")), first.atStartOfDay(ZoneOffset.UTC).toInstant());
        if (symbolCount > 100) {
            e.deposit(p.id(), Money.of(USD, new BigDecimal("100000000")), first.atStartOfDay(ZoneOffset.UTC).toInstant());
            for (int s = 0; s < 300; s++) {
                Instant at = days.get(random.nextInt(days.size())).atTime(9, 0).toInstant(ZoneOffset.UTC);
                e.buy(p.id(), TradeRequest.of(symbols.get(s), Quantity.of(1 + random.nextInt(50))).at(at).price(BigDecimal.valueOf(1 + random.nextInt(9_999), 2)));
            }
        }
        for (int i = 0; i < 80; i++) {
            LocalDate d = days.get(random.nextInt(days.size()));
            Instant at = d.atTime(10 + random.nextInt(10), 0).toInstant(ZoneOffset.UTC);
            Symbol s = symbols.get(random.nextInt(symbols.size()));
            BigDecimal q = BigDecimal.valueOf(1 + random.nextInt(5_000), random.nextInt(4));
            BigDecimal price = BigDecimal.valueOf(1 + random.nextInt(100_000), random.nextInt(4));
            switch (random.nextInt(5)) {
                case 0, 1 -> e.buy(p.id(), TradeRequest.of(s, Quantity.of(q)).at(at).price(price).fee(new BigDecimal("0.99")));
                case 2 -> e.sell(p.id(), TradeRequest.of(s, Quantity.of(q)).at(at).price(price));
                case 3 -> e.book(p.id(), new Fee(EventId.random(), at, Money.of(USD, new BigDecimal("1.5")), "fee"));
                default -> e.withdraw(p.id(), Money.of(USD, new BigDecimal("10.01")), at);
            }
        }
        e.bookCorporateActions(p.id(), days.get(days.size() - 1));

        LocalDate from = days.get(fromIndex);
        LocalDate to = days.get(days.size() - 1);
        EquityCurve fast = e.history(p.id(), from, to, null);
        EquityCurve general = e.history(p.id(), from, to, Boolean.FALSE);

        assertThat(fast).isEqualTo(general);
        assertThat(fast.days()).hasSizeGreaterThan(40);
    }

    /**
     * A close with more decimals than a {@code Price} holds (9; the days of the buy and the last
     * close are clean, so that the buy is taken): the fast way declines, so the
     * curve fails as the general way does, naming the price; with trailing zeros (10.123456780 is
     * 10.12345678) both take it.
     */
    @Test
    void aCloseWithMoreDecimalsThanAPriceTakesFailsTheCurveBothWays() {
        for (String close : List.of("10.123456789", "10.123456780")) {
            LocalDate first = LocalDate.of(2020, 1, 1);
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                bars.add(new Bar(first.plusDays(i), null, null, null, new BigDecimal(i == 2 || i == 29 ? "10.5" : close), null, null));
            }
            Erasmo e = holdingThreeOfA(bars, first);
            PortfolioInfo p = e.portfolios(Owner.of("o")).get(0);
            LocalDate from = first.plusDays(5);
            LocalDate to = first.plusDays(25);
            if (close.endsWith("9")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.history(p.id(), from, to, Boolean.FALSE))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.123456789");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.history(p.id(), from, to))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.123456789");
            } else {
                EquityCurve curve = e.history(p.id(), from, to);
                assertThat(curve).isEqualTo(e.history(p.id(), from, to, Boolean.FALSE));
                // 3 x 10.12345678 = 30.37037034 -> 30.37
                assertThat(curve.days().get(0).marketValue()).isEqualTo(Money.of(USD, new BigDecimal("30.37")));
            }
        }
    }

    /** A bar outside the curve's range (5E+10, which has no common scale with 12.12345678) does not keep the curve from the fast way. */
    @Test
    void aBarOutsideTheRangeDoesNotTurnTheFastWayOff() {
        LocalDate first = LocalDate.of(2020, 1, 1);
        List<Bar> bars = new ArrayList<>();
        bars.add(new Bar(first.minusDays(365), null, null, null, new BigDecimal("50000000000"), null, null));
        for (int i = 0; i < 30; i++) {
            bars.add(new Bar(first.plusDays(i), null, null, null, new BigDecimal("12.12345678"), null, null));
        }
        Erasmo e = holdingThreeOfA(bars, first);
        PortfolioInfo p = e.portfolios(Owner.of("o")).get(0);
        EquityCurve fast = e.history(p.id(), first.plusDays(5), first.plusDays(25), null);
        assertThat(fast).isEqualTo(e.history(p.id(), first.plusDays(5), first.plusDays(25), Boolean.FALSE));
        // 3 x 12.12345678 = 36.37037034 -> 36.37
        assertThat(fast.days().get(0).marketValue()).isEqualTo(Money.of(USD, new BigDecimal("36.37")));
    }

    /** An Erasmo over one history of symbol A, with one portfolio of owner "o": 1,000 USD deposited on the first day, 3 A bought at 10 two days later. */
    private static Erasmo holdingThreeOfA(List<Bar> bars, LocalDate first) {
        Symbol a = Symbol.of("A");
        Erasmo e = Erasmo.builder().quotes(InMemoryQuoteSource.builder().history(new PriceHistory(a, USD, bars, List.of(), List.of())).build())
                .clock(Clock.fixed(Instant.parse("2021-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
        PortfolioInfo p = e.createPortfolio(Owner.of("o"), "a");
        e.deposit(p.id(), Money.of(USD, new BigDecimal("1000")), first.atStartOfDay(ZoneOffset.UTC).toInstant());
        e.buy(p.id(), TradeRequest.of(a, Quantity.of(3)).at(first.plusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC)).price(BigDecimal.TEN));
        return e;
    }
}
