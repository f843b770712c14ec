package dev.erasmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.erasmo.Erasmo;
import dev.erasmo.Reconciliations;
import dev.erasmo.TradeRequest;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.Fee;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.quote.Bar;
import dev.erasmo.quote.InMemoryQuoteSource;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.Quote;
import dev.erasmo.quote.QuoteSource;
import dev.erasmo.quote.SplitEvent;
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
import org.junit.jupiter.api.Test;

/**
 * The daily equity curve, its returns and the P&amp;L reconciliations of the portfolio and of a
 * position, on small ledgers worked out by hand; every scripted scenario ends by checking every
 * identity ({@link Reconciliations}).
 */
class EquityCurveTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Symbol X = Symbol.of("X");
    private static final Owner ALICE = Owner.of("alice");

    private static Bar close(String date, String close) {
        return new Bar(LocalDate.parse(date), null, null, null, new BigDecimal(close), null, null);
    }

    private static Instant at(String date) {
        return Instant.parse(date + "T12:00:00Z");
    }

    private static Money usd(String amount) {
        return Money.of(USD, new BigDecimal(amount));
    }

    /** X closes 100, 110, 99, 108.9, 119.79 on Tue 2024-01-02 .. Mon 2024-01-08: +10%, -10%, +10%, +10%. */
    private static Erasmo erasmo(PriceHistory... more) {
        InMemoryQuoteSource.Builder b = InMemoryQuoteSource.builder().history(new PriceHistory(X, USD, List.of(close("2024-01-02", "100"),
                close("2024-01-03", "110"), close("2024-01-04", "99"), close("2024-01-05", "108.9"), close("2024-01-08", "119.79")),
                List.of(), List.of()));
        for (PriceHistory h : more) {
            b.history(h);
        }
        return Erasmo.builder().quotes(b.build()).clock(Clock.fixed(Instant.parse("2024-02-01T00:00:00Z"), ZoneOffset.UTC)).build();
    }

    @Test
    void aDepositInTheMiddleDoesNotChangeTheTimeWeightedReturnWhenTheHoldingsBehaveTheSame() {
        Erasmo e = erasmo();
        PortfolioInfo a = e.createPortfolio(ALICE, "a");
        e.deposit(a.id(), usd("1000"), at("2024-01-01"));
        e.buy(a.id(), TradeRequest.of(X, Quantity.of(10)).at(at("2024-01-02"))).orElseThrow();
        PortfolioInfo b = e.createPortfolio(ALICE, "b");
        e.deposit(b.id(), usd("1000"), at("2024-01-01"));
        e.buy(b.id(), TradeRequest.of(X, Quantity.of(10)).at(at("2024-01-02"))).orElseThrow();
        // b adds 550 at the start of 2024-01-04 and buys 5 more at 110, the price the day starts from
        e.deposit(b.id(), usd("550"), at("2024-01-04"));
        e.buy(b.id(), TradeRequest.of(X, Quantity.of(5)).at(at("2024-01-04")).price(new BigDecimal("110"))).orElseThrow();

        EquityCurve ca = e.history(a.id(), LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-08"));
        EquityCurve cb = e.history(b.id(), LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-08"));

        // a: 1000 (cash, the day before), 1000, 1100, 990, 1089, 1197.90
        assertThat(ca.start().equity()).isEqualTo(usd("1000.00"));
        assertThat(ca.days()).extracting(DailyValue::equity).containsExactly(usd("1000.00"), usd("1100.00"), usd("990.00"), usd("1089.00"),
                usd("1197.90"));
        // b on 2024-01-04: 15 x 99 = 1485 = (1100 + 550) x 0.9: the same -10% as a
        assertThat(cb.days().get(2).equity()).isEqualTo(usd("1485.00"));
        assertThat(cb.days().get(2).externalFlow()).isEqualTo(usd("550.00"));
        double[] expected = {0.0, 0.1, -0.1, 0.1, 0.1};
        for (int i = 0; i < 5; i++) {
            assertThat(ca.days().get(i).dailyReturn()).isCloseTo(expected[i], within(1e-12));
            assertThat(cb.days().get(i).dailyReturn()).isCloseTo(expected[i], within(1e-12));
        }
        // 1.1 x 0.9 x 1.1 x 1.1 - 1 = 0.1979
        assertThat(ca.timeWeightedReturn().getAsDouble()).isCloseTo(0.1979, within(1e-12));
        assertThat(cb.timeWeightedReturn().getAsDouble()).isCloseTo(0.1979, within(1e-12));
        // the money-weighted figures of b count the 550 at the start of 01-04 too: at the end of 01-03, the day before in the
        // curve; from the start (end of 01-01, 1000) to 01-08 (15 x 119.79 = 1796.85) that is D = 2 of CD = 7 days, weight 5/7:
        // Modified Dietz (1796.85 - 1000 - 550) / (1000 + 550 x 5/7) = 246.85 x 7 / (7000 + 2750) = 1727.95 / 9750
        assertThat(cb.externalFlows()).containsExactly(CashFlow.of(LocalDate.parse("2024-01-03"), "550"));
        assertThat(cb.modifiedDietz().getAsDouble()).isCloseTo(1727.95 / 9750, within(1e-12));
        // and the XIRR r solves -1000 - 550 (1 + r)^(-2/365) + 1796.85 (1 + r)^(-7/365) = 0
        double r = cb.moneyWeightedReturn().orElseThrow().rate().getAsDouble();
        assertThat(-1000 - 550 * Math.pow(1 + r, -2.0 / 365) + 1796.85 * Math.pow(1 + r, -7.0 / 365)).isCloseTo(0, within(1e-9));
        Reconciliations.verify(e, ca);
        Reconciliations.verify(e, cb);
    }

    /*
     * One deposit of 1000 on the first day, all of it in 10 X at 100: equity 1000, 1100, 990, 1089, 1197.90.
     * Holding-period return 1197.90 / 1000 - 1 = 0.1979 = the linked daily returns (the first is 1000 / (0 + 1000) - 1 = 0).
     * The deposit counts at the start of 2024-01-02, the end of the start's date 2024-01-01: Modified Dietz weight
     * (7 - 0) / 7 = 1, so (1197.90 - 0 - 1000) / (0 + 1000) = 0.1979 too; XIRR of -1000 on 01-01 and +1197.90 on 01-08
     * is 1.1979^(365 / 7) - 1. (Dated at the end of 01-02 it had weight 6/7: 197.90 / 857.14 = 0.2309.)
     */
    @Test
    void moneyWeightedReturnAndModifiedDietz_oneDepositAtInception_equalTheHoldingPeriodReturn() {
        Erasmo e = erasmo();
        PortfolioInfo p = e.createPortfolio(ALICE, "inception");
        e.deposit(p.id(), usd("1000"), at("2024-01-02"));
        e.buy(p.id(), TradeRequest.of(X, Quantity.of(10)).at(at("2024-01-02"))).orElseThrow();

        EquityCurve c = e.history(p.id(), LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-08"));

        assertThat(c.externalFlows()).containsExactly(CashFlow.of(LocalDate.parse("2024-01-01"), "1000"));
        assertThat(c.timeWeightedReturn().getAsDouble()).isCloseTo(0.1979, within(1e-12));
        assertThat(c.modifiedDietz().getAsDouble()).isCloseTo(0.1979, within(1e-12));
        double xirr = Math.pow(1.1979, 365.0 / 7) - 1;
        assertThat(c.moneyWeightedReturn().orElseThrow().rate().getAsDouble()).isCloseTo(xirr, within(xirr * 1e-9));
        Reconciliations.verify(e, c);
    }

    @Test
    void aSplitFromTheLedgerLeavesNoCliffWithPricesAsTraded() {
        // one AAPL share at 400; the 4-for-1 split on 2024-01-03, when it closes at 101 as traded: 4 x 101 = 404, +1%
        Symbol aapl = Symbol.of("AAPL");
        Erasmo e = erasmo(new PriceHistory(aapl, USD, List.of(close("2024-01-02", "400"), close("2024-01-03", "101")), List.of(),
                List.of(new SplitEvent(LocalDate.parse("2024-01-03"), 4, 1))));
        PortfolioInfo p = e.createPortfolio(ALICE, "split");
        e.deposit(p.id(), usd("400"), at("2024-01-01"));
        e.buy(p.id(), TradeRequest.of(aapl, Quantity.of(1)).at(at("2024-01-02"))).orElseThrow();
        e.bookCorporateActions(p.id(), LocalDate.parse("2024-01-31"));

        EquityCurve c = e.history(p.id(), LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-03"));

        assertThat(c.days()).extracting(DailyValue::equity).containsExactly(usd("400.00"), usd("404.00"));
        assertThat(c.days().get(1).dailyReturn()).isCloseTo(0.01, within(1e-12));
        Reconciliations.verify(e, c);
    }

    @Test
    void aDayWithoutACloseCarriesTheLastOneForwardAndSaysSo() {
        // Y has no close on 2024-01-03: its 2024-01-02 close of 50 is carried
        Symbol y = Symbol.of("Y");
        Erasmo e = erasmo(new PriceHistory(y, USD, List.of(close("2024-01-02", "50"), close("2024-01-04", "55")), List.of(), List.of()));
        PortfolioInfo p = e.createPortfolio(ALICE, "carry");
        e.deposit(p.id(), usd("1000"), at("2024-01-01"));
        e.buy(p.id(), TradeRequest.of(y, Quantity.of(2)).at(at("2024-01-02"))).orElseThrow();
        e.buy(p.id(), TradeRequest.of(X, Quantity.of(1)).at(at("2024-01-02"))).orElseThrow();

        EquityCurve c = e.history(p.id(), LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-04"));

        // days are X's and Y's trading days; on 2024-01-03: cash 800 + X 110 + Y 2 x 50 = 1010
        assertThat(c.days()).extracting(DailyValue::date).containsExactly(LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-03"),
                LocalDate.parse("2024-01-04"));
        assertThat(c.days().get(1).carried()).containsExactly(y);
        assertThat(c.days().get(1).equity()).isEqualTo(usd("1010.00"));
        assertThat(c.days().get(2).carried()).isEmpty();
        Reconciliations.verify(e, c);
    }

    @Test
    void cashOnlyHasAWeekdayCurveWithFlowsAndNoReturnBeforeMoneyArrives() {
        Erasmo e = erasmo();
        PortfolioInfo p = e.createPortfolio(ALICE, "cash");
        e.deposit(p.id(), usd("100"), at("2024-01-03"));
        e.withdraw(p.id(), usd("40"), at("2024-01-06"));

        EquityCurve c = e.history(p.id(), LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-08"));

        // weekdays only; the Saturday withdrawal shows on Monday
        assertThat(c.days()).extracting(DailyValue::date).extracting(LocalDate::getDayOfMonth).containsExactly(2, 3, 4, 5, 8);
        assertThat(c.days().get(0).dailyReturn()).isNull();
        assertThat(c.days().get(1).externalFlow()).isEqualTo(usd("100.00"));
        assertThat(c.days().get(1).dailyReturn()).isCloseTo(0.0, within(1e-15));
        assertThat(c.days().get(4).externalFlow()).isEqualTo(usd("-40.00"));
        assertThat(c.days().get(4).equity()).isEqualTo(usd("60.00"));
        // for Modified Dietz and XIRR each flow is dated at the end of the curve's day before the one it is counted on:
        // the deposit of 01-03 at 01-02, the Saturday withdrawal (counted on Monday 01-08) at Friday 01-05
        assertThat(c.externalFlows()).containsExactly(CashFlow.of(LocalDate.parse("2024-01-02"), "100"),
                CashFlow.of(LocalDate.parse("2024-01-05"), "-40"));
        // cash earns nothing: (60 - 0 - 60) / (0 + 100 x 6/7 - 40 x 3/7) = 0, and the XIRR of -100, +40, +60 is 0
        assertThat(c.modifiedDietz()).hasValue(0);
        assertThat(c.moneyWeightedReturn().orElseThrow().rate().getAsDouble()).isCloseTo(0, within(1e-12));
        Reconciliations.verify(e, c);
    }

    /*
     * The identity on a scripted period, every term by hand (single currency):
     * before: deposit 2000 (12-29); buy 10 X @ 100 fee 5 on 01-02 (cost 1005): start = end of 01-02:
     *   cash 995, X 10 x 100 = 1000, equity 1995, unrealized -5.
     * period 01-03 .. 01-08: sell 4 @ 110 fee 2 on 01-03 (proceeds 438, relieved 402, realized +36);
     *   dividend 0.50 on 01-04 on 6 held = 3.00; fee event 1.25 on 01-05; withdraw 100 on 01-05;
     *   end 01-08: 6 X @ 119.79 = 718.74, cost 603, unrealized 115.74; cash 995 + 438 + 3 - 1.25 - 100 = 1334.75;
     *   equity 2053.49.
     * 2053.49 - 1995 = 58.49 = -100 + 36 + (115.74 - (-5)) + 3 - 1.25
     * Position X alone, in USD: start 10 X at 100 = 1000.00 (cost 1005.00, unrealized -5.00); the sell's proceeds 438.00,
     *   relieved 1005 x 4/10 = 402.00, realized 36.00; dividend 3.00 beside; end 718.74 (cost 603.00, unrealized 115.74):
     *   718.74 - 1000.00 = -281.26 = 0 (purchases) - 438.00 + 36.00 + (115.74 + 5.00)
     */
    @Test
    void reconciliationBalancesToTheCent() {
        Erasmo e = erasmo();
        PortfolioInfo p = e.createPortfolio(ALICE, "pnl");
        e.deposit(p.id(), usd("2000"), at("2023-12-29"));
        e.buy(p.id(), TradeRequest.of(X, Quantity.of(10)).at(at("2024-01-02")).fee(new BigDecimal("5"))).orElseThrow();
        e.sell(p.id(), TradeRequest.of(X, Quantity.of(4)).at(at("2024-01-03")).fee(new BigDecimal("2"))).orElseThrow();
        e.dividend(p.id(), X, new BigDecimal("0.50"), at("2024-01-04")).orElseThrow();
        e.book(p.id(), new Fee(EventId.random(), at("2024-01-05"), usd("1.25"), "data fee")).orElseThrow();
        e.withdraw(p.id(), usd("100"), at("2024-01-05"));

        Reconciliation r = e.reconcile(p.id(), LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-08")).verify();

        assertThat(r.startEquity()).isEqualTo(usd("1995.00"));
        assertThat(r.endEquity()).isEqualTo(usd("2053.49"));
        assertThat(r.externalFlows()).isEqualTo(usd("-100.00"));
        assertThat(r.realizedPnl()).isEqualTo(usd("36.00"));
        assertThat(r.unrealizedPnlChange()).isEqualTo(usd("120.74"));
        assertThat(r.income()).isEqualTo(usd("3.00"));
        assertThat(r.feeEvents()).isEqualTo(usd("1.25"));
        assertThat(r.fxEffect()).isEqualTo(usd("0.00"));

        PositionReconciliation x = e.reconcile(p.id(), X, LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-08")).verify();
        assertThat(List.of(x.startQuantity(), x.endQuantity())).containsExactly(Quantity.of(10), Quantity.of(6));
        assertThat(List.of(x.startMarketValue(), x.endMarketValue(), x.purchases(), x.saleProceeds(), x.realizedPnl(),
                x.unrealizedPnlChange(), x.unpricedCostChange(), x.income(), x.unexplained())).containsExactly(usd("1000.00"),
                        usd("718.74"), usd("0.00"), usd("438.00"), usd("36.00"), usd("120.74"), usd("0.00"), usd("3.00"), usd("0.00"));

        // the curve's days add up to the same: flows, income and every fee of the period
        EquityCurve c = e.history(p.id(), LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-08"));
        Money flows = Money.zero(USD);
        Money income = Money.zero(USD);
        Money fees = Money.zero(USD);
        for (DailyValue d : c.days()) {
            flows = flows.plus(d.externalFlow());
            income = income.plus(d.income());
            fees = fees.plus(d.fees());
        }
        assertThat(flows).isEqualTo(usd("-100.00"));
        assertThat(income).isEqualTo(usd("3.00"));
        assertThat(fees).isEqualTo(usd("3.25")); // the sell's 2.00 and the fee event's 1.25
        assertThat(c.days().get(c.days().size() - 1).equity()).isEqualTo(r.endEquity());
        Reconciliations.verify(e, c);
    }

    /*
     * X opened and closed inside 2024-01-03 .. 2024-01-08: buy 10 at 110 fee 1 on 01-03 (purchases 1101.00), sell 10 at
     * 108.90 fee 1 on 01-05 (proceeds 1089.00 - 1.00 = 1088.00), realized 1088.00 - 1101.00 = -13.00.
     * Not held at either end: 0 - 0 = 1101.00 - 1088.00 - 13.00.
     */
    @Test
    void reconcilePosition_openedAndClosedInThePeriod_startsAndEndsAtZero() {
        Erasmo e = erasmo();
        PortfolioInfo p = e.createPortfolio(ALICE, "in-and-out");
        e.deposit(p.id(), usd("2000"), at("2023-12-29"));
        e.buy(p.id(), TradeRequest.of(X, Quantity.of(10)).at(at("2024-01-03")).fee(BigDecimal.ONE)).orElseThrow();
        e.sell(p.id(), TradeRequest.of(X, Quantity.of(10)).at(at("2024-01-05")).fee(BigDecimal.ONE)).orElseThrow();

        PositionReconciliation r = e.reconcile(p.id(), X, LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-08")).verify();

        assertThat(List.of(r.startMarketValue(), r.endMarketValue(), r.purchases(), r.saleProceeds(), r.realizedPnl()))
                .containsExactly(usd("0.00"), usd("0.00"), usd("1101.00"), usd("1088.00"), usd("-13.00"));
        assertThat(r.startQuantity()).isEqualTo(Quantity.ZERO);
        assertThat(r.endQuantity()).isEqualTo(Quantity.ZERO);
        // before it was bought there is nothing to reconcile
        assertThatThrownBy(() -> e.reconcile(p.id(), X, LocalDate.parse("2023-12-29"), LocalDate.parse("2024-01-02")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never bought X");
        assertThatThrownBy(() -> e.reconcile(p.id(), X, LocalDate.parse("2024-01-05"), LocalDate.parse("2024-01-04")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first date is after the last");
    }

    /*
     * AAPL: 1 share at 400 on 2024-01-02; 4-for-1 on 01-03, closing 101 as traded. Period 01-03: start 1 x 400 = 400.00
     * (cost 400.00, unrealized 0); end 4 x 101 = 404.00, cost still 400.00, unrealized 4.00: 404 - 400 = 4.00, no other term.
     */
    @Test
    void reconcilePosition_splitInThePeriod_changesTheQuantityAndNoTerm() {
        Symbol aapl = Symbol.of("AAPL");
        Erasmo e = erasmo(new PriceHistory(aapl, USD, List.of(close("2024-01-02", "400"), close("2024-01-03", "101")), List.of(),
                List.of(new SplitEvent(LocalDate.parse("2024-01-03"), 4, 1))));
        PortfolioInfo p = e.createPortfolio(ALICE, "split-position");
        e.deposit(p.id(), usd("400"), at("2024-01-01"));
        e.buy(p.id(), TradeRequest.of(aapl, Quantity.of(1)).at(at("2024-01-02"))).orElseThrow();
        e.bookCorporateActions(p.id(), LocalDate.parse("2024-01-31"));

        PositionReconciliation r = e.reconcile(p.id(), aapl, LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-03")).verify();

        assertThat(r.startQuantity()).isEqualTo(Quantity.of(1));
        assertThat(r.endQuantity()).isEqualTo(Quantity.of(4));
        assertThat(List.of(r.startMarketValue(), r.endMarketValue(), r.unrealizedPnlChange(), r.purchases(), r.saleProceeds(),
                r.realizedPnl())).containsExactly(usd("400.00"), usd("404.00"), usd("4.00"), usd("0.00"), usd("0.00"), usd("0.00"));
    }

    @Test
    void reconciliationOfEveryPeriodOfARandomLedgerBalances() {
        // a seeded random ledger of trades, dividends, fees and flows: every period's identity must hold to the cent
        Erasmo e = erasmo();
        PortfolioInfo p = e.createPortfolio(ALICE, "random");
        e.deposit(p.id(), usd("5000"), at("2023-12-29"));
        java.util.Random random = new java.util.Random(7);
        List<LocalDate> days = List.of(LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-04"),
                LocalDate.parse("2024-01-05"), LocalDate.parse("2024-01-08"));
        for (LocalDate d : days) {
            Instant t = at(d.toString());
            e.buy(p.id(), TradeRequest.of(X, Quantity.of(new BigDecimal(random.nextInt(5) + 1 + "." + random.nextInt(1000)))).at(t)
                    .fee(new BigDecimal("0." + random.nextInt(100))));
            e.sell(p.id(), TradeRequest.of(X, Quantity.of(new BigDecimal(random.nextInt(3) + "." + (random.nextInt(999) + 1)))).at(t)
                    .fee(new BigDecimal("0." + random.nextInt(100))));
            e.dividend(p.id(), X, new BigDecimal("0.0" + (random.nextInt(9) + 1)), t);
            e.book(p.id(), new Fee(EventId.random(), t, usd("0." + (random.nextInt(99) + 1)), "fee"));
            e.withdraw(p.id(), usd(random.nextInt(50) + ".0" + random.nextInt(10)), t);
        }
        // most of the 25 random events were booked (an oversell or a short dividend may be rejected)
        assertThat(e.portfolio(p.id()).entries()).hasSizeGreaterThan(20);
        List<Reconciliation> all = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            for (int j = i; j < days.size(); j++) {
                all.add(Reconciliations.verify(e, p.id(), days.get(i), days.get(j)));
            }
        }
        assertThat(all).hasSize(15).allSatisfy(r -> assertThat(r.fxEffect().isZero()).isTrue());
    }

    @Test
    void aHistoryEndingAfterTodayIsRefused() {
        Erasmo e = erasmo();
        PortfolioInfo p = e.createPortfolio(ALICE, "future");
        assertThatThrownBy(() -> e.history(p.id(), LocalDate.parse("2024-01-02"), LocalDate.parse("2024-03-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after today");
    }

    @Test
    void updateRecomputesFromTheBackDatedEventAndEqualsAFreshHistory() {
        Symbol y = Symbol.of("Y");
        // Y trades on Saturday 2024-01-06 and on 2024-01-09, days X does not
        Erasmo e = erasmo(new PriceHistory(y, USD, List.of(close("2024-01-06", "20"), close("2024-01-09", "21")), List.of(), List.of()));
        PortfolioInfo p = e.createPortfolio(ALICE, "inc");
        e.deposit(p.id(), usd("2000"), at("2023-12-29"));
        e.buy(p.id(), TradeRequest.of(X, Quantity.of(5)).at(at("2024-01-02"))).orElseThrow();
        EquityCurve before = e.history(p.id(), LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-09"));
        assertThat(e.update(before)).isSameAs(before);

        // a back-dated sell on 2024-01-04 and a deposit on 2024-01-05: days before 01-04 are kept
        e.sell(p.id(), TradeRequest.of(X, Quantity.of(2)).at(at("2024-01-05"))).orElseThrow();
        e.deposit(p.id(), usd("300"), at("2024-01-04"));
        EquityCurve updated = e.update(before);
        assertThat(updated).isEqualTo(e.history(p.id(), LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-09")));
        assertThat(updated.days().subList(0, 2)).isEqualTo(before.days().subList(0, 2));
        assertThat(updated.version()).isEqualTo(4);

        // a buy of Y on 01-09 brings Y's Saturday into the curve, before the kept days end: recomputed whole, still equal
        e.buy(p.id(), TradeRequest.of(y, Quantity.of(1)).at(at("2024-01-09"))).orElseThrow();
        EquityCurve withY = e.update(updated);
        assertThat(withY).isEqualTo(e.history(p.id(), LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-09")));
        assertThat(withY.days()).extracting(DailyValue::date).contains(LocalDate.parse("2024-01-06"));
        Reconciliations.verify(e, withY);
    }

    /** A quote source that records every history it is asked for. */
    private static final class RecordingQuoteSource implements QuoteSource {
        final QuoteSource source;
        final List<String> asked = new ArrayList<>();

        RecordingQuoteSource(QuoteSource source) {
            this.source = source;
        }

        @Override
        public Map<Symbol, Quote> latest(Collection<Symbol> symbols) {
            asked.add("latest " + symbols);
            return source.latest(symbols);
        }

        @Override
        public PriceHistory history(Symbol symbol, LocalDate from, LocalDate to) {
            asked.add(symbol + " " + from + ".." + to);
            return source.history(symbol, from, to);
        }
    }

    @Test
    void update_backDatedEvent_keepsTheEarlierDaysAsTheyWereAndAsksOnlyForTheTailsPrices() {
        RecordingQuoteSource quotes = new RecordingQuoteSource(InMemoryQuoteSource.builder().history(new PriceHistory(X, USD,
                List.of(close("2024-01-02", "100"), close("2024-01-03", "110"), close("2024-01-04", "99"), close("2024-01-05", "108.9"),
                        close("2024-01-08", "119.79")), List.of(), List.of())).build());
        Erasmo e = Erasmo.builder().quotes(quotes).clock(Clock.fixed(Instant.parse("2024-02-01T00:00:00Z"), ZoneOffset.UTC)).build();
        PortfolioInfo p = e.createPortfolio(ALICE, "tail");
        e.deposit(p.id(), usd("2000"), at("2023-12-29"));
        e.buy(p.id(), TradeRequest.of(X, Quantity.of(5)).at(at("2024-01-02"))).orElseThrow();
        quotes.asked.clear();
        EquityCurve before = e.history(p.id(), LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-08"));
        // a new history asks for X's closes from the 14-day look-back before the day before 01-02
        assertThat(quotes.asked).containsExactly("X 2023-12-18..2024-01-08");

        e.deposit(p.id(), usd("300"), at("2024-01-05"));
        quotes.asked.clear();
        EquityCurve updated = e.update(before);

        // 01-02, 01-03 and 01-04 are before the deposit: kept, the very same objects; 01-05 and 01-08 recomputed
        assertThat(updated.start()).isSameAs(before.start());
        for (int i = 0; i < 3; i++) {
            assertThat(updated.days().get(i)).isSameAs(before.days().get(i));
        }
        assertThat(updated.days().get(3)).isNotSameAs(before.days().get(3));
        // only the tail's closes are asked for: from the look-back before 01-04, the last kept day, to the end
        assertThat(quotes.asked).containsExactly("X 2023-12-21..2024-01-08");
        // and it is the curve a new history makes: 01-05 equity 1500 + 300 + 5 x 108.90 = 2344.50, the day's flow 300
        assertThat(updated).isEqualTo(e.history(p.id(), LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-08")));
        assertThat(updated.days().get(3).equity()).isEqualTo(usd("2344.50"));
        assertThat(updated.days().get(3).externalFlow()).isEqualTo(usd("300.00"));
        Reconciliations.verify(e, updated);
    }

    @Test
    void aDayWithAPositionThatCannotBeValuedHasNoReturnNorDoesTheNext() {
        // Z stops trading after 2024-01-02; X goes on. Held: 1 Z at 50 and 1 X. From 2024-01-17 Z's close is
        // more than 14 days old: missing, and neither that day nor the next has a return (Z dropping out is not a loss)
        Symbol z = Symbol.of("Z");
        List<Bar> xBars = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2024-01-02"); !d.isAfter(LocalDate.parse("2024-01-19")); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                xBars.add(close(d.toString(), "100"));
            }
        }
        InMemoryQuoteSource q = InMemoryQuoteSource.builder().history(new PriceHistory(X, USD, xBars, List.of(), List.of()))
                .history(new PriceHistory(z, USD, List.of(close("2024-01-02", "50")), List.of(), List.of())).build();
        Erasmo e = Erasmo.builder().quotes(q).clock(Clock.fixed(Instant.parse("2024-02-01T00:00:00Z"), ZoneOffset.UTC)).build();
        PortfolioInfo p = e.createPortfolio(ALICE, "gap");
        e.deposit(p.id(), usd("1000"), at("2024-01-01"));
        e.buy(p.id(), TradeRequest.of(z, Quantity.of(1)).at(at("2024-01-02"))).orElseThrow();
        e.buy(p.id(), TradeRequest.of(X, Quantity.of(1)).at(at("2024-01-02"))).orElseThrow();

        EquityCurve c = e.history(p.id(), LocalDate.parse("2024-01-15"), LocalDate.parse("2024-01-19"));

        // 01-15, 01-16: Z carried (13 and 14 days old), returns 0; 01-17 on: Z missing, no return
        assertThat(c.days()).extracting(DailyValue::dailyReturn).containsExactly(0.0, 0.0, null, null, null);
        assertThat(c.days().get(2).missing()).containsExactly("Z: no price");
        assertThat(c.timeWeightedReturn().getAsDouble()).isEqualTo(0.0);
        // the last day leaves Z out: no money-weighted return or Modified Dietz from an end value short of it
        assertThat(c.moneyWeightedReturn()).isEmpty();
        assertThat(c.modifiedDietz()).isEmpty();
        // until 01-16, both ends complete: nothing moved, the price did not change: 0
        assertThat(c.until(LocalDate.parse("2024-01-16")).modifiedDietz()).hasValue(0);
        Reconciliations.verify(e, c);
        // Z over 01-16 .. 01-17: priced at 50 (cost 50) at the start, unpriced at the end: out of the market value,
        // its cost 50 an unpriced cost as in the portfolio's reconciliation: 0 - 50.00 = -(50.00 - 0)
        PositionReconciliation zr = e.reconcile(p.id(), z, LocalDate.parse("2024-01-16"), LocalDate.parse("2024-01-17")).verify();
        assertThat(List.of(zr.startMarketValue(), zr.endMarketValue(), zr.unrealizedPnlChange(), zr.unpricedCostChange()))
                .containsExactly(usd("50.00"), usd("0.00"), usd("0.00"), usd("50.00"));
        assertThat(e.reconcile(p.id(), LocalDate.parse("2024-01-16"), LocalDate.parse("2024-01-17")).unpricedCostChange())
                .isEqualTo(zr.unpricedCostChange());
    }
}
