package dev.erasmo.valuation;

import static dev.erasmo.valuation.Fixtures.BHD;
import static dev.erasmo.valuation.Fixtures.EUR;
import static dev.erasmo.valuation.Fixtures.JPY;
import static dev.erasmo.valuation.Fixtures.USD;
import static dev.erasmo.valuation.Fixtures.fast;
import static dev.erasmo.valuation.Fixtures.position;
import static dev.erasmo.valuation.Fixtures.snapshot;
import static dev.erasmo.valuation.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.money.CurrencyMismatchException;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.PortfolioState;
import dev.erasmo.portfolio.Position;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked cases of the fast path; the random ones are in {@code HoldingsPropertyTest}. */
class HoldingsTest {

    @Test
    void valueAt_tieAtHalfCentBelowEvenDigit_roundsDownToEven() {
        // 3 × 0.335 = 1.005, exactly half a cent above 1.00: half-even keeps the even 1.00
        PortfolioState state = state(position("A", "USD", "3", "0.90"));

        HoldingsValue value = fast(state, snapshot("A=USD 0.335"), USD);

        assertThat(value.marketValue()).isEqualTo(Money.of("USD", "1.00"));
        assertThat(value.costBasis()).isEqualTo(Money.of("USD", "0.90"));
        assertThat(value.unrealizedPnl()).isEqualTo(Money.of("USD", "0.10")); // 1.00 - 0.90
        assertThat(value.priced()).isEqualTo(1);
        assertThat(value.isComplete()).isTrue();
    }

    @Test
    void valueAt_tieAtHalfCentAboveOddDigit_roundsUpToEven() {
        // 3 × 0.345 = 1.035, half a cent between 1.03 and 1.04: half-even takes the even 1.04
        HoldingsValue value = fast(state(position("A", "USD", "3", "1")), snapshot("A=USD 0.345"), USD);

        assertThat(value.marketValue()).isEqualTo(Money.of("USD", "1.04"));
    }

    @Test
    void valueAt_yenWithoutMinorUnit_roundsHalfEvenToWholeYen() {
        // JPY has 0 decimals. 5 × 0.5 = 2.5 -> 2 (even); with 3 × 0.5 = 1.5 more, 4.0 exactly -> 4
        HoldingsValue five = fast(state(position("A", "JPY", "5", "2")), snapshot("A=JPY 0.5"), JPY);
        HoldingsValue eight = fast(state(position("A", "JPY", "5", "2"), position("B", "JPY", "3", "1")),
                snapshot("A=JPY 0.5", "B=JPY 0.5"), JPY);
        // 7 × 0.5 = 3.5 -> 4 (even)
        HoldingsValue seven = fast(state(position("A", "JPY", "7", "3")), snapshot("A=JPY 0.5"), JPY);

        assertThat(five.marketValue()).isEqualTo(Money.of("JPY", "2"));
        assertThat(eight.marketValue()).isEqualTo(Money.of("JPY", "4"));
        assertThat(seven.marketValue()).isEqualTo(Money.of("JPY", "4"));
    }

    @Test
    void valueAt_dinarWithThreeDecimals_roundsHalfEvenToTheFils() {
        // BHD has 3 decimals. 2.5 × 1.2345 = 3.08625 -> 3.086 (0.00025 is below half a fils)
        // plus 3 × 0.0005 = 0.0015: 3.08775 -> 3.088
        HoldingsValue one = fast(state(position("A", "BHD", "2.5", "3")), snapshot("A=BHD 1.2345"), BHD);
        HoldingsValue two = fast(state(position("A", "BHD", "2.5", "3"), position("B", "BHD", "3", "0.001")),
                snapshot("A=BHD 1.2345", "B=BHD 0.0005"), BHD);
        // 1 × 0.0005 = 0.0005, half a fils above 0.000 -> 0.000 (even)
        HoldingsValue half = fast(state(position("B", "BHD", "1", "0.001")), snapshot("B=BHD 0.0005"), BHD);

        assertThat(one.marketValue()).isEqualTo(Money.of("BHD", "3.086"));
        assertThat(two.marketValue()).isEqualTo(Money.of("BHD", "3.088"));
        assertThat(half.marketValue()).isEqualTo(Money.of("BHD", "0.000"));
    }

