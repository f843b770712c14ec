package dev.erasmo.valuation;

import static dev.erasmo.valuation.Fixtures.USD;
import static dev.erasmo.valuation.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Symbol;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class PriceVectorTest {

    @Test
    void of_pricesInTwoCurrencies_keepsOnlyTheVectorsCurrencyButNumbersAll() {
        SymbolIndex index = SymbolIndex.create();

        PriceVector vector = PriceVector.of(index, snapshot("B=USD 2", "A=USD 1", "SAP=EUR 100"), USD);

        assertThat(vector.size()).isEqualTo(2);
        assertThat(vector.currency()).isEqualTo(USD);
        assertThat(index.size()).isEqualTo(3);
        // numbered alphabetically: A, B, SAP
        assertThat(index.intern(Symbol.of("A"))).isEqualTo(0);
        assertThat(index.intern(Symbol.of("SAP"))).isEqualTo(2);
        assertThat(vector).hasToString("PriceVector[2 prices in USD]");
    }

    @Test
    void of_currencyWithoutMinorUnit_throws() {
        Currency gold = Currency.getInstance("XAU");

        assertThatThrownBy(() -> PriceVector.of(SymbolIndex.create(), PriceSnapshot.EMPTY, gold))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XAU has no minor unit");
    }
}
