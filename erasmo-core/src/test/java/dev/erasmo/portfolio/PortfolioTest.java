package dev.erasmo.portfolio;

import static dev.erasmo.portfolio.Ledgers.buy;
import static dev.erasmo.portfolio.Ledgers.day;
import static dev.erasmo.portfolio.Ledgers.deposit;
import static dev.erasmo.portfolio.Ledgers.dividend;
import static dev.erasmo.portfolio.Ledgers.fee;
import static dev.erasmo.portfolio.Ledgers.sell;
import static dev.erasmo.portfolio.Ledgers.split;
import static dev.erasmo.portfolio.Ledgers.usdMoney;
import static dev.erasmo.portfolio.Ledgers.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.Reconciliations;
import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.Rejection.Reason;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Symbol X = Symbol.of("X");

    private static Portfolio portfolio(CostMethod method, LedgerEvent... events) {
        Portfolio p = Portfolio.create(new PortfolioInfo(PortfolioId.of("p1"), Owner.of("alice"), "test", USD, method, day("2013-01-01")));
        for (LedgerEvent e : events) {
            p = p.append(e);
        }
        return p;
    }

    private static Position position(Portfolio p, String symbol) {
        return p.state().findPosition(Symbol.of(symbol)).orElseThrow();
    }

    /*
     * The same partial sell with fees under FIFO and average cost.
     *
     * | event                               | cash      | lots (FIFO)                  |
     * | deposit 10,000.00                   | 10,000.00 |                              |
     * | buy 10 X @ 100.00, fee 5.00         |  8,995.00 | 10 @ cost 1,005.00           |
     * | buy 10 X @ 110.00, fee 5.00         |  7,890.00 | + 10 @ cost 1,105.00         |
     * | sell 15 X @ 120.00, fee 6.00        |  9,684.00 | 5 @ cost 552.50              |
     *
     * Sell proceeds: 15 x 120.00 = 1,800.00 - fee 6.00 = 1,794.00.
     * FIFO relieves lot 1 whole (1,005.00) and 5/10 of lot 2 (1,105.00 x 5/10 = 552.50): 1,557.50;
     *   realized = 1,794.00 - 1,557.50 = 236.50; left 5 units at 1,105.00 - 552.50 = 552.50.
     * Average pools 20 units at 2,110.00; relieves 15/20 x 2,110.00 = 1,582.50;
     *   realized = 1,794.00 - 1,582.50 = 211.50; left 5 units at 2,110.00 - 1,582.50 = 527.50.
     * Fees: 5.00 + 5.00 + 6.00 = 16.00 either way.
     */
    @Test
    void sell_partialWithFeesUnderFifo_relievesOldestLotsFirst() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "10000"), buy("2013-01-03", "X", "10", "100", "5"),
                buy("2013-01-04", "X", "10", "110", "5"), sell("2013-01-07", "X", "15", "120", "6"));
        assertThat(p.state().cash(USD)).isEqualTo(usdMoney("9684.00"));
        assertThat(p.state().realizedPnl().get(X)).isEqualTo(usdMoney("236.50"));
        assertThat(position(p, "X").lots()).containsExactly(new Lot(day("2013-01-04"), Quantity.of(5), usdMoney("552.50")));
        assertThat(p.state().fees().get(USD)).isEqualTo(usdMoney("16.00"));
        // the P&L identities of every period between its dates, with made-up closes
        Reconciliations.verifyLedger(p);
    }

    @Test
    void sell_partialWithFeesUnderAverageCost_relievesTheAverage() {
        Portfolio p = portfolio(CostMethod.AVERAGE, deposit("2013-01-02", "10000"), buy("2013-01-03", "X", "10", "100", "5"),
                buy("2013-01-04", "X", "10", "110", "5"), sell("2013-01-07", "X", "15", "120", "6"));
        assertThat(p.state().cash(USD)).isEqualTo(usdMoney("9684.00"));
        assertThat(p.state().realizedPnl().get(X)).isEqualTo(usdMoney("211.50"));
        // one pooled lot, dated at the first buy
        assertThat(position(p, "X").lots()).containsExactly(new Lot(day("2013-01-03"), Quantity.of(5), usdMoney("527.50")));
        assertThat(p.state().fees().get(USD)).isEqualTo(usdMoney("16.00"));
        // the P&L identities of every period between its dates, with made-up closes
        Reconciliations.verifyLedger(p);
    }

    /*
     * A lot of 3 units costing 100.00 sold one at a time: every cent of cost is relieved once.
     * 100.00 x 1/3 = 33.333... -> 33.33, left 66.67; 66.67 x 1/2 = 33.335 -> 33.34 (half-even: 3 is odd);
     * left 33.33, the last sell relieves it all. 33.33 + 33.34 + 33.33 = 100.00.
     */
    @Test
    void sell_oneUnitAtATime_relievesExactlyTheLotCost() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "1000"), buy("2013-01-03", "X", "3", "33", "1"),
                sell("2013-01-04", "X", "1", "40", "0"));
        assertThat(position(p, "X").cost()).isEqualTo(usdMoney("66.67"));
        assertThat(p.state().realizedPnl().get(X)).isEqualTo(usdMoney("6.67")); // 40.00 - 33.33
        p = p.append(sell("2013-01-05", "X", "1", "40", "0"));
        assertThat(position(p, "X").cost()).isEqualTo(usdMoney("33.33"));
        p = p.append(sell("2013-01-06", "X", "1", "40", "0"));
        assertThat(p.state().findPosition(X)).isEmpty();
        // realized total = 120.00 proceeds - 100.00 cost
        assertThat(p.state().realizedPnl().get(X)).isEqualTo(usdMoney("20.00"));
        // the P&L identities of every period between its dates, with made-up closes
        Reconciliations.verifyLedger(p);
    }

    /*
     * 3-for-2 split on 7 shares bought at 100.00: 7 x 3 / 2 = 10.5 shares, cost still 700.00
     * (66.666667 per share). A dividend of 0.50 after the split pays 10.5 x 0.50 = 5.25.
     * Selling all 10.5 at 70.00 = 735.00 realizes 735.00 - 700.00 = 35.00.
     */
    @Test
    void split_threeForTwoOnAnOddNumberOfShares_keepsTheFractionAndTheCost() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "1000"), buy("2013-01-03", "X", "7", "100", "0"),
                split("2013-02-01", "X", 3, 2));
        Position x = position(p, "X");
        assertThat(x.quantity()).isEqualTo(Quantity.parse("10.5"));
        assertThat(x.cost()).isEqualTo(usdMoney("700.00"));
        assertThat(x.lots().get(0).costPerUnit(6)).isEqualByComparingTo("66.666667");
        assertThat(p.state().cash(USD)).isEqualTo(usdMoney("300.00"));

        p = p.append(dividend("2013-02-08", "X", "0.50"));
        assertThat(p.state().cash(USD)).isEqualTo(usdMoney("305.25"));
        assertThat(p.state().dividends().get(USD)).isEqualTo(usdMoney("5.25"));

        p = p.append(sell("2013-03-01", "X", "10.5", "70", "0"));
        assertThat(p.state().realizedPnl().get(X)).isEqualTo(usdMoney("35.00"));
        assertThat(p.state().cash(USD)).isEqualTo(usdMoney("1040.25"));
        // the P&L identities of every period between its dates, with made-up closes
        Reconciliations.verifyLedger(p);
    }

    /*
     * Holding 10 shares through a 4-for-1 split (40 shares), then a 0.205 dividend:
     * 40 x 0.205 = 8.20. Two lots keep their own costs through the split.
     */
    @Test
    void dividend_afterSplit_paysOnTheSplitQuantity() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2020-08-01", "5000"), buy("2020-08-03", "AAPL", "6", "435.75", "0"),
                buy("2020-08-04", "AAPL", "4", "438.66", "0"), split("2020-08-31", "AAPL", 4, 1), dividend("2020-11-06", "AAPL", "0.205"));
        Position aapl = position(p, "AAPL");
        // 6 x 435.75 = 2,614.50 and 4 x 438.66 = 1,754.64
        assertThat(aapl.lots()).containsExactly(new Lot(day("2020-08-03"), Quantity.of(24), usdMoney("2614.50")),
                new Lot(day("2020-08-04"), Quantity.of(16), usdMoney("1754.64")));
        assertThat(p.state().dividends().get(USD)).isEqualTo(usdMoney("8.20"));
        // 5,000.00 - 2,614.50 - 1,754.64 + 8.20 = 639.06
        assertThat(p.state().cash(USD)).isEqualTo(usdMoney("639.06"));
        // the P&L identities of every period between its dates, with made-up closes
        Reconciliations.verifyLedger(p);
    }

    @Test
    void split_reverseOneForThree_roundsHalfEvenToNineDecimals() {
        // 10 / 3 = 3.333333333 (9 decimals); 2 / 3 = 0.666666667
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "1000"), buy("2013-01-03", "X", "10", "1", "0"),
                buy("2013-01-04", "X", "2", "1", "0"), split("2013-01-05", "X", 1, 3));
        assertThat(position(p, "X").lots()).extracting(Lot::quantity)
                .containsExactly(Quantity.parse("3.333333333"), Quantity.parse("0.666666667"));
        assertThat(position(p, "X").cost()).isEqualTo(usdMoney("12.00"));
        // the P&L identities of every period between its dates, with made-up closes
        Reconciliations.verifyLedger(p);
    }

    @Test
    void dividend_rounding_isHalfEvenAtTheMinorUnit() {
        // 3 x 0.335 = 1.005 -> 1.00
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "100"), buy("2013-01-03", "X", "3", "1", "0"),
                dividend("2013-01-04", "X", "0.335"));
        assertThat(p.state().dividends().get(USD)).isEqualTo(usdMoney("1.00"));
        // the P&L identities of every period between its dates, with made-up closes
        Reconciliations.verifyLedger(p);
    }

    @Test
    void dividendOrSplit_whenNothingHeld_isRejected() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "100"));
        assertRejected(p, dividend("2013-01-04", "X", "1"), Reason.NOT_HELD, "no X held");
        assertRejected(p, split("2013-01-04", "X", 2, 1), Reason.NOT_HELD, "no X held");
    }

    @Test
    void buy_withoutEnoughCash_isRejectedAndStateUnchanged() {
        // 10 x 100.00 + fee 0.01 = 1,000.01 > 1,000.00
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "1000"));
        assertRejected(p, buy("2013-01-03", "X", "10", "100", "0.01"), Reason.INSUFFICIENT_CASH, "needs USD 1000.01 but only USD 1000.00");
        // exactly the cash held is fine
        assertThat(p.append(buy("2013-01-03", "X", "10", "100", "0")).state().cash(USD)).isEqualTo(usdMoney("0.00"));
    }

    @Test
    void sell_moreThanHeld_isRejectedAndLedgerUnchanged() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "1000"), buy("2013-01-03", "X", "5", "10", "0"));
        assertRejected(p, sell("2013-01-04", "X", "5.000000001", "10", "0"), Reason.INSUFFICIENT_QUANTITY, "only 5 held");
        assertRejected(p, sell("2013-01-04", "Y", "1", "10", "0"), Reason.INSUFFICIENT_QUANTITY, "only 0 held");
    }

    @Test
    void withdrawalOrFee_moreThanCash_isRejected() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "100"));
        assertRejected(p, withdrawal("2013-01-03", "100.01"), Reason.INSUFFICIENT_CASH, "withdrawal of USD 100.01");
        assertRejected(p, fee("2013-01-03", "100.01"), Reason.INSUFFICIENT_CASH, "fee of USD 100.01");
        Portfolio after = p.append(withdrawal("2013-01-03", "40")).append(fee("2013-01-04", "10"));
        assertThat(after.state().cash(USD)).isEqualTo(usdMoney("50.00"));
        assertThat(after.state().netDeposits().get(USD)).isEqualTo(usdMoney("60.00"));
        assertThat(after.state().fees().get(USD)).isEqualTo(usdMoney("10.00"));
    }

    @Test
    void append_duplicateEventId_isRejected() {
        Deposit d = deposit("2013-01-02", "100");
        Portfolio p = portfolio(CostMethod.FIFO, d);
        assertRejected(p, new Deposit(d.id(), day("2013-01-03"), usdMoney("1")), Reason.DUPLICATE_EVENT_ID, "already in the ledger");
    }

    @Test
    void buy_inAnotherCurrencyThanTheOpenPosition_isRejected() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "1000"), buy("2013-01-03", "X", "1", "10", "0"),
                new Deposit(EventId.of("eur"), day("2013-01-03"), Money.of("EUR", "100")));
        Instrument xInEur = Instrument.of(X, Currency.getInstance("EUR"));
        Buy b = new Buy(EventId.of("b-eur"), day("2013-01-04"), xInEur, Quantity.of(1), Price.of("EUR", "10"), Money.of("EUR", "0"));
        assertRejected(p, b, Reason.CURRENCY_MISMATCH, "X is held in USD, not EUR");
    }

    @Test
    void buy_needsCashInTheInstrumentsCurrency() {
        // USD cash does not pay for a EUR instrument
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "1000"));
        Instrument sap = Instrument.of(Symbol.of("SAP.DE"), Currency.getInstance("EUR"));
        Buy b = new Buy(EventId.of("b1"), day("2013-01-04"), sap, Quantity.of(1), Price.of("EUR", "10"), Money.of("EUR", "0"));
        assertRejected(p, b, Reason.INSUFFICIENT_CASH, "only EUR 0.00");
    }

    /*
     * Back-dating accepted: deposit 1,000 on Jan 2, buy 10 X @ 50 on Mar 1 (cash 500), sell 5 @ 120 on Apr 1.
     * FIFO realized = 600.00 - 250.00 = 350.00. A back-dated buy of 10 @ 10 on Feb 1 is accepted
     * (cash then 900) and becomes the oldest lot: the Apr sell now relieves 5 x 10 = 50.00, so
     * realized = 600.00 - 50.00 = 550.00; cash 1,000 - 100 - 500 + 600 = 1,000.00.
     */
    @Test
    void append_backDatedBuy_isFoldedInEffectiveOrder() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "1000"), buy("2013-03-01", "X", "10", "50", "0"),
                sell("2013-04-01", "X", "5", "120", "0"));
        assertThat(p.state().realizedPnl().get(X)).isEqualTo(usdMoney("350.00"));
        p = p.append(buy("2013-02-01", "X", "10", "10", "0"));
        assertThat(p.version()).isEqualTo(4);
        assertThat(p.entries().get(3).sequence()).isEqualTo(4);
        assertThat(p.entriesInEffectiveOrder()).extracting(e -> e.sequence()).containsExactly(1L, 4L, 2L, 3L);
        assertThat(p.state().realizedPnl().get(X)).isEqualTo(usdMoney("550.00"));
        assertThat(p.state().cash(USD)).isEqualTo(usdMoney("1000.00"));
        assertThat(position(p, "X").lots()).containsExactly(new Lot(day("2013-02-01"), Quantity.of(5), usdMoney("50.00")),
                new Lot(day("2013-03-01"), Quantity.of(10), usdMoney("500.00")));
        // the P&L identities of every period between its dates, with made-up closes
        Reconciliations.verifyLedger(p);
    }

    /*
     * Back-dating rejected: deposit 1,000 on Jan 2, buy 10 X @ 50 on Mar 1. A withdrawal of 800 on
     * Feb 1 is fine on Feb 1 (cash 200) but leaves the Mar 1 buy (500.00) without cash: rejected,
     * naming the later event, and the portfolio is unchanged.
     */
    @Test
    void append_backDatedWithdrawalThatBreaksALaterBuy_isRejectedWhole() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "1000"), buy("2013-03-01", "X", "10", "50", "0"));
        PortfolioState before = p.state();
        assertThatThrownBy(() -> p.append(withdrawal("2013-02-01", "800")))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.rejection().reason()).isEqualTo(Reason.INSUFFICIENT_CASH);
                    assertThat(e.getMessage()).contains("back-dated withdrawal of USD 800.00").contains("later event #2")
                            .contains("buy 10 X @ USD 50").contains("needs USD 500.00 but only USD 200.00");
                });
        assertThat(p.state()).isEqualTo(before);
        assertThat(p.version()).isEqualTo(2);
        // 500 is fine: the buy still has exactly 500
        assertThat(p.append(withdrawal("2013-02-01", "500")).state().cash(USD)).isEqualTo(usdMoney("0.00"));
    }

    @Test
    void append_backDatedBuyBeforeAnyCash_isRejected() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-06-01", "1000"));
        assertRejected(p, buy("2013-01-02", "X", "1", "10", "0"), Reason.INSUFFICIENT_CASH, "only USD 0.00");
    }

    @Test
    void append_backDatedSellBeforeTheBuy_isRejected() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "1000"), buy("2013-03-01", "X", "10", "50", "0"));
        assertRejected(p, sell("2013-02-01", "X", "1", "50", "0"), Reason.INSUFFICIENT_QUANTITY, "only 0 held");
    }

    @Test
    void append_sameEffectiveTime_isOrderedBySequence() {
        // the buy and the deposit share an instant; the deposit was recorded first, so it folds first
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "100"), buy("2013-01-02", "X", "1", "100", "0"));
        assertThat(p.state().cash(USD)).isEqualTo(usdMoney("0.00"));
        // recorded the other way round, the buy comes first and has no cash
        Portfolio q = portfolio(CostMethod.FIFO, deposit("2013-01-01", "1"));
        Portfolio r = q.append(buy("2013-01-02", "X", "1", "1", "0"));
        assertRejected(r, buy("2013-01-02", "X", "1", "1", "0"), Reason.INSUFFICIENT_CASH, "only USD 0.00");
    }

    @Test
    void stateAt_foldsOnlyEventsUpToThatTime() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "1000"), buy("2013-03-01", "X", "10", "50", "0"));
        assertThat(p.stateAt(day("2013-02-01")).cash(USD)).isEqualTo(usdMoney("1000.00"));
        assertThat(p.stateAt(day("2013-02-01")).positions()).isEmpty();
        assertThat(p.stateAt(day("2013-03-01")).cash(USD)).isEqualTo(usdMoney("500.00"));
        assertThat(p.stateAt(Instant.parse("2012-01-01T00:00:00Z"))).isEqualTo(PortfolioState.EMPTY);
    }

    @Test
    void of_rebuildsTheSameStateAsAppending() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "1000"), buy("2013-03-01", "X", "10", "50", "1"),
                buy("2013-02-01", "X", "10", "10", "0"), sell("2013-04-01", "X", "12", "60", "2"));
        List<dev.erasmo.ledger.LedgerEntry> shuffled = new java.util.ArrayList<>(p.entries());
        java.util.Collections.reverse(shuffled);
        Portfolio rebuilt = Portfolio.of(p.info(), shuffled);
        assertThat(rebuilt.state()).isEqualTo(p.state());
        assertThat(rebuilt.entries()).isEqualTo(p.entries());
        // the P&L identities of every period between its dates, with made-up closes
        Reconciliations.verifyLedger(rebuilt);
    }

    @Test
    void of_gapInSequence_isRefused() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "1000"), deposit("2013-01-03", "1"));
        assertThatThrownBy(() -> Portfolio.of(p.info(), List.of(p.entries().get(1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sequence 2 where 1 was expected");
    }

    /*
     * Ex-date semantics. All three events are dated 2013-02-07 00:00. Booked in the order buy 10,
     * dividend 2.65: the dividend still folds first (corporate actions before trades at the same
     * instant), so the 10 shares bought on the ex-date get nothing, and the 5 held before get
     * 5 x 2.65 = 13.25. A sell of all 5 on the ex-date, booked before the dividend, still leaves
     * the dividend on the 5 held at the open.
     */
    @Test
    void dividend_onTheExDate_isPaidOnWhatWasHeldBeforeThatDaysTrades() {
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "10000"), buy("2013-01-03", "X", "5", "100", "0"),
                buy("2013-02-07", "X", "10", "100", "0"), dividend("2013-02-07", "X", "2.65"));
        assertThat(p.state().dividends().get(USD)).isEqualTo(usdMoney("13.25"));
        assertThat(p.entriesInEffectiveOrder()).extracting(e -> e.sequence()).containsExactly(1L, 2L, 4L, 3L);

        Portfolio q = portfolio(CostMethod.FIFO, deposit("2013-01-02", "10000"), buy("2013-01-03", "X", "5", "100", "0"),
                sell("2013-02-07", "X", "5", "100", "0"), dividend("2013-02-07", "X", "2.65"));
        assertThat(q.state().dividends().get(USD)).isEqualTo(usdMoney("13.25"));
        assertThat(q.state().findPosition(X)).isEmpty();
        // the P&L identities of every period between its dates, with made-up closes
        Reconciliations.verifyLedger(p);
        Reconciliations.verifyLedger(q);
    }

    /*
     * A 4-for-1 split dated the same instant as a sell of 40 (post-split) shares: the split folds
     * first, so the 10 shares held become 40 and the sell is valid. 40 x 100 = 4,000 = the cost of
     * 10 x 400, so nothing is realized.
     */
    @Test
    void split_atTheSameInstantAsATrade_appliesFirst() {
        // the split folds before the sell of the 40 post-split shares at the same instant
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2020-08-01", "5000"), buy("2020-08-03", "X", "10", "400", "0"));
        Portfolio q = p.append(split("2020-08-31", "X", 4, 1)).append(sell("2020-08-31", "X", "40", "100", "0"));
        assertThat(q.state().findPosition(X)).isEmpty();
        assertThat(q.state().realizedPnl().get(X)).isEqualTo(usdMoney("0.00"));
        // booked the other way round (the sell first), the sell alone is rejected: only 10 held before the split
        assertRejected(p, sell("2020-08-31", "X", "40", "100", "0"), Reason.INSUFFICIENT_QUANTITY, "only 10 held");
        // the P&L identities of every period between its dates, with made-up closes
        Reconciliations.verifyLedger(q);
    }

    @Test
    void stateBeforeAndAfter_anEntry_followTheFoldOrder() {
        // the dividend (#4) folds before the buy at its instant (#3): it saw 5 units, and cash
        // right after it is 10,000 - 500 + 5 x 2.65 = 9,513.25, before the buy of 10 x 100
        Portfolio p = portfolio(CostMethod.FIFO, deposit("2013-01-02", "10000"), buy("2013-01-03", "X", "5", "100", "0"),
                buy("2013-02-07", "X", "10", "100", "0"), dividend("2013-02-07", "X", "2.65"));
        dev.erasmo.ledger.LedgerEntry div = p.entries().get(3);
        assertThat(p.stateBefore(div).findPosition(X).orElseThrow().quantity()).isEqualTo(Quantity.of(5));
        assertThat(p.stateAfter(div).cash(USD)).isEqualTo(usdMoney("9513.25"));
        assertThat(p.stateAfter(p.entries().get(2)).cash(USD)).isEqualTo(usdMoney("8513.25"));
        assertThatThrownBy(() -> p.stateBefore(new dev.erasmo.ledger.LedgerEntry(9, deposit("2013-01-01", "1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void info_nameWithInvisibleCharacters_isRefused() {
        for (String bad : new String[] {"a\u200bb", "a\u202eb", "a\u2028b", "\u00a0", "a\u0007", "a\uD800", "\uDE00b"}) {
            assertThatThrownBy(() -> new PortfolioInfo(PortfolioId.of("p"), Owner.of("o"), bad, USD, CostMethod.FIFO, day("2013-01-01")))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        // 100 emoji are 100 characters (200 UTF-16 units): fine
        assertThat(new PortfolioInfo(PortfolioId.of("p"), Owner.of("o"), "\uD83D\uDE00".repeat(100), USD, CostMethod.FIFO,
                day("2013-01-01")).name()).hasSize(200);
    }

    @Test
    void owner_loneSurrogateOrControlCharacter_isRefused() {
        for (String bad : new String[] {"a\uD800", "\uDC00", "a\u0000b", " "}) {
            assertThatThrownBy(() -> Owner.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Owner.of("zo\u00eb-\uD83D\uDE00").value()).isEqualTo("zo\u00eb-\uD83D\uDE00");
    }

    private static void assertRejected(Portfolio p, LedgerEvent event, Reason reason, String messagePart) {
        PortfolioState before = p.state();
        long version = p.version();
        assertThatThrownBy(() -> p.append(event)).isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.rejection().reason()).isEqualTo(reason);
            assertThat(e.getMessage()).contains(messagePart);
        });
        assertThat(p.state()).isEqualTo(before);
        assertThat(p.version()).isEqualTo(version);
    }
}
