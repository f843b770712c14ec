package dev.erasmo.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceAndQuantityTest {

    @Test
    void price_keepsEightDecimalsAndRejectsMore() {
        assertThat(Price.of("USD", "0.12345678").amount()).isEqualTo(new BigDecimal("0.12345678"));
        assertThatThrownBy(() -> Price.of("USD", "0.123456789")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 8 decimal places");
    }

    @Test
    void price_nonPositiveOrNotANumber_isRejected() {
        for (String bad : new String[] {"0", "-1", "NaN", "x", ""}) {
            assertThatThrownBy(() -> Price.of("USD", bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void price_equalsIgnoresTrailingZeros() {
        assertThat(Price.of("USD", "549.030")).isEqualTo(Price.of("USD", "549.03"));
        assertThat(Price.parse("USD 549.03")).isEqualTo(Price.of("USD", "549.03"));
        assertThat(Price.of("USD", "100")).hasToString("USD 100");
    }

    @Test
    void times_roundsHalfEvenToTheMinorUnit() {
        // 3 x 0.335 = 1.005 -> USD 1.00 (0 is even)
        assertThat(Price.of("USD", "0.335").times(Quantity.of(3))).isEqualTo(Money.of("USD", "1.00"));
        // 3 x 0.345 = 1.035 -> USD 1.04 (3 is odd)
        assertThat(Price.of("USD", "0.345").times(Quantity.of(3))).isEqualTo(Money.of("USD", "1.04"));
        // 3 x 1234.5 = 3703.5 -> JPY 3704 (3 is odd)
        assertThat(Price.of("JPY", "1234.5").times(Quantity.of(3))).isEqualTo(Money.of("JPY", "3704"));
        // 3 x 1.2345 = 3.7035 -> BHD 3.704
        assertThat(Price.of("BHD", "1.2345").times(Quantity.of(3))).isEqualTo(Money.of("BHD", "3.704"));
        // 0.5 x 549.03 = 274.515 -> 274.52 (1 is odd)
        assertThat(Price.of("USD", "549.03").times(Quantity.parse("0.5"))).isEqualTo(Money.of("USD", "274.52"));
    }

    @Test
    void quantity_keepsNineDecimals() {
        assertThat(Quantity.parse("0.123456789").value()).isEqualTo(new BigDecimal("0.123456789"));
        assertThat(Quantity.parse("12345678901234.567890123").value()).isEqualTo(new BigDecimal("12345678901234.567890123"));
        assertThatThrownBy(() -> Quantity.parse("0.0000000001")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 9 decimal places");
    }

    @Test
    void quantity_negativeNaNOrNonNumeric_isRejected() {
        for (String bad : new String[] {"-1", "NaN", "-0.5", "ten", "1e2", "", "  "}) {
            assertThatThrownBy(() -> Quantity.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void quantity_equalsIgnoresTrailingZeros() {
        assertThat(Quantity.parse("10.000")).isEqualTo(Quantity.of(10)).hasToString("10");
        assertThat(Quantity.of(new BigDecimal("1E+2"))).hasToString("100");
        assertThat(Quantity.of(5).minus(Quantity.of(5)).isZero()).isTrue();
        assertThatThrownBy(() -> Quantity.of(1).minus(Quantity.of(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_absurdlyLongNumbers_areRefusedQuickly() {
        String huge = "1".repeat(1_000_000);
        assertThatThrownBy(() -> Quantity.parse(huge)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 64");
        assertThatThrownBy(() -> Price.of("USD", huge)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("USD", huge)).isInstanceOf(IllegalArgumentException.class);
        // 64 characters are fine
        assertThat(Money.of("USD", "9".repeat(64)).amount().precision()).isEqualTo(66);
    }
}