    @Test
    void valueAt_twoHalfCentPositions_roundsTheSumOnceUnlikeValuation() {
        // A: 1 × 0.005 = 0.005, B: 1 × 0.005 = 0.005. Rounded once: 0.010 -> USD 0.01.
        // Valuation.of rounds each to 0.00 (half-even) first: 0.00 + 0.00 = USD 0.00.
        PortfolioState state = state(position("A", "USD", "1", "0"), position("B", "USD", "1", "0"));
        PriceSnapshot prices = snapshot("A=USD 0.005", "B=USD 0.005");

        HoldingsValue value = fast(state, prices, USD);

        assertThat(value.marketValue()).isEqualTo(Money.of("USD", "0.01"));
        assertThat(Valuation.of(state, prices, FxRates.none(USD)).marketValue()).isEqualTo(Money.of("USD", "0.00"));
    }

    @Test
    void valueAt_missingPrice_isCountedUnpricedAndLeftOutOfCost() {
        // A: 10 × 2.50 = 25.00, cost 20.00; B has no price: left out of value and cost
        PortfolioState state = state(position("A", "USD", "10", "20"), position("B", "USD", "4", "7"));

        HoldingsValue value = fast(state, snapshot("A=USD 2.50"), USD);

        assertThat(value.marketValue()).isEqualTo(Money.of("USD", "25.00"));
        assertThat(value.costBasis()).isEqualTo(Money.of("USD", "20.00"));
        assertThat(value.priced()).isEqualTo(1);
        assertThat(value.unpriced()).isEqualTo(1);
        assertThat(value.isComplete()).isFalse();
    }

    @Test
    void valueAt_symbolNumberedAfterTheVector_isCountedUnpriced() {
        // the holdings number B after the vector was laid out, so B is past the vector's end
        SymbolIndex index = SymbolIndex.create();
        PriceVector prices = PriceVector.of(index, snapshot("A=USD 2"), USD);
        Holdings holdings = Holdings.of(index, state(position("A", "USD", "1", "1"), position("B", "USD", "1", "1")), USD);

        HoldingsValue value = holdings.valueAt(prices);

        assertThat(value.marketValue()).isEqualTo(Money.of("USD", "2.00"));
        assertThat(value.unpriced()).isEqualTo(1);
    }

    @Test
    void valueAt_priceInAnotherCurrency_isCountedUnpriced() {
        // B trades in USD but the snapshot prices it in EUR: never converted, never zero
        PortfolioState state = state(position("A", "USD", "1", "1"), position("B", "USD", "2", "3"));

        HoldingsValue value = fast(state, snapshot("A=USD 5", "B=EUR 4"), USD);

        assertThat(value.marketValue()).isEqualTo(Money.of("USD", "5.00"));
        assertThat(value.costBasis()).isEqualTo(Money.of("USD", "1.00"));
        assertThat(value.unpriced()).isEqualTo(1);
    }

    @Test
    void valueAt_instrumentInAnotherCurrency_isCountedUnpricedEvenWithAPrice() {
        // SAP trades in EUR; valued in USD it is unpriced whatever the snapshot says
        PortfolioState state = state(position("A", "USD", "1", "1"), position("SAP", "EUR", "2", "3"));

        HoldingsValue value = fast(state, snapshot("A=USD 5", "SAP=EUR 100"), USD);

        assertThat(value.marketValue()).isEqualTo(Money.of("USD", "5.00"));
        assertThat(value.priced()).isEqualTo(1);
        assertThat(value.unpriced()).isEqualTo(1);
    }

    @Test
    void valueAt_vectorInAnotherCurrency_throws() {
        SymbolIndex index = SymbolIndex.create();
        Holdings holdings = Holdings.of(index, state(position("A", "USD", "1", "1")), USD);
        PriceVector euros = PriceVector.of(index, snapshot("A=EUR 1"), EUR);

        assertThatThrownBy(() -> holdings.valueAt(euros)).isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("currency mismatch: USD and EUR");
    }

