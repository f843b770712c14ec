package dev.erasmo.valuation;

import static dev.erasmo.valuation.Fixtures.EUR;
import static dev.erasmo.valuation.Fixtures.USD;
import static dev.erasmo.valuation.Fixtures.position;
import static dev.erasmo.valuation.Fixtures.snapshot;
import static dev.erasmo.valuation.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.money.CurrencyMismatchException;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.PortfolioState;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldingsValueTest {

    @Test
    void of_pricedAndUnpricedPositions_sumsThePricedOnesAndRoundsOnce() {
        // A: 3 × 0.335 = 1.005; B: 2 × 10.0025 = 20.005; total 21.010 -> USD 21.01 (no tie left)
        // C has no price: left out of value and cost. Cost 0.90 + 19.00 = 19.90
        PortfolioState state = state(List.of(Money.of("USD", "50")),
                List.of(position("A", "USD", "3", "0.90"), position("B", "USD", "2", "19"), position("C", "USD", "1", "5")));

        HoldingsValue value = HoldingsValue.of(state, snapshot("A=USD 0.335", "B=USD 10.0025"), USD);

        assertThat(value).isEqualTo(new HoldingsValue(Money.of("USD", "21.01"), Money.of("USD", "19.90"),
                Money.of("USD", "50"), 2, 1, false));
        assertThat(value.unrealizedPnl()).isEqualTo(Money.of("USD", "1.11")); // 21.01 - 19.90
        assertThat(value.equity()).isEqualTo(Money.of("USD", "71.01")); // 50.00 + 21.01
        assertThat(value.currency()).isEqualTo(USD);
        assertThat(value).hasToString("HoldingsValue[USD 21.01 (cost USD 19.90), cash USD 50.00, 2 priced, 1 unpriced]");
    }

    @Test
    void new_amountsInDifferentCurrencies_throws() {
        assertThatThrownBy(() -> new HoldingsValue(Money.zero(USD), Money.zero(EUR), Money.zero(USD), 0, 0, false))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void new_negativeCount_throws() {
        assertThatThrownBy(() -> new HoldingsValue(Money.zero(USD), Money.zero(USD), Money.zero(USD), 0, -1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 unpriced");
    }
}
