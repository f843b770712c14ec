package dev.erasmo.valuation;

import static dev.erasmo.portfolio.Ledgers.buy;
import static dev.erasmo.portfolio.Ledgers.day;
import static dev.erasmo.portfolio.Ledgers.deposit;
import static dev.erasmo.portfolio.Ledgers.sell;
import static dev.erasmo.portfolio.Ledgers.usdMoney;
import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.CostMethod;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.Portfolio;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.portfolio.PortfolioState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuationTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static PortfolioState state(LedgerEvent... events) {
        Portfolio p = Portfolio.create(new PortfolioInfo(PortfolioId.of("p"), Owner.of("o"), "n", USD, CostMethod.FIFO, day("2013-01-01")));
        for (LedgerEvent e : events) {
            p = p.append(e);
        }
        return p.state();
    }

    private static MarketPrice usd(String price, String date) {
        return new MarketPrice(Price.of("USD", price), LocalDate.parse(date));
    }

    /*
     * 10,000.00 deposited; 10 AAPL bought at 549.03 (2013-01-02 close) = 5,490.30; cash 4,509.70.
     * Valued at the 2013-12-31 close 561.02: market value 5,610.20; equity 10,119.90;
     * unrealized 5,610.20 - 5,490.30 = 119.90; total return (10,119.90 - 10,000) / 10,000 = 0.011990;
     * weight 5,610.20 / 10,119.90 = 0.554373066927... (bc, scale=12) -> 0.55437307 (8 decimals, half-even).
     */
    @Test
    void of_pricedPortfolio_givesEveryFigure() {
        PortfolioState s = state(deposit("2013-01-02", "10000"), buy("2013-01-02", "AAPL", "10", "549.03", "0"));
        Valuation v = Valuation.of(s, PriceSnapshot.of(Map.of(Symbol.of("AAPL"), usd("561.02", "2013-12-31"))), FxRates.none(USD));
        assertThat(v.isComplete()).isTrue();
        assertThat(v.cashInBase()).isEqualTo(usdMoney("4509.70"));
        assertThat(v.marketValue()).isEqualTo(usdMoney("5610.20"));
        assertThat(v.equity()).isEqualTo(usdMoney("10119.90"));
        assertThat(v.costBasis()).isEqualTo(usdMoney("5490.30"));
        assertThat(v.unrealizedPnl()).isEqualTo(usdMoney("119.90"));
        assertThat(v.realizedPnl()).isEqualTo(usdMoney("0.00"));
        assertThat(v.netDeposits()).isEqualTo(usdMoney("10000.00"));
        assertThat(v.totalReturn()).isEqualByComparingTo("0.01199");
        PositionValuation aapl = v.positions().get(0);
        assertThat(aapl.quantity()).isEqualTo(Quantity.of(10));
        assertThat(aapl.price()).isEqualTo(usd("561.02", "2013-12-31"));
        assertThat(aapl.marketValue()).isEqualTo(usdMoney("5610.20"));
        assertThat(aapl.unrealizedPnl()).isEqualTo(usdMoney("119.90"));
        assertThat(aapl.weight()).isEqualByComparingTo("0.55437307");
    }

    @Test
    void of_positionWithoutPrice_isReportedUnpricedNeverZero() {
        PortfolioState s = state(deposit("2013-01-02", "1000"), buy("2013-01-02", "AAPL", "1", "500", "0"),
                buy("2013-01-02", "MSFT", "10", "20", "0"));
        Valuation v = Valuation.of(s, PriceSnapshot.of(Map.of(Symbol.of("AAPL"), usd("510", "2013-01-03"))), FxRates.none(USD));
        assertThat(v.isComplete()).isFalse();
        assertThat(v.missing()).containsExactly("MSFT: no price");
        PositionValuation msft = v.positions().get(1);
        assertThat(msft.instrument().symbol()).isEqualTo(Symbol.of("MSFT"));
        assertThat(msft.isPriced()).isFalse();
        assertThat(msft.marketValue()).isNull();
        assertThat(msft.unrealizedPnl()).isNull();
        assertThat(msft.weight()).isNull();
        assertThat(msft.costBasis()).isEqualTo(usdMoney("200.00"));
        // totals hold the priced part only: cash 300.00 + AAPL 510.00
        assertThat(v.marketValue()).isEqualTo(usdMoney("510.00"));
        assertThat(v.equity()).isEqualTo(usdMoney("810.00"));
        // a return over part of the portfolio would mislead: none
        assertThat(v.totalReturn()).isNull();
    }

    /*
     * Base USD; 100 EUR deposited and 10 SAP bought at EUR 9.00 = EUR 90.00 (cash EUR 10.00);
     * 500 USD deposited. EURUSD 1.08: SAP at EUR 9.50 = EUR 95.00 -> USD 102.60; EUR cash 10.00 -> USD 10.80.
     * Equity = 500.00 + 10.80 + 102.60 = 613.40. Net deposits = 500 + 100 x 1.08 = 608.00.
     * Cost 90.00 x 1.08 = 97.20; unrealized in base 102.60 - 97.20 = 5.40; in EUR 95.00 - 90.00 = 5.00.
     */
    @Test
    void of_foreignPositionAndCash_convertedAtTheFxRate() {
        Instrument sap = Instrument.of(Symbol.of("SAP.DE"), EUR);
        PortfolioState s = state(new Deposit(EventId.of("d1"), day("2013-01-02"), Money.of("EUR", "100")),
                new Deposit(EventId.of("d2"), day("2013-01-02"), usdMoney("500")),
                new Buy(EventId.of("b1"), day("2013-01-03"), sap, Quantity.of(10), Price.of("EUR", "9"), Money.zero(EUR)));
        MarketPrice p = new MarketPrice(Price.of("EUR", "9.5"), LocalDate.parse("2013-01-04"));
        Valuation v = Valuation.of(s, PriceSnapshot.of(Map.of(sap.symbol(), p)), new FxRates(USD, Map.of(EUR, new BigDecimal("1.08"))));
        assertThat(v.isComplete()).isTrue();
        assertThat(v.cashInBase()).isEqualTo(usdMoney("510.80"));
        assertThat(v.marketValue()).isEqualTo(usdMoney("102.60"));
        assertThat(v.equity()).isEqualTo(usdMoney("613.40"));
        assertThat(v.netDeposits()).isEqualTo(usdMoney("608.00"));
        assertThat(v.unrealizedPnl()).isEqualTo(usdMoney("5.40"));
        assertThat(v.positions().get(0).unrealizedPnl()).isEqualTo(Money.of("EUR", "5.00"));
        assertThat(v.positions().get(0).marketValueInBase()).isEqualTo(usdMoney("102.60"));
    }

    @Test
    void of_missingFxRate_isReportedNotZero() {
        Instrument sap = Instrument.of(Symbol.of("SAP.DE"), EUR);
        PortfolioState s = state(new Deposit(EventId.of("d1"), day("2013-01-02"), Money.of("EUR", "100")),
                new Buy(EventId.of("b1"), day("2013-01-03"), sap, Quantity.of(10), Price.of("EUR", "9"), Money.zero(EUR)));
        MarketPrice p = new MarketPrice(Price.of("EUR", "9.5"), LocalDate.parse("2013-01-04"));
        Valuation v = Valuation.of(s, PriceSnapshot.of(Map.of(sap.symbol(), p)), FxRates.none(USD));
        assertThat(v.isComplete()).isFalse();
        assertThat(v.missing()).containsExactly("EUR: no FX rate");
        assertThat(v.positions().get(0).marketValue()).isEqualTo(Money.of("EUR", "95.00"));
        assertThat(v.positions().get(0).marketValueInBase()).isNull();
        assertThat(v.equity()).isEqualTo(usdMoney("0.00"));
    }

    @Test
    void of_priceInAnotherCurrencyThanHeld_isReportedNotMixed() {
        PortfolioState s = state(deposit("2013-01-02", "100"), buy("2013-01-02", "VOD.L", "1", "10", "0"));
        MarketPrice pence = new MarketPrice(Price.of("GBP", "2.10"), LocalDate.parse("2013-01-03"));
        Valuation v = Valuation.of(s, PriceSnapshot.of(Map.of(Symbol.of("VOD.L"), pence)), FxRates.none(USD));
        assertThat(v.missing()).containsExactly("VOD.L: price in GBP but held in USD");
    }

    @Test
    void of_realizedAndFeesAndNoDeposits() {
        // deposit 100, buy 1 X @ 50 fee 1, sell it @ 60 fee 1: realized (60 - 1) - 51 = 8.00; fees 2.00; cash 108.00
        PortfolioState s = state(deposit("2013-01-02", "100"), buy("2013-01-03", "X", "1", "50", "1"), sell("2013-01-04", "X", "1", "60", "1"));
        Valuation v = Valuation.of(s, PriceSnapshot.EMPTY, FxRates.none(USD));
        assertThat(v.realizedPnl()).isEqualTo(usdMoney("8.00"));
        assertThat(v.fees()).isEqualTo(usdMoney("2.00"));
        assertThat(v.equity()).isEqualTo(usdMoney("108.00"));
        assertThat(v.totalReturn()).isEqualByComparingTo("0.08");
        assertThat(v.positions()).isEmpty();
        // no deposits: no total return
        assertThat(Valuation.of(PortfolioState.EMPTY, PriceSnapshot.EMPTY, FxRates.none(USD)).findTotalReturn()).isEmpty();
    }

    @Test
    void of_sameInputs_sameResult() {
        PortfolioState s = state(deposit("2013-01-02", "1000"), buy("2013-01-02", "AAPL", "1", "500", "0"));
        PriceSnapshot prices = PriceSnapshot.of(Map.of(Symbol.of("AAPL"), usd("510", "2013-01-03")));
        assertThat(Valuation.of(s, prices, FxRates.none(USD))).isEqualTo(Valuation.of(s, prices, FxRates.none(USD)));
    }
}
