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
        BigDecimal integer = value.movePointRight(scale);
        return integer.compareTo(LONG_MAX) <= 0 ? integer.longValueExact() : TOO_LARGE;
    }

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /**
     * Rounds the accumulated exact sum {@code (top·2^127 + hi·2^64 + lo) / 10^17 + extra} once,
     * half-even, to the currency's minor unit.
     *
     * @param extra an exact sum of products that did not fit the longs, zero if none
     */
    static Money round(Currency currency, long top, long hi, long lo, BigDecimal extra) {
        int minor = Currencies.minorUnits(currency);
        if (top == 0 && extra.signum() == 0 && minor <= PRODUCT_SCALE) {
            long divisor = POWERS_OF_TEN[PRODUCT_SCALE - minor];
            // hi < divisor / 2 keeps the quotient below 2^63
            if (hi < divisor >>> 1) {
                long quotient = divideUnsigned(hi, lo, divisor);
                long twiceRemainder = (lo - quotient * divisor) << 1;
                if (twiceRemainder > divisor || (twiceRemainder == divisor && (quotient & 1) == 1)) {
                    quotient++;
                }
                if (quotient >= 0) {
                    return Money.of(currency, BigDecimal.valueOf(quotient, minor));
                }
            }
        }
        BigInteger sum = BigInteger.valueOf(top).shiftLeft(127)
                .add(BigInteger.valueOf(hi).shiftLeft(Long.SIZE))
                .add(unsigned(lo));
        return Money.of(currency, new BigDecimal(sum, PRODUCT_SCALE).add(extra), RoundingMode.HALF_EVEN);
    }

    private static BigInteger unsigned(long value) {
        BigInteger low63 = BigInteger.valueOf(value & Long.MAX_VALUE);
        return value < 0 ? low63.setBit(Long.SIZE - 1) : low63;
    }

    /**
     * Divides the unsigned 128-bit {@code high·2^64 + low} by {@code divisor}, for
     * {@code high <u divisor} (so that the quotient fits 64 bits): Knuth's algorithm D with 32-bit
     * digits, as {@code divlu} in Hacker's Delight (2nd ed., figure 9-3).
     *
     * @return the unsigned quotient
     */
    static long divideUnsigned(long high, long low, long divisor) {
        int shift = Long.numberOfLeadingZeros(divisor);
        long v = divisor << shift;
        long vHigh = v >>> 32;
        long vLow = v & MASK32;
        long u32 = (high << shift) | (shift == 0 ? 0 : low >>> (Long.SIZE - shift));
        long u10 = low << shift;
        long u1 = u10 >>> 32;
        long u0 = u10 & MASK32;

        long q1 = Long.divideUnsigned(u32, vHigh);
        long rest = u32 - q1 * vHigh;
        while (Long.compareUnsigned(q1, BASE) >= 0 || Long.compareUnsigned(q1 * vLow, (rest << 32) | u1) > 0) {
            q1--;
            rest += vHigh;
            if (Long.compareUnsigned(rest, BASE) >= 0) {
                break;
            }
        }
        long u21 = ((u32 << 32) | u1) - q1 * v;

        long q0 = Long.divideUnsigned(u21, vHigh);
        rest = u21 - q0 * vHigh;
        while (Long.compareUnsigned(q0, BASE) >= 0 || Long.compareUnsigned(q0 * vLow, (rest << 32) | u0) > 0) {
            q0--;
            rest += vHigh;
            if (Long.compareUnsigned(rest, BASE) >= 0) {
                break;
            }
        }
        return (q1 << 32) | q0;
    }

    private static final long BASE = 1L << 32;
    private static final long MASK32 = BASE - 1;
}
