package dev.erasmo.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void of_scaleFollowsIsoMinorUnits() {
        assertThat(Money.of("USD", "12.3").amount()).isEqualTo(new BigDecimal("12.30"));
        assertThat(Money.of("JPY", "1200").amount()).isEqualTo(new BigDecimal("1200"));
        assertThat(Money.of("BHD", "1.5").amount()).isEqualTo(new BigDecimal("1.500"));
    }

    @Test
    void equals_isValueEqualityWhateverTheInputScale() {
        assertThat(Money.of("USD", "1.5")).isEqualTo(Money.of("USD", "1.50")).isEqualTo(Money.of(USD, new BigDecimal("1.5000")));
        assertThat(Money.of("USD", "1.5").hashCode()).isEqualTo(Money.of("USD", "1.500").hashCode());
    }

    @Test
    void of_moreDecimalsThanTheCurrencyHas_isRejected() {
        assertThatThrownBy(() -> Money.of("USD", "1.234")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 2");
        assertThatThrownBy(() -> Money.of("JPY", "1.5")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> Money.of("BHD", "1.2345")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 3");
    }

    @Test
    void of_withRounding_roundsHalfEvenWhenAsked() {
        // 0.125 -> 0.12 (2 is even), 0.135 -> 0.14 (3 is odd, so up to 4)
        assertThat(Money.of(USD, new BigDecimal("0.125"), RoundingMode.HALF_EVEN)).isEqualTo(Money.of("USD", "0.12"));
        assertThat(Money.of(USD, new BigDecimal("0.135"), RoundingMode.HALF_EVEN)).isEqualTo(Money.of("USD", "0.14"));
    }

    @Test
    void of_unknownOrUnitlessCurrency_isRejected() {
        assertThatThrownBy(() -> Money.of("XYZ", "1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown currency 'XYZ'");
        assertThatThrownBy(() -> Money.of("usd", "1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown currency");
        assertThatThrownBy(() -> Money.of("XAU", "1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no minor unit");
    }

    @Test
    void of_notADecimal_isRejected() {
        for (String bad : new String[] {"NaN", "Infinity", "1e3", "", " ", "1,000", "abc", "1.2.3", "--1"}) {
            assertThatThrownBy(() -> Money.of("USD", bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void plus_differentCurrencies_isAnError() {
        assertThatThrownBy(() -> Money.of("USD", "1").plus(Money.of("EUR", "1"))).isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("USD").hasMessageContaining("EUR");
        assertThatThrownBy(() -> Money.of("USD", "1").compareTo(Money.of("EUR", "1"))).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void arithmetic_isExact() {
        // 0.1 + 0.2 is exactly 0.3 (it is not in binary floating point)
        assertThat(Money.of("USD", "0.1").plus(Money.of("USD", "0.2"))).isEqualTo(Money.of("USD", "0.3"));
        assertThat(Money.of("USD", "10").minus(Money.of("USD", "10.01"))).isEqualTo(Money.of("USD", "-0.01"));
        assertThat(Money.of("USD", "5").negated().isNegative()).isTrue();
        // 10.00 x 0.3333 = 3.333 -> 3.33
        assertThat(Money.of("USD", "10").multipliedBy(new BigDecimal("0.3333"), RoundingMode.HALF_EVEN)).isEqualTo(Money.of("USD", "3.33"));
    }

    @Test
    void parse_isTheInverseOfToString() {
        for (Money m : new Money[] {Money.of("USD", "12.3"), Money.of("JPY", "-5"), Money.of("BHD", "0.001")}) {
            assertThat(Money.parse(m.toString())).isEqualTo(m);
        }
        assertThat(Money.of("USD", "12.3")).hasToString("USD 12.30");
        assertThatThrownBy(() -> Money.parse("12.30")).isInstanceOf(IllegalArgumentException.class);
    }
}
