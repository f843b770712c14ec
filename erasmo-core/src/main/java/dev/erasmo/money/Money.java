package dev.erasmo.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of cash in one currency, always at the currency's minor unit (USD 2 decimals,
 * JPY 0, BHD 3).
 *
 * <p>The amount is held with exactly the currency's number of decimals, so {@code equals} is
 * value equality: {@code Money.of("USD", "1.5")} equals {@code Money.of("USD", "1.50")}. A value
 * with more decimals than the currency has is rejected by {@link #of(Currency, BigDecimal)}; round
 * it explicitly with {@link #of(Currency, BigDecimal, RoundingMode)}. erasmo itself rounds
 * {@link RoundingMode#HALF_EVEN} where cash is booked (for instance price times quantity of a
 * trade). Arithmetic between different currencies throws {@link CurrencyMismatchException}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param currency the ISO 4217 currency, which must have a minor unit
 * @param amount the amount, negative for a debit
 */
public record Money(Currency currency, BigDecimal amount) implements Comparable<Money> {

    /**
     * Validates and normalizes: the amount must fit the currency's minor unit exactly.
     *
     * @param currency the ISO 4217 currency, which must have a minor unit
     * @param amount the amount, negative for a debit
     * @throws IllegalArgumentException if the currency has no minor unit or the amount needs more
     *     decimals than the currency has
     */
    public Money {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        int scale = Currencies.minorUnits(currency);
        if (amount.scale() != scale) {
            try {
                // one step to the minor unit, refusing to drop a digit that is not zero
                amount = amount.setScale(scale, java.math.RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(currency.getCurrencyCode() + " amount " + amount.toPlainString()
                        + " has more than " + scale + " decimal places", e);
            }
        }
    }

    /**
     * Creates money from an amount that fits the currency's minor unit.
     *
     * @param currency the currency
     * @param amount the amount
     * @return the money
     */
    public static Money of(Currency currency, BigDecimal amount) {
        return new Money(currency, amount);
    }

    /**
     * Creates money, rounding the amount to the currency's minor unit.
     *
     * @param currency the currency
     * @param amount any exact amount
     * @param rounding how to round to the minor unit
     * @return the rounded money
     */
    public static Money of(Currency currency, BigDecimal amount, RoundingMode rounding) {
        return new Money(currency, amount.setScale(Currencies.minorUnits(currency), rounding));
    }

    /**
     * Creates money from a currency code and a decimal string, e.g. {@code of("USD", "12.34")}.
     *
     * @param currencyCode ISO 4217 code
     * @param amount a plain decimal string (no exponent, no NaN)
     * @return the money
     * @throws IllegalArgumentException for an unknown currency or an amount that is not a decimal
     */
    public static Money of(String currencyCode, String amount) {
        return new Money(Currencies.of(currencyCode), Decimals.parse("amount", amount));
    }

    /**
     * Zero in the given currency.
     *
     * @param currency the currency
     * @return zero
     */
    public static Money zero(Currency currency) {
        return new Money(currency, BigDecimal.ZERO);
    }

    /**
     * Parses the form printed by {@link #toString()}, e.g. {@code "USD 12.34"}.
     *
     * @param text currency code, one space, amount
     * @return the money
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static Money parse(String text) {
        String[] parts = Decimals.codeAndAmount("money", text);
        return of(parts[0], parts[1]);
    }

    /**
     * Adds money of the same currency.
     *
     * @param other the money to add
     * @return the sum
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(currency, amount.add(other.amount));
    }

    /**
     * Subtracts money of the same currency.
     *
     * @param other the money to subtract
     * @return the difference
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(currency, amount.subtract(other.amount));
    }

    /**
     * Multiplies by an exact factor and rounds to the minor unit.
     *
     * @param factor the factor
     * @param rounding the rounding mode
     * @return the rounded product
     */
    public Money multipliedBy(BigDecimal factor, RoundingMode rounding) {
        return of(currency, amount.multiply(factor), rounding);
    }

    /**
     * Returns the negated amount.
     *
     * @return minus this
     */
    public Money negated() {
        return new Money(currency, amount.negate());
    }

    /**
     * Tells whether the amount is zero.
     *
     * @return true for zero
     */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /**
     * Tells whether the amount is below zero.
     *
     * @return true for a negative amount
     */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Tells whether the amount is above zero.
     *
     * @return true for a positive amount
     */
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /**
     * Orders by amount; only money of the same currency compares.
     *
     * @throws CurrencyMismatchException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    /**
     * Prints the currency code and the plain amount at the minor unit, e.g. {@code USD 12.30}.
     */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
