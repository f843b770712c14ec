package dev.erasmo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.Fee;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import dev.erasmo.performance.CurrencyReconciliation;
import dev.erasmo.performance.DailyValue;
import dev.erasmo.performance.EquityCurve;
import dev.erasmo.performance.Metrics;
import dev.erasmo.performance.Reconciliation;
import dev.erasmo.portfolio.CostMethod;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.Portfolio;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.portfolio.PortfolioState;
import dev.erasmo.quote.Bar;
import dev.erasmo.quote.DividendEvent;
import dev.erasmo.quote.InMemoryQuoteSource;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.SplitEvent;
import dev.erasmo.store.InMemoryPortfolioStore;
import dev.erasmo.valuation.Valuation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Adversarial cases for {@link Erasmo#history}, {@link Erasmo#update}, {@link Erasmo#reconcile}
 * and the fold behind them: whatever the ledger, the fast curve equals the general one, every day
 * equals {@link Erasmo#valuation(dev.erasmo.portfolio.PortfolioId, LocalDate)}, an update equals a
 * fresh history, and a reconciliation in one currency balances to the cent.
 */
class HistoryAdversarialTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");
    private static final Owner O = Owner.of("o");
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    private static Instant at(String date) {
        return Instant.parse(date + "T12:00:00Z");
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static Bar bar(LocalDate date, BigDecimal close) {
        return new Bar(date, null, null, null, close, null, null);
    }

    private static Bar bar(String date, String close) {
        return bar(d(date), new BigDecimal(close));
    }

    private static PriceHistory history(String symbol, Currency c, Bar... bars) {
        return new PriceHistory(Symbol.of(symbol), c, List.of(bars), List.of(), List.of());
    }

    private static Erasmo erasmo(PriceHistory... histories) {
        InMemoryQuoteSource.Builder b = InMemoryQuoteSource.builder();
        for (PriceHistory h : histories) {
            b.history(h);
        }
        return Erasmo.builder().quotes(b.build()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    /** Fast (when it applies) equals general; every day equals the valuation of its date; returns are finite. */
    private static EquityCurve checked(Erasmo e, PortfolioInfo p, LocalDate from, LocalDate to) {
        EquityCurve curve = e.history(p.id(), from, to);
        EquityCurve general = e.history(p.id(), from, to, Boolean.FALSE);
        assertThat(curve).as("history == general").isEqualTo(general);
        List<DailyValue> all = new ArrayList<>();
        all.add(curve.start());
        all.addAll(curve.days());
        for (DailyValue day : all) {
            Valuation v = e.valuation(p.id(), day.date());
            assertThat(day.cash()).as("cash on %s", day.date()).isEqualTo(v.cashInBase());
            assertThat(day.marketValue()).as("market value on %s", day.date()).isEqualTo(v.marketValue());
            assertThat(day.equity()).as("equity on %s", day.date()).isEqualTo(v.equity());
            assertThat(day.missing()).as("missing on %s", day.date()).containsAll(v.missing());
            if (day.dailyReturn() != null) {
                assertThat(Double.isFinite(day.dailyReturn())).isTrue();
            }
        }
        Metrics m = Metrics.of(curve.returns(), Metrics.Options.daily());
        assertThat(Double.isFinite(m.cumulativeReturn())).isTrue();
        return curve;
    }

    // ------------------------------------------------------------------ overflow and precision

    @Test
    void equityBeyondALongFallsBackToTheGeneralWayInsteadOfThrowing() {
        // 1e9 units at 90,000,000 each is 9e18 cents, a long; with 3e16 dollars of cash beside it the equity is not
        Erasmo e = erasmo(history("A", USD, bar("2024-01-02", "1"), bar("2024-01-03", "90000000")));
        PortfolioInfo p = e.createPortfolio(O, "huge");
        e.deposit(p.id(), Money.of(USD, new BigDecimal("30000000000000000")), at("2024-01-01"));
        e.buy(p.id(), TradeRequest.of(Symbol.of("A"), Quantity.of(1_000_000_000L)).at(at("2024-01-02"))).orElseThrow();

        EquityCurve c = checked(e, p, d("2024-01-02"), d("2024-01-03"));

        assertThat(c.days().get(1).equity().amount()).isEqualByComparingTo("119999999000000000");
    }

    @Test
    void manyPositionsWhoseSumOverflowsALongFallBackToo() {
        List<PriceHistory> hs = new ArrayList<>();
        for (String s : List.of("A", "B", "C")) {
            hs.add(history(s, USD, bar("2024-01-02", "1"), bar("2024-01-03", "40000000")));
        }
        Erasmo e = erasmo(hs.toArray(PriceHistory[]::new));
        PortfolioInfo p = e.createPortfolio(O, "three");
        e.deposit(p.id(), Money.of(USD, new BigDecimal("3000000000")), at("2024-01-01"));
        for (String s : List.of("A", "B", "C")) {
            e.buy(p.id(), TradeRequest.of(Symbol.of(s), Quantity.of(1_000_000_000L)).at(at("2024-01-02"))).orElseThrow();
        }
        EquityCurve c = checked(e, p, d("2024-01-02"), d("2024-01-03"));
        assertThat(c.days().get(1).marketValue().amount()).isEqualByComparingTo("120000000000000000");
    }

    @Test
    void nineDecimalQuantitiesAndEightDecimalPricesAreExactInEveryCurrency() {
        for (Currency c : List.of(USD, JPY, BHD)) {
            Erasmo e = erasmo(history("A", c, bar("2024-01-02", "1.23456789"), bar("2024-01-03", "98765.43210987"),
                    bar("2024-01-04", "0.00000001")));
            PortfolioInfo p = e.createPortfolio(O, "p" + c, c, CostMethod.AVERAGE);
            e.deposit(p.id(), Money.of(c, new BigDecimal("1000000")), at("2024-01-01"));
            e.buy(p.id(), TradeRequest.of(Symbol.of("A"), Quantity.of(new BigDecimal("123.456789123"))).at(at("2024-01-02"))).orElseThrow();
            e.sell(p.id(), TradeRequest.of(Symbol.of("A"), Quantity.of(new BigDecimal("0.000000001"))).at(at("2024-01-03"))).orElseThrow();
            checked(e, p, d("2024-01-01"), d("2024-01-04"));
            Reconciliations.verify(e, p.id(), d("2024-01-02"), d("2024-01-04"));
        }
    }

    // ------------------------------------------------------------------ currencies

    /** A dollar stock X at 100, 110, 99 from 2024-01-02 to 01-04. */
    private static final PriceHistory X = history("X", USD, bar("2024-01-02", "100"), bar("2024-01-03", "110"), bar("2024-01-04", "99"));

    /** A new FIFO portfolio in euros. */
    private static PortfolioInfo euros(Erasmo e) {
        return e.createPortfolio(O, "eur", EUR, CostMethod.FIFO);
    }

    /** The euro value of a dollar, 0.90 to 0.93 from 2024-01-01 to 01-04. */
    private static final PriceHistory USD_EUR = history("USDEUR=X", EUR, bar("2024-01-01", "0.9"), bar("2024-01-02", "0.91"),
            bar("2024-01-03", "0.92"), bar("2024-01-04", "0.93"));

    @Test
    void aEuroPortfolioHoldingADollarStock_withAndWithoutRates() {
        for (boolean rates : List.of(true, false)) {
            Erasmo e = rates ? erasmo(X, USD_EUR) : erasmo(X);
            PortfolioInfo p = euros(e);
            e.deposit(p.id(), Money.of(EUR, new BigDecimal("1000")), at("2024-01-01"));
            e.deposit(p.id(), Money.of(USD, new BigDecimal("1000")), at("2024-01-02"));
            e.buy(p.id(), TradeRequest.of(Symbol.of("X"), Quantity.of(5)).at(at("2024-01-02"))).orElseThrow();
            EquityCurve c = checked(e, p, d("2024-01-02"), d("2024-01-04"));
            if (rates) {
                assertThat(c.days()).allMatch(DailyValue::complete);
                // 500 USD of stock and 500 USD of cash at 0.91, the day's deposit at 0.91 too
                assertThat(c.days().get(0).equity().amount()).isEqualByComparingTo("1910.00");
                assertThat(c.days().get(0).externalFlow().amount()).isEqualByComparingTo("910.00");
                assertThat(c.days().get(0).dailyReturn()).isNotNull();
            } else {
                assertThat(c.days()).noneMatch(DailyValue::complete);
                assertThat(c.returns().isEmpty()).isTrue();
            }
            if (rates) {
                Reconciliation r = Reconciliations.verify(e, p.id(), d("2024-01-02"), d("2024-01-04"));
                assertThat(r.converted()).isTrue();
                // from the end of 01-01 (EUR 1000, no dollars yet) to 01-04: the USD 1000 deposited and USD -5 of unrealized
                // (5 X at 99 against 100) count at the end's 0.93; nothing was held in dollars at the start, so no FX effect
                assertThat(r.externalFlows()).isEqualTo(Money.of(EUR, new BigDecimal("930.00")));
                assertThat(r.unrealizedPnlChange()).isEqualTo(Money.of(EUR, new BigDecimal("-4.65")));
                assertThat(r.fxEffect()).isEqualTo(Money.of(EUR, new BigDecimal("0.00")));
                // from the end of 01-02 (USD 500 cash and 5 X at 100, at 0.91) to 01-04 (0.93): the USD 1000 held at the
                // start gained 1000 x 0.02 = EUR 20.00; equity 1910.00 -> 1000 + 465.00 + 460.35 = 1925.35
                Reconciliation later = Reconciliations.verify(e, p.id(), d("2024-01-03"), d("2024-01-04"));
                assertThat(List.of(later.startEquity(), later.endEquity(), later.externalFlows(), later.unrealizedPnlChange(), later.fxEffect()))
                        .containsExactly(Money.of(EUR, new BigDecimal("1910.00")), Money.of(EUR, new BigDecimal("1925.35")),
                                Money.of(EUR, new BigDecimal("0.00")), Money.of(EUR, new BigDecimal("-4.65")),
                                Money.of(EUR, new BigDecimal("20.00")));
            } else {
                // no rate for the dollars at either end: the reconciliation says which, rather than a figure that leaves them out
                assertThatThrownBy(() -> e.reconcile(p.id(), d("2024-01-02"), d("2024-01-04"))).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("no USDEUR=X close as of 2024-01-04");
                Reconciliations.verifyPositions(e, p.id(), d("2024-01-02"), d("2024-01-04"));
            }
        }
    }

    @Test
    void aEuroPortfolioTradingInDollars_reconcilesPerCurrencyAndTheFxEffectIsTheTranslationOfTheStart() {
        Erasmo e = erasmo(X, USD_EUR);
        PortfolioInfo p = euros(e);
        e.deposit(p.id(), Money.of(EUR, new BigDecimal("1000")), at("2024-01-01"));
        e.deposit(p.id(), Money.of(USD, new BigDecimal("1000")), at("2024-01-01"));
        e.buy(p.id(), TradeRequest.of(Symbol.of("X"), Quantity.of(5)).at(at("2024-01-02"))).orElseThrow();
        e.sell(p.id(), TradeRequest.of(Symbol.of("X"), Quantity.of(2)).at(at("2024-01-03"))).orElseThrow();
        e.book(p.id(), new Fee(EventId.random(), at("2024-01-03"), Money.of(USD, new BigDecimal("3")), "data fee")).orElseThrow();
        e.dividend(p.id(), Symbol.of("X"), new BigDecimal("0.5"), at("2024-01-04")).orElseThrow();

        Reconciliation r = Reconciliations.verify(e, p.id(), d("2024-01-02"), d("2024-01-04"));
        // In dollars, from the end of 01-01 (USD 1000 cash) to 01-04: bought 5 X at 100 (500), sold 2 at 110 (220, realized
        // 220 - 200 = 20), fee 3, dividend 0.50 on the 3 held = 1.50: cash 1000 - 500 + 220 - 3 + 1.50 = 718.50, and 3 X at 99 =
        // 297 against a cost of 300 (unrealized -3): equity 1015.50 = 1000 + 20 - 3 + 1.50 - 3
        CurrencyReconciliation dollars = r.currencies().get(1);
        assertThat(List.of(dollars.startEquity(), dollars.endEquity(), dollars.externalFlows(), dollars.realizedPnl(),
                dollars.unrealizedPnlChange(), dollars.income(), dollars.feeEvents(), dollars.unpricedCostChange())).containsExactly(
                        usd("1000.00"), usd("1015.50"), usd("0.00"), usd("20.00"), usd("-3.00"), usd("1.50"), usd("3.00"), usd("0.00"));
        assertThat(List.of(dollars.startRate(), dollars.endRate())).containsExactly(new BigDecimal("0.9"), new BigDecimal("0.93"));
        // the euros did nothing
        assertThat(r.currencies().get(0).currency()).isEqualTo(EUR);
        assertThat(r.currencies().get(0).unexplained().isZero()).isTrue();
        assertThat(r.currencies().get(0).endEquity()).isEqualTo(eur("1000.00"));
        // in euros, each term at the end's 0.93: realized 18.60, unrealized -2.79, income 1.395 -> 1.40 (half-even), fees 2.79;
        // equity 1000 + 1000 x 0.9 = 1900.00 -> 1000 + 718.50 x 0.93 (668.205 -> 668.20) + 297 x 0.93 (276.21) = 1944.41;
        // the FX effect is what is left: 44.41 - (18.60 - 2.79 + 1.40 - 2.79) = 29.99, the USD 1000 held at the start times
        // 0.93 - 0.90 = 30.00 but for the roundings (3 amounts converted in the two equities and 6 terms: within 0.045)
        assertThat(List.of(r.startEquity(), r.endEquity(), r.externalFlows(), r.realizedPnl(), r.unrealizedPnlChange(), r.income(),
                r.feeEvents(), r.unpricedCostChange(), r.fxEffect())).containsExactly(eur("1900.00"), eur("1944.41"), eur("0.00"),
                        eur("18.60"), eur("-2.79"), eur("1.40"), eur("2.79"), eur("0.00"), eur("29.99"));
        assertThat(r.translation()).isEqualByComparingTo("30.00");
        assertThat(r.conversions()).isEqualTo(9);

        // a FX effect off by more than the roundings allow is caught, and so is a currency whose terms do not balance
        Reconciliation forged = new Reconciliation(r.from(), r.to(), r.startEquity(), r.endEquity().plus(eur("0.10")), r.externalFlows(),
                r.realizedPnl(), r.unrealizedPnlChange(), r.income(), r.feeEvents(), r.unpricedCostChange(), r.fxEffect().plus(eur("0.10")),
                r.currencies(), r.conversions());
        assertThatThrownBy(forged::verify).isInstanceOf(IllegalStateException.class).hasMessageContaining("not the translation 30");
        CurrencyReconciliation wrong = new CurrencyReconciliation(USD, dollars.startRate(), dollars.endRate(), dollars.startEquity(),
                dollars.endEquity(), dollars.externalFlows(), dollars.realizedPnl(), dollars.unrealizedPnlChange(), usd("0.00"),
                dollars.feeEvents(), dollars.unpricedCostChange());
        assertThatThrownBy(wrong::verify).isInstanceOf(IllegalStateException.class).hasMessageContaining("leave USD 1.50 unexplained");
    }

    @Test
    void aCurrencyUsedOnceAndGone_needsNoRateLater_andOneNotHeldAtTheStartNoRateThen() {
        // dollars at 0.90 to 0.93 EUR from 2024-01-01 to 01-04 only
        Erasmo e = erasmo(X, USD_EUR);
        PortfolioInfo p = euros(e);
        e.deposit(p.id(), Money.of(EUR, new BigDecimal("500")), at("2024-01-02"));
        e.deposit(p.id(), Money.of(USD, new BigDecimal("10")), at("2024-01-03"));
        e.withdraw(p.id(), Money.of(USD, new BigDecimal("10")), at("2024-01-04"));

        // in February no dollar is held nor booked, and there is no rate: the valuation is complete, the reconciliation needs none
        assertThat(e.valuation(p.id(), d("2024-02-20")).missing()).isEmpty();
        Reconciliation feb = Reconciliations.verify(e, p.id(), d("2024-02-12"), d("2024-02-20"));
        assertThat(feb.currencies()).extracting(CurrencyReconciliation::currency).containsExactly(EUR);
        assertThat(feb.converted()).isFalse();

        // from before any rate (2023-12-01) to 01-03: no dollar at the start, so the start's rate is not asked; USD 10 at 0.92 = 9.20
        Reconciliation since = Reconciliations.verify(e, p.id(), d("2023-12-01"), d("2024-01-03"));
        CurrencyReconciliation dollars = since.currencies().get(1);
        assertThat(List.of(dollars.startRate(), dollars.endRate())).containsExactly(new BigDecimal("0.92"), new BigDecimal("0.92"));
        assertThat(List.of(since.externalFlows(), since.fxEffect())).containsExactly(eur("509.20"), eur("0.00"));
        // but a period starting while dollars are held needs the start's rate: from 01-04 (start: the end of 01-03) there is one, 0.92
        Reconciliations.verify(e, p.id(), d("2024-01-04"), d("2024-01-04"));
    }

    private static Money usd(String amount) {
        return Money.of(USD, new BigDecimal(amount));
    }

    private static Money eur(String amount) {
        return Money.of(EUR, new BigDecimal(amount));
    }

    // ------------------------------------------------------------------ periods

    @Test
    void periodsAtTheEdges() {
        Erasmo e = erasmo(history("X", USD, bar("2024-01-02", "100"), bar("2024-01-03", "110"), bar("2024-02-29", "120")));
        PortfolioInfo p = e.createPortfolio(O, "edges");
        e.deposit(p.id(), Money.of(USD, new BigDecimal("1000")), at("2024-01-02"));
        e.buy(p.id(), TradeRequest.of(Symbol.of("X"), Quantity.of(1)).at(at("2024-01-02"))).orElseThrow();

        // long before the first event: nothing invested, no return, nothing missing
        EquityCurve before = checked(e, p, d("2023-06-01"), d("2024-01-03"));
        assertThat(before.start().equity().isZero()).isTrue();
        // to = today, from = to
        checked(e, p, d("2024-03-01"), d("2024-03-01"));
        checked(e, p, d("2024-01-02"), d("2024-03-01"));
        // from = to on a day with no bar: no day at all (trading days only), the start carried
        EquityCurve sunday = checked(e, p, d("2024-01-07"), d("2024-01-07"));
        assertThat(sunday.days()).isEmpty();
        // every price missing in the middle (the gap is longer than the look-back)
        EquityCurve gap = checked(e, p, d("2024-01-02"), d("2024-02-29"));
        assertThat(gap.days()).extracting(DailyValue::date).containsExactly(d("2024-01-02"), d("2024-01-03"), d("2024-02-29"));
        assertThatThrownBy(() -> e.history(p.id(), d("2024-03-02"), d("2024-03-02"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.history(p.id(), d("2024-01-03"), d("2024-01-02"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSplitOnTheFirstDayAndADividendOnASaturday() {
        PriceHistory x = new PriceHistory(Symbol.of("X"), USD, List.of(bar("2024-01-02", "100"), bar("2024-01-03", "50"),
                bar("2024-01-05", "51"), bar("2024-01-08", "52")), List.of(new DividendEvent(d("2024-01-06"), new BigDecimal("0.33"))),
                List.of(new SplitEvent(d("2024-01-03"), 2, 1)));
        Erasmo e = erasmo(x);
        PortfolioInfo p = e.createPortfolio(O, "ca");
        e.deposit(p.id(), Money.of(USD, new BigDecimal("1000")), at("2024-01-01"));
        e.buy(p.id(), TradeRequest.of(Symbol.of("X"), Quantity.of(3)).at(at("2024-01-02"))).orElseThrow();
        e.bookCorporateActions(p.id(), d("2024-01-08"));
        EquityCurve c = checked(e, p, d("2024-01-03"), d("2024-01-08"));
        // no cliff on the split day; the Saturday dividend shows on Monday
        assertThat(c.days().get(0).dailyReturn()).isEqualTo(0.0);
        assertThat(c.days().get(2).date()).isEqualTo(d("2024-01-08"));
        assertThat(c.days().get(2).income().amount()).isEqualByComparingTo("1.98");
        Reconciliations.verify(e, p.id(), d("2024-01-03"), d("2024-01-08"));
    }

    @Test
    void withdrawingEverythingThenDepositingAgain_hasNoReturnForTheEmptyDays() {
        Erasmo e = erasmo(history("X", USD, bar("2024-01-02", "100"), bar("2024-01-03", "110"), bar("2024-01-04", "120"),
                bar("2024-01-05", "130")));
        PortfolioInfo p = e.createPortfolio(O, "empty");
        e.deposit(p.id(), Money.of(USD, new BigDecimal("100")), at("2024-01-01"));
        e.buy(p.id(), TradeRequest.of(Symbol.of("X"), Quantity.of(1)).at(at("2024-01-02"))).orElseThrow();
        e.sell(p.id(), TradeRequest.of(Symbol.of("X"), Quantity.of(1)).at(at("2024-01-03"))).orElseThrow();
        e.withdraw(p.id(), Money.of(USD, new BigDecimal("110")), at("2024-01-03"));
        e.deposit(p.id(), Money.of(USD, new BigDecimal("50")), at("2024-01-05"));
        EquityCurve c = checked(e, p, d("2024-01-02"), d("2024-01-05"));
        // the withdrawal counts at the start of its day, so that day has nothing invested and no return (README: flows at the start)
        assertThat(c.days()).extracting(DailyValue::dailyReturn).containsExactly(0.0, null, null, 0.0);
        assertThat(c.timeWeightedReturn().getAsDouble()).isZero();
        Metrics m = Metrics.of(c.returns(), Metrics.Options.daily());
        assertThat(m.sharpeAnnualized()).isEmpty();
    }

    @Test
    void aTotalLoss_aReverseSplitThatLeavesNothing() {
        Erasmo e = erasmo(history("X", USD, bar("2024-01-02", "1000000000"), bar("2024-01-03", "1000000000"), bar("2024-01-04", "1000000000")));
        PortfolioInfo p = e.createPortfolio(O, "loss");
        e.deposit(p.id(), Money.of(USD, new BigDecimal("1")), at("2024-01-01"));
        e.buy(p.id(), TradeRequest.of(Symbol.of("X"), Quantity.of(new BigDecimal("0.000000001"))).at(at("2024-01-02"))).orElseThrow();
        e.split(p.id(), Symbol.of("X"), 1, 1000, at("2024-01-03")).orElseThrow();
        EquityCurve c = checked(e, p, d("2024-01-02"), d("2024-01-04"));
        assertThat(c.days()).extracting(DailyValue::dailyReturn).containsExactly(0.0, -1.0, null);
        Metrics m = Metrics.of(c.returns(), Metrics.Options.daily());
        assertThat(m.cumulativeReturn()).isEqualTo(-1.0);
        assertThat(m.maxDrawdown()).isEqualTo(-1.0);
        Reconciliation r = Reconciliations.verify(e, p.id(), d("2024-01-02"), d("2024-01-04"));
        assertThat(r.realizedPnl().amount()).isEqualByComparingTo("-1.00");
    }

    // ------------------------------------------------------------------ update

    @Test
    void anUpdateAfterAnEventInAnotherPortfolioIsTheSameCurve() {
        Erasmo e = erasmo(history("X", USD, bar("2024-01-02", "100"), bar("2024-01-03", "110")));
        PortfolioInfo a = e.createPortfolio(O, "a");
        PortfolioInfo b = e.createPortfolio(O, "b");
        e.deposit(a.id(), Money.of(USD, new BigDecimal("100")), at("2024-01-01"));
        EquityCurve c = e.history(a.id(), d("2024-01-01"), d("2024-01-05"));
        e.deposit(b.id(), Money.of(USD, new BigDecimal("100")), at("2024-01-01"));
        assertThat(e.update(c)).isSameAs(c);
    }

    @Test
    void anUpdateAfterAnEventPastTheLastTradingDayEqualsAFreshHistory() {
        // X trades only in January; the curve runs to the end of February
        Erasmo e = erasmo(history("X", USD, bar("2024-01-02", "100"), bar("2024-01-03", "110"), bar("2024-01-31", "120")));
        PortfolioInfo p = e.createPortfolio(O, "late");
        e.deposit(p.id(), Money.of(USD, new BigDecimal("1000")), at("2024-01-01"));
        e.buy(p.id(), TradeRequest.of(Symbol.of("X"), Quantity.of(1)).at(at("2024-01-02"))).orElseThrow();
        EquityCurve c = e.history(p.id(), d("2024-01-01"), d("2024-02-29"));
        e.deposit(p.id(), Money.of(USD, new BigDecimal("5")), at("2024-02-10"));
        assertThat(e.update(c)).isEqualTo(e.history(p.id(), d("2024-01-01"), d("2024-02-29")));
        e.deposit(p.id(), Money.of(USD, new BigDecimal("5")), at("2024-01-03"));
        assertThat(e.update(c)).isEqualTo(e.history(p.id(), d("2024-01-01"), d("2024-02-29")));
    }

    @Test
    void anUpdateOfACurveOfAnotherInstanceOnTheSameStoreEqualsAFreshHistory() {
        InMemoryQuoteSource q = InMemoryQuoteSource.builder().history(history("X", USD, bar("2024-01-02", "100"), bar("2024-01-03", "110"),
                bar("2024-01-04", "120"))).build();
        InMemoryPortfolioStore store = new InMemoryPortfolioStore();
        Erasmo one = Erasmo.builder().store(store).quotes(q).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        Erasmo two = Erasmo.builder().store(store).quotes(q).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        PortfolioInfo p = one.createPortfolio(O, "shared");
        one.deposit(p.id(), Money.of(USD, new BigDecimal("1000")), at("2024-01-01"));
        one.buy(p.id(), TradeRequest.of(Symbol.of("X"), Quantity.of(1)).at(at("2024-01-02"))).orElseThrow();
        EquityCurve c = one.history(p.id(), d("2024-01-01"), d("2024-01-04"));
        two.sell(p.id(), TradeRequest.of(Symbol.of("X"), Quantity.of(1)).at(at("2024-01-03"))).orElseThrow();
        assertThat(two.update(c)).isEqualTo(two.history(p.id(), d("2024-01-01"), d("2024-01-04")));
        // a curve from an instance whose store does not have the portfolio
        Erasmo other = erasmo();
        assertThatThrownBy(() -> other.update(c)).isInstanceOf(dev.erasmo.store.PortfolioNotFoundException.class);
    }

    @Test
    void concurrentHistoriesAgree() throws Exception {
        Erasmo e = randomErasmo(new Random(7), USD, CostMethod.AVERAGE);
        PortfolioInfo p = e.portfolios(O).get(0);
        EquityCurve expected = e.history(p.id(), d("2020-01-10"), d("2020-04-29"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<EquityCurve>> fs = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                fs.add(pool.submit(() -> e.history(p.id(), d("2020-01-10"), d("2020-04-29"))));
            }
            for (Future<EquityCurve> f : fs) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ random ledgers

    /** Random ledgers in a currency, FIFO or AVERAGE, with partial sells, splits both ways, fees, withdrawals and back-dated events. */
    private static Erasmo randomErasmo(Random random, Currency c, CostMethod method) {
        return randomErasmo(random, c, method, ZoneOffset.UTC);
    }

    private static Erasmo randomErasmo(Random random, Currency c, CostMethod method, java.time.ZoneId zone) {
        LocalDate first = LocalDate.of(2020, 1, 1);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            days.add(first.plusDays(i));
        }
        InMemoryQuoteSource.Builder quotes = InMemoryQuoteSource.builder();
        List<Symbol> symbols = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            Symbol symbol = Symbol.of("S" + s);
            symbols.add(symbol);
            List<Bar> bars = new ArrayList<>();
            for (LocalDate d : days) {
                if (random.nextInt(5) > 0) {
                    bars.add(bar(d, BigDecimal.valueOf(1 + random.nextInt(1_000_000), random.nextInt(9))));
                }
            }
            List<SplitEvent> splits = switch (random.nextInt(3)) {
                case 0 -> List.of(new SplitEvent(days.get(30 + random.nextInt(60)), 3, 2));
                case 1 -> List.of(new SplitEvent(days.get(30 + random.nextInt(60)), 1, 1000));
                default -> List.of();
            };
            quotes.history(new PriceHistory(symbol, c, bars, List.of(new DividendEvent(days.get(20 + random.nextInt(80)),
                    new BigDecimal("0.37"))), splits));
        }
        Erasmo e = Erasmo.builder().quotes(quotes.build()).clock(Clock.fixed(Instant.parse("2021-01-01T00:00:00Z"), ZoneOffset.UTC))
                .zone(zone).build();
        PortfolioInfo p = e.createPortfolio(O, "r", c, method);
        e.deposit(p.id(), Money.of(c, new BigDecimal("100000000")), first.atStartOfDay(ZoneOffset.UTC).toInstant());
        int minor = c.getDefaultFractionDigits();
        for (int i = 0; i < 120; i++) {
            LocalDate d = days.get(random.nextInt(days.size()));
            Instant at = d.atTime(random.nextInt(24), 0).toInstant(ZoneOffset.UTC);
            Symbol s = symbols.get(random.nextInt(symbols.size()));
            BigDecimal q = BigDecimal.valueOf(1 + random.nextInt(5_000), random.nextInt(10));
            BigDecimal price = BigDecimal.valueOf(1 + random.nextInt(100_000), random.nextInt(9));
            BigDecimal fee = BigDecimal.valueOf(random.nextInt(300), minor);
            switch (random.nextInt(7)) {
                case 0, 1, 2 -> e.buy(p.id(), TradeRequest.of(s, Quantity.of(q)).at(at).price(price).fee(fee));
                case 3 -> e.sell(p.id(), TradeRequest.of(s, Quantity.of(q)).at(at).price(price).fee(fee));
                case 4 -> e.book(p.id(), new Fee(EventId.random(), at, Money.of(c, BigDecimal.valueOf(150, minor)), "fee"));
                case 5 -> e.withdraw(p.id(), Money.of(c, BigDecimal.valueOf(1001, minor)), at);
                default -> {
                    int[][] ratios = {{2, 1}, {3, 2}, {1, 3}, {1, 1000}};
                    int[] r = ratios[random.nextInt(ratios.length)];
                    e.split(p.id(), s, r[0], r[1], at);
                }
            }
        }
        e.bookCorporateActions(p.id(), days.get(days.size() - 1));
        return e;
    }

    @RepeatedTest(12)
    void randomLedgers_fastEqualsGeneral_eachDayEqualsItsValuation_andEveryPeriodReconciles(RepetitionInfo info) {
        int n = info.getCurrentRepetition();
        Currency c = List.of(USD, JPY, BHD).get(n % 3);
        CostMethod method = n % 2 == 0 ? CostMethod.AVERAGE : CostMethod.FIFO;
        Random random = new Random(n);
        Erasmo e = randomErasmo(random, c, method);
        PortfolioInfo p = e.portfolios(O).get(0);
        EquityCurve curve = checked(e, p, d("2019-12-20"), d("2020-04-29"));
        assertThat(curve.days()).hasSizeGreaterThan(50);
        for (int i = 0; i < 20; i++) {
            LocalDate from = d("2019-12-25").plusDays(random.nextInt(120));
            LocalDate to = from.plusDays(random.nextInt(30));
            Reconciliations.verify(e, p.id(), from, to);
        }
    }

    @RepeatedTest(4)
    void randomLedgersInAnotherZone_fastEqualsGeneral_andEachDayEqualsItsValuation(RepetitionInfo info) {
        java.time.ZoneId zone = java.time.ZoneId.of(info.getCurrentRepetition() % 2 == 0 ? "Pacific/Kiritimati" : "America/New_York");
        Erasmo e = randomErasmo(new Random(900 + info.getCurrentRepetition()), USD, CostMethod.FIFO, zone);
        PortfolioInfo p = e.portfolios(O).get(0);
        checked(e, p, d("2019-12-20"), d("2020-04-29"));
        Reconciliations.verify(e, p.id(), d("2020-01-10"), d("2020-03-10"));
    }

    @Test
    void aPeriodAcrossAPositionThatLosesItsPrice_reconciles() {
        // X trades until 2024-01-03; sold at a typed price a month later, without a close
        Erasmo e = erasmo(history("X", USD, bar("2024-01-02", "100"), bar("2024-01-03", "110")),
                history("Y", USD, bar("2024-01-02", "10"), bar("2024-01-03", "10"), bar("2024-02-05", "11"), bar("2024-02-06", "12")));
        PortfolioInfo p = e.createPortfolio(O, "unpriced");
        e.deposit(p.id(), Money.of(USD, new BigDecimal("1000")), at("2024-01-01"));
        e.buy(p.id(), TradeRequest.of(Symbol.of("X"), Quantity.of(2)).at(at("2024-01-02")).fee(new BigDecimal("1.01"))).orElseThrow();
        e.buy(p.id(), TradeRequest.of(Symbol.of("Y"), Quantity.of(3)).at(at("2024-01-02"))).orElseThrow();
        e.sell(p.id(), TradeRequest.of(Symbol.of("X"), Quantity.of(1)).at(at("2024-02-06")).price(new BigDecimal("130")).fee(BigDecimal.ONE))
                .orElseThrow();
        EquityCurve c = checked(e, p, d("2024-01-02"), d("2024-02-06"));
        assertThat(c.days().get(2).missing()).containsExactly("X: no price");
        for (String[] period : new String[][] {{"2024-01-02", "2024-02-06"}, {"2024-01-04", "2024-02-05"}, {"2024-01-03", "2024-02-06"},
            {"2024-02-06", "2024-02-06"}, {"2023-12-01", "2024-02-29"}}) {
            Reconciliation r = Reconciliations.verify(e, p.id(), d(period[0]), d(period[1]));
            assertThat(r.converted()).isFalse();
        }
    }

    @RepeatedTest(12)
    void randomLedgers_statesAtEqualTheStateAtEachTime_andARebuiltPortfolio(RepetitionInfo info) {
        int n = info.getCurrentRepetition();
        Erasmo e = randomErasmo(new Random(100 + n), n % 2 == 0 ? USD : JPY, n % 3 == 0 ? CostMethod.FIFO : CostMethod.AVERAGE);
        PortfolioInfo info0 = e.portfolios(O).get(0);
        Portfolio p = e.portfolio(info0.id());
        Portfolio rebuilt = Portfolio.of(p.info(), p.entries());
        assertThat(rebuilt.state()).isEqualTo(p.state());
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 140; i++) {
            times.add(LocalDate.of(2019, 12, 25).plusDays(i).atTime(23, 59, 59).toInstant(ZoneOffset.UTC));
        }
        List<PortfolioState> states = p.statesAt(times);
        for (int i = 0; i < times.size(); i++) {
            assertThat(states.get(i)).as("state at %s", times.get(i)).isEqualTo(p.stateAt(times.get(i)));
        }
        // appending event by event (the fast append, and back-dated ones) gives the same states as folding from scratch
        Portfolio incremental = Portfolio.create(p.info());
        for (var entry : p.entries()) {
            incremental = incremental.append(entry.event());
            assertThat(incremental.state()).isEqualTo(Portfolio.of(p.info(), incremental.entries()).state());
        }
    }

    @RepeatedTest(8)
    void randomLedgers_anUpdateAfterMoreEventsEqualsAFreshHistory(RepetitionInfo info) {
        Random random = new Random(500 + info.getCurrentRepetition());
        Erasmo e = randomErasmo(random, info.getCurrentRepetition() % 2 == 0 ? USD : BHD, CostMethod.AVERAGE);
        PortfolioInfo p = e.portfolios(O).get(0);
        Currency c = p.baseCurrency();
        LocalDate from = d("2020-01-15");
        LocalDate to = d("2020-05-20");
        EquityCurve curve = e.history(p.id(), from, to);
        for (int round = 0; round < 6; round++) {
            // a few events anywhere: before the curve, inside it, after its last trading day, after its end
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                Instant at = LocalDate.of(2019, 12, 31).plusDays(random.nextInt(200)).atTime(random.nextInt(24), 0).toInstant(ZoneOffset.UTC);
                Symbol s = Symbol.of("S" + random.nextInt(5));
                switch (random.nextInt(4)) {
                    case 0 -> e.deposit(p.id(), Money.of(c, BigDecimal.valueOf(1 + random.nextInt(100_000), c.getDefaultFractionDigits())), at);
                    case 1 -> e.buy(p.id(), TradeRequest.of(s, Quantity.of(BigDecimal.valueOf(1 + random.nextInt(100), 2))).at(at)
                            .price(BigDecimal.TEN));
                    case 2 -> e.sell(p.id(), TradeRequest.of(s, Quantity.of(BigDecimal.valueOf(1 + random.nextInt(100), 3))).at(at)
                            .price(BigDecimal.TEN));
                    default -> e.withdraw(p.id(), Money.of(c, BigDecimal.ONE), at);
                }
            }
            curve = e.update(curve);
            assertThat(curve).as("round %d", round).isEqualTo(e.history(p.id(), from, to));
        }
    }

    @Test
    void aRejectedAppendLeavesEveryEarlierStateAsItWas() {
        Erasmo e = randomErasmo(new Random(3), USD, CostMethod.AVERAGE);
        Portfolio p = e.portfolio(e.portfolios(O).get(0).id());
        PortfolioState before = p.state();
        String text = before.toString();
        Symbol held = before.positions().keySet().iterator().next();
        var position = before.positions().get(held);
        // selling more than held, at the end and back-dated: both rejected
        for (Instant t : List.of(Instant.parse("2020-12-31T00:00:00Z"), Instant.parse("2020-01-01T00:00:01Z"))) {
            assertThatThrownBy(() -> p.append(new dev.erasmo.ledger.Sell(EventId.random(), t, position.instrument(),
                    Quantity.of(position.quantity().value().add(BigDecimal.ONE)), new dev.erasmo.money.Price(USD, BigDecimal.ONE),
                    Money.zero(USD)))).isInstanceOf(dev.erasmo.portfolio.RejectedException.class);
        }
        // a partial sell that is accepted does not change the state it was appended to
        p.append(new dev.erasmo.ledger.Sell(EventId.random(), Instant.parse("2020-12-31T00:00:00Z"), position.instrument(),
                Quantity.of(new BigDecimal("0.000000001")), new dev.erasmo.money.Price(USD, BigDecimal.ONE), Money.zero(USD)));
        assertThat(p.state().toString()).isEqualTo(text);
        assertThat(p.state()).isEqualTo(before);
    }
}
