package dev.erasmo.quote;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A stock split as a quote source reports it: {@code numerator} new shares for every
 * {@code denominator} old ones, effective on a date.
 *
 * <p>Immutable and thread-safe.
 *
 * @param date the effective date
 * @param numerator new shares, above zero
 * @param denominator old shares, above zero
 */
public record SplitEvent(LocalDate date, int numerator, int denominator) {

    /**
     * Validates.
     *
     * @param date the effective date
     * @param numerator new shares, above zero
     * @param denominator old shares, above zero
     */
    public SplitEvent {
        Objects.requireNonNull(date, "date");
        if (numerator <= 0 || denominator <= 0) {
            throw new IllegalArgumentException("split " + numerator + ":" + denominator + " on " + date + " must have both parts above zero");
        }
    }
}
