package dev.erasmo.performance;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The simple return of one period, with the date that ends the period (the best or worst period
 * of a {@link Metrics}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param date the date that ends the period
 * @param value the simple return, -1 or more (0.01 is +1 %)
 */
public record DatedReturn(LocalDate date, double value) {

    /**
     * Validates: a finite return of -1 or more.
     *
     * @param date the date that ends the period
     * @param value the simple return, -1 or more (0.01 is +1 %)
     */
    public DatedReturn {
        Objects.requireNonNull(date, "date");
        ReturnSeries.checkReturn(value, date);
    }
}
