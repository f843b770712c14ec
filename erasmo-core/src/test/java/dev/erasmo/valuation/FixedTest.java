package dev.erasmo.valuation;

import static dev.erasmo.valuation.Fixtures.BHD;
import static dev.erasmo.valuation.Fixtures.JPY;
import static dev.erasmo.valuation.Fixtures.USD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.money.Currencies;
import dev.erasmo.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedTest {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    @Test
    void divideUnsigned_randomOperands_equalsBigIntegerDivision() {
        long seed = 11L;
        Random random = new Random(seed);
        for (int n = 0; n < 200_000; n++) {
            // divisors of every width, including the full 64 bits (no normalizing shift)
            long divisor = random.nextLong() >>> random.nextInt(64);
            if (divisor == 0) {
                continue;
            }
            long high = Long.remainderUnsigned(random.nextLong(), divisor);
            long low = n % 7 == 0 ? -1L : random.nextLong();
            BigInteger dividend = unsigned(high).shiftLeft(64).add(unsigned(low));

            long quotient = Fixed.divideUnsigned(high, low, divisor);

            assertThat(unsigned(quotient)).as("seed %d: %s / %s", seed, dividend, unsigned(divisor))
                    .isEqualTo(dividend.divide(unsigned(divisor)));
        }
    }

    @Test
    void round_aroundTheLongQuotientLimit_equalsBigDecimalRounding() {
        // with hi just below 10^(17-m)/2 the quotient is just below 2^63, and rounding up may
        // reach 2^63: both sides of that edge must round like BigDecimal
        for (Currency currency : List.of(USD, JPY, BHD)) {
            long divisor = BigInteger.TEN.pow(17 - Currencies.minorUnits(currency)).longValueExact();
            for (long hi : new long[] {divisor / 2 - 1, divisor / 2, divisor / 2 + 1, 0}) {
                for (long lo : new long[] {-1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE, divisor / 2, divisor * 3 / 2}) {
                    BigDecimal exact = new BigDecimal(unsigned(hi).shiftLeft(64).add(unsigned(lo)), 17);

                    assertThat(Fixed.round(currency, 0, hi, lo, BigDecimal.ZERO)).as("%s hi %d lo %d", currency, hi, lo)
                            .isEqualTo(Money.of(currency, exact, RoundingMode.HALF_EVEN));
                }
            }
        }
    }

    @Test
    void round_topWordAndExtra_addsThemBeforeRounding() {
        // 2^127 / 10^17 = 1701411834604692317316.87303715884105728
        // + 0.005        = 1701411834604692317316.87803715884105728 -> USD ...316.88
        Money money = Fixed.round(USD, 1, 0, 0, new BigDecimal("0.005"));

        assertThat(money).isEqualTo(Money.of("USD", "1701411834604692317316.88"));
    }

    @Test
    void scaled_valuesAroundTheLongLimit_areExactOrTooLarge() {
        assertThat(Fixed.scaled(new BigDecimal("92233720368.54775807"), 8)).isEqualTo(Long.MAX_VALUE);
        assertThat(Fixed.scaled(new BigDecimal("92233720368.54775808"), 8)).isEqualTo(Fixed.TOO_LARGE);
        assertThat(Fixed.scaled(new BigDecimal("0.000000001"), 9)).isEqualTo(1L);
        assertThat(Fixed.scaled(new BigDecimal("12"), 9)).isEqualTo(12_000_000_000L);
    }

    private static BigInteger unsigned(long value) {
        return value >= 0 ? BigInteger.valueOf(value) : BigInteger.valueOf(value).add(TWO_64);
    }
}
