package dev.erasmo.valuation;

import dev.erasmo.money.Currencies;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The fixed-point arithmetic of the fast valuation path: decimals as scaled {@code long}s
 * (prices at scale {@value #PRICE_SCALE}, quantities at scale {@value #QUANTITY_SCALE}), their
 * products at scale {@value #PRODUCT_SCALE} summed into a 191-bit unsigned accumulator held in
 * three longs, and the one rounding at the end.
 *
 * <p>The accumulator is {@code top·2^127 + hi·2^64 + lo}, with {@code lo} unsigned and
 * {@code 0 <= hi < 2^63}: each product of two non-negative longs is below {@code 2^126}, so its
 * high word is below {@code 2^62}; adding it and the carry of the low word to {@code hi} stays
 * below {@code 2^64}, and bit 63 is then moved into {@code top}. This is exact for any number of
 * positions an array can hold.
 *
 * <p>Stateless.
 */
final class Fixed {

    /** Decimals of a scaled price: all a {@link Price} may have. */
    static final int PRICE_SCALE = Price.MAX_SCALE;

    /** Decimals of a scaled quantity: all a {@link Quantity} may have. */
    static final int QUANTITY_SCALE = Quantity.MAX_SCALE;

    /** Decimals of a product of a scaled price and a scaled quantity. */
    static final int PRODUCT_SCALE = PRICE_SCALE + QUANTITY_SCALE;

    /** Marks a value too large for a long at its scale; the exact value is kept aside. */
    static final long TOO_LARGE = -1L;

    private static final long[] POWERS_OF_TEN = new long[PRODUCT_SCALE + 1];

    static {
        POWERS_OF_TEN[0] = 1L;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10L;
        }
    }

    private Fixed() {
    }

    /**
     * Scales a non-negative decimal with at most {@code scale} decimals to a long.
     *
     * @return the unscaled value at {@code scale}, or {@link #TOO_LARGE} if it needs 64 bits or
     *     more
     */
    static long scaled(BigDecimal value, int scale) {
        BigInteger unscaled = value.setScale(scale).unscaledValue();
        return unscaled.bitLength() < Long.SIZE ? unscaled.longValueExact() : TOO_LARGE;
    }

    /**
     * Rounds the accumulated exact sum {@code (top·2^127 + hi·2^64 + lo) / 10^17 + extra} once,
     * half-even, to the currency's minor unit.
     *
     * @param extra an exact sum of products that did not fit the longs, zero if none
     */
    static Money round(Currency currency, long top, long hi, long lo, BigDecimal extra) {
        int minor = Currencies.minorUnits(currency);
        if (top == 0 && hi == 0 && lo >= 0 && extra.signum() == 0 && minor <= PRODUCT_SCALE) {
            return Money.of(currency, BigDecimal.valueOf(roundHalfEven(lo, POWERS_OF_TEN[PRODUCT_SCALE - minor]), minor));
        }
        BigInteger sum = BigInteger.valueOf(top).shiftLeft(127)
                .add(BigInteger.valueOf(hi).shiftLeft(Long.SIZE))
                .add(new BigInteger(Long.toUnsignedString(lo)));
        return Money.of(currency, new BigDecimal(sum, PRODUCT_SCALE).add(extra), RoundingMode.HALF_EVEN);
    }

    /** {@code value / divisor} rounded half-even, for {@code value >= 0} and {@code divisor > 0}. */
    private static long roundHalfEven(long value, long divisor) {
        long quotient = value / divisor;
        long twiceRemainder = (value - quotient * divisor) * 2;
        if (twiceRemainder > divisor || (twiceRemainder == divisor && (quotient & 1) == 1)) {
            quotient++;
        }
        return quotient;
    }
}
