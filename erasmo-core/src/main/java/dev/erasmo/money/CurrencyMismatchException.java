package dev.erasmo.money;

import java.util.Currency;

/**
 * Thrown when amounts of different currencies are combined without an exchange rate.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class CurrencyMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param expected the currency of the left-hand side
     * @param actual the other currency
     */
    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("currency mismatch: " + expected.getCurrencyCode() + " and " + actual.getCurrencyCode());
    }
}
