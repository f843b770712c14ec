package dev.erasmo.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An amount of money on a date, for {@link Xirr} and {@link ModifiedDietz}. The sign is the
 * caller's, and each method states what it means: XIRR takes the investor's side (money paid in
 * is negative, money received and the final value are positive), Modified Dietz the portfolio's
 * (a deposit is positive, a withdrawal negative).
 *
 * <p>The amount is normalized (trailing zeros stripped, never a negative scale), so {@code
 * equals} compares values: {@code 100.00} and {@code 100} make equal flows.
 *
 * <p>Immutable and thread-safe.
 *
 * @param date the date of the flow
 * @param amount the amount, in the one currency of the whole computation
 */
public record CashFlow(LocalDate date, BigDecimal amount) {

    /**
     * Normalizes the amount.
     *
     * @param date the date of the flow
     * @param amount the amount, in the one currency of the whole computation
     */
    public CashFlow {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        BigDecimal stripped = amount.stripTrailingZeros();
        amount = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * A flow from an amount written in decimal.
     *
     * @param date the date of the flow
     * @param amount the amount, e.g. {@code "-1000.50"}
     * @return the flow
     * @throws NumberFormatException if the amount is not a decimal number
     */
    public static CashFlow of(LocalDate date, String amount) {
        return new CashFlow(date, new BigDecimal(amount));
    }

    @Override
    public String toString() {
        return date + " " + amount.toPlainString();
    }
}