    @Test
    void valueAt_vectorOfAnotherIndex_throws() {
        Holdings holdings = Holdings.of(SymbolIndex.create(), state(position("A", "USD", "1", "1")), USD);
        PriceVector prices = PriceVector.of(SymbolIndex.create(), snapshot("A=USD 1"), USD);

        assertThatThrownBy(() -> holdings.valueAt(prices)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another symbol index");
    }

    @Test
    void valueAt_cashInTwoCurrencies_addsOnlyTheValuationCurrencyAndFlagsTheOther() {
        // equity = cash 100.00 + 2 × 10 = 120.00; the EUR 5.00 is left out and flagged
        PortfolioState state = state(List.of(Money.of("USD", "100"), Money.of("EUR", "5")),
                List.of(position("A", "USD", "2", "15")));

        HoldingsValue value = fast(state, snapshot("A=USD 10"), USD);

        assertThat(value.cash()).isEqualTo(Money.of("USD", "100.00"));
        assertThat(value.equity()).isEqualTo(Money.of("USD", "120.00"));
        assertThat(value.otherCurrencyCash()).isTrue();
        assertThat(value.isComplete()).isFalse();
    }

    @Test
    void valueAt_priceTooLargeForALong_isValuedExactlyAside() {
        // 100,000,000,000 at 8 decimals is 10^19 > 2^63 - 1: valued on the exact path.
        // 2 × 100,000,000,000 + 3 × 1.005 = 200,000,000,000 + 3.015 = 200,000,000,003.015 -> .02 (even)
        PortfolioState state = state(position("BIG", "USD", "2", "1"), position("A", "USD", "3", "1"));

        HoldingsValue value = fast(state, snapshot("BIG=USD 100000000000", "A=USD 1.005"), USD);

        assertThat(value.marketValue()).isEqualTo(Money.of("USD", "200000000003.02"));
        assertThat(value.priced()).isEqualTo(2);
    }

    @Test
    void valueAt_quantityTooLargeForALong_isValuedExactlyAside() {
        // 10,000,000,000 units at 9 decimals is 10^19 > 2^63 - 1: 10^10 × 0.01 = 100,000,000.00
        HoldingsValue value = fast(state(position("A", "USD", "10000000000", "1")), snapshot("A=USD 0.01"), USD);

        assertThat(value.marketValue()).isEqualTo(Money.of("USD", "100000000.00"));
    }

    @Test
    void valueAt_tenPositionsAtTheLongLimits_sumsBeyond128BitsExactly() {
        // price 92,233,720,368.54775807 and quantity 9,223,372,036.854775807 are both (2^63 - 1)
        // scaled; the product is (2^63 - 1)^2 / 10^17 and ten of them need 130 bits:
        // 10 × 85070591730234615847396907784232501249 / 10^17
        //   = 8507059173023461584739.69077842325012490 -> USD 8507059173023461584739.69
        List<Position> positions = new ArrayList<>();
        List<String> prices = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            positions.add(position("S" + i, "USD", "9223372036.854775807", "1"));
            prices.add("S" + i + "=USD 92233720368.54775807");
        }

        HoldingsValue value = fast(state(List.of(), positions), snapshot(prices.toArray(String[]::new)), USD);

        assertThat(value.marketValue()).isEqualTo(Money.of("USD", "8507059173023461584739.69"));
        assertThat(value.costBasis()).isEqualTo(Money.of("USD", "10.00"));
    }

    @Test
    void valueAt_noPositions_isZeroAndComplete() {
        HoldingsValue value = fast(PortfolioState.EMPTY, PriceSnapshot.EMPTY, USD);

        assertThat(value).isEqualTo(new HoldingsValue(Money.zero(USD), Money.zero(USD), Money.zero(USD), 0, 0, false));
        assertThat(value.isComplete()).isTrue();
    }

    @Test
    void size_positionsInTwoCurrencies_countsBoth() {
        Holdings holdings = Holdings.of(SymbolIndex.create(),
                state(position("A", "USD", "1", "1"), position("SAP", "EUR", "1", "1")), USD);

        assertThat(holdings.size()).isEqualTo(2);
        assertThat(holdings.currency()).isEqualTo(USD);
    }
}
