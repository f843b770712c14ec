package dev.erasmo.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A non-negative number of units (shares), exact, with up to {@value #MAX_SCALE} decimal places
 * so fractional shares are possible.
 *
 * <p>Trailing zeros are removed on construction, so {@code equals} is value equality
 * ({@code 10} equals {@code 10.000}). Trades require a quantity above zero; a zero quantity only
 * appears as a result.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the number of units, zero or more
 */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {

    /** The most decimal places a quantity keeps. */
    public static final int MAX_SCALE = 9;

    /** No units. */
    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

    /**
     * Validates and normalizes.
     *
     * @param value the number of units, zero or more
     * @throws IllegalArgumentException if negative or with more than {@value #MAX_SCALE} decimals
     */
    public Quantity {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("quantity " + value.toPlainString() + " must not be negative");
        }
        value = Decimals.normalize("quantity", value, MAX_SCALE);
    }

    /**
     * Creates a quantity.
     *
     * @param value zero or more
     * @return the quantity
     */
    public static Quantity of(BigDecimal value) {
        return new Quantity(value);
    }

    /**
     * Creates a quantity of whole units.
     *
     * @param units zero or more
     * @return the quantity
     */
    public static Quantity of(long units) {
        return new Quantity(BigDecimal.valueOf(units));
    }

    /**
     * Parses a plain decimal string, e.g. {@code "10"} or {@code "0.5"}.
     *
     * @param text the quantity
     * @return the quantity
     * @throws IllegalArgumentException for NaN, a non-number, a negative value or too many decimals
     */
    public static Quantity parse(String text) {
        return new Quantity(Decimals.parse("quantity", text));
    }

    /**
     * Adds a quantity.
     *
     * @param other the quantity to add
     * @return the sum
     */
    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value));
    }

    /**
     * Subtracts a quantity that is not larger than this one.
     *
     * @param other the quantity to subtract
     * @return the difference
     * @throws IllegalArgumentException if the result would be negative
     */
    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value));
    }

    /**
     * Tells whether this is zero.
     *
     * @return true for zero units
     */
    public boolean isZero() {
        return value.signum() == 0;
    }

    /**
     * Tells whether this is above zero.
     *
     * @return true for more than zero units
     */
    public boolean isPositive() {
        return value.signum() > 0;
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
