package dev.erasmo.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * A positive price of one unit of something (a share, a dividend per share) in a currency, kept
 * exactly with up to {@value #MAX_SCALE} decimal places.
 *
 * <p>Trailing zeros are removed on construction, so {@code equals} is value equality. A price is
 * not booked cash: multiplying it by a {@link Quantity} and rounding to the currency's minor unit
 * is what books cash ({@link #times(Quantity)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param currency the currency of the price
 * @param amount the price, above zero
 */
public record Price(Currency currency, BigDecimal amount) {

    /** The most decimal places a price keeps. */
    public static final int MAX_SCALE = 8;

    /**
     * Validates and normalizes.
     *
     * @param currency the currency of the price
     * @param amount the price, above zero
     * @throws IllegalArgumentException if the amount is not above zero or needs more than
     *     {@value #MAX_SCALE} decimals
     */
    public Price {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        Currencies.requireMinorUnits(currency);
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("price " + amount.toPlainString() + " must be above zero");
        }
        amount = Decimals.normalize("price", amount, MAX_SCALE);
    }

    /**
     * Creates a price.
     *
     * @param currency the currency
     * @param amount the amount, above zero
     * @return the price
     */
    public static Price of(Currency currency, BigDecimal amount) {
        return new Price(currency, amount);
    }

    /**
     * Creates a price from a code and a decimal string, e.g. {@code of("USD", "549.03")}.
     *
     * @param currencyCode ISO 4217 code
     * @param amount a plain decimal string above zero
     * @return the price
     * @throws IllegalArgumentException for an unknown currency, a non-number, NaN or a
     *     non-positive amount
     */
    public static Price of(String currencyCode, String amount) {
        return new Price(Currencies.of(currencyCode), Decimals.parse("price", amount));
    }

    /**
     * Parses the form printed by {@link #toString()}, e.g. {@code "USD 549.03"}.
     *
     * @param text currency code, one space, amount
     * @return the price
     */
    public static Price parse(String text) {
        String[] parts = Decimals.codeAndAmount("price", text);
        return of(parts[0], parts[1]);
    }

    /**
     * The cash value of a quantity at this price, rounded {@link RoundingMode#HALF_EVEN} to the
     * currency's minor unit: the amount erasmo books for a trade or a dividend.
     *
     * @param quantity the quantity
     * @return price times quantity, rounded to the minor unit
     */
    public Money times(Quantity quantity) {
        return Money.of(currency, amount.multiply(quantity.value()), RoundingMode.HALF_EVEN);
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
